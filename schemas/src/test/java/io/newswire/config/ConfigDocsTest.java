package io.newswire.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIGURATION.md holds the generated reference between two markers. Run this test with
 * -Dnewswire.docs.write=true to regenerate it after changing a setting.
 */
class ConfigDocsTest {
  static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
  static final String BEGIN = "<!-- generated from the code: begin -->\n";
  static final String END = "<!-- generated from the code: end -->";

  @Test
  void theReferenceIsUpToDate() throws Exception {
    String doc = Files.readString(DOC);
    String generated = BEGIN + ConfigDocs.markdown() + END;
    String current = doc.substring(doc.indexOf(BEGIN), doc.indexOf(END) + END.length());
    if (Boolean.getBoolean("newswire.docs.write")) {
      Files.writeString(DOC, doc.replace(current, generated));
      return;
    }
    assertThat(current).as("docs/CONFIGURATION.md is stale: rerun with -Dnewswire.docs.write=true").isEqualTo(generated);
  }

  @Test
  void environmentVariablesAndOverridesWinInThatOrder() throws Exception {
    Path file = Files.createTempFile("newswire", ".properties");
    Files.writeString(file, "bootstrap.servers=from-file:9092\nsink.batch.size=100\nsasl.mechanism=PLAIN\n");
    NewswireConfig config = NewswireConfig.load(file,
        java.util.Map.of("NEWSWIRE_SINK_BATCH_SIZE", "200", "NEWSWIRE_POSTGRES_PASSWORD", "s3cret", "PATH", "/bin"),
        java.util.Map.of("bootstrap.servers", "from-flag:9092"));
    assertThat(config.get(NewswireConfig.BOOTSTRAP_SERVERS)).isEqualTo("from-flag:9092");
    assertThat(config.getInt(NewswireConfig.SINK_BATCH_SIZE)).isEqualTo(200);
    assertThat(config.get(NewswireConfig.SINK_GROUP_ID)).isEqualTo("newswire-sink");
    assertThat(config.kafkaClients()).containsEntry("sasl.mechanism", "PLAIN").doesNotContainKey("sink.batch.size");
    assertThat(config.describe()).containsEntry("postgres.password", "[hidden]");
  }
}
