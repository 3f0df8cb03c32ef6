package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The shipped command's surface: its version, its commands, how it refuses bad settings. */
class NewswireTest {
  static String run(int[] exit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = Newswire.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    exit[0] = line.execute(args);
    return out + "" + err;
  }

  @Test
  void versionNamesTheBuildTheTaggerAndKafka() {
    int[] exit = new int[1];
    String out = run(exit, "--version");
    assertThat(exit[0]).isZero();
    assertThat(out).containsPattern("newswire \\d+\\.\\d+\\.\\d+").doesNotContain("development build")
        .contains("tagger newswire-perceptron/").contains("Apache Kafka clients 4.");
  }

  @Test
  void theShippedCommandHasNoDevelopmentCommands() {
    assertThat(Newswire.commandLine().getSubcommands().keySet())
        .contains("ingest", "enrich", "sink", "topics", "status", "replay", "query", "dlq", "tag")
        .doesNotContain("demo", "stack", "bench");
    assertThat(Newswire.commandLine().getSubcommands().get("tag").getSubcommands()).isEmpty();
  }

  @Test
  void aMistypedSettingStopsACommandBeforeItStarts() {
    int[] exit = new int[1];
    String out = run(exit, "topics", "--set", "bootstrap.server=broker:9092");
    assertThat(exit[0]).isNotZero();
    assertThat(out).contains("did you mean bootstrap.servers?");
  }
}
