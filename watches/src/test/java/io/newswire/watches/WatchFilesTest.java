package io.newswire.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFilesTest {
  @TempDir Path dir;

  @Test
  void yamlTree() throws Exception {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, """
        id: wagner-bakhmut
        name: Wagner and Bakhmut in one article
        minSalience: 0.1
        rule:
          all:
            - org: Wagner Group
            - any: [{place: Bakhmut}, {near: "48.6,38.0,30km"}]
            - not: {topic: 15000000}
        """);
    var watch = WatchFiles.read(file);
    assertThat(watch.getId()).isEqualTo("wagner-bakhmut");
    assertThat(watch.getMinSalience()).isEqualTo(0.1);
    assertThat(watch.getRule())
        .isEqualTo("org:\"Wagner Group\" AND (place:Bakhmut OR near:48.6,38.0,30km) AND NOT topic:medtop:15000000");
  }

  @Test
  void jsonWithAWrittenRule() throws Exception {
    Path file = dir.resolve("w.json");
    Files.writeString(file, "{\"id\": \"cb\", \"rule\": \"\\\"central bank\\\" AND country:TR\", \"webhook\": \"http://127.0.0.1:9/x\"}");
    var watch = WatchFiles.read(file);
    assertThat(watch.getName()).isEqualTo("cb");
    assertThat(watch.getRule()).isEqualTo("phrase:\"central bank\" AND country:TR");
    assertThat(watch.getWebhook()).isEqualTo("http://127.0.0.1:9/x");
  }

  @Test
  void errorsNameThePath() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "id: x\nrule:\n  all:\n    - org: NATO\n    - any: [{plce: Kyiv}]\n");
    assertThatThrownBy(() -> WatchFiles.read(file)).hasMessageStartingWith("rule.all[1].any[0]: unknown key 'plce'");
    Files.writeString(file, "id: x\nrule: {all: [{country: Turkey}]}\n");
    assertThatThrownBy(() -> WatchFiles.read(file)).hasMessageStartingWith("rule.all[0].country: country: takes a two-letter");
    Files.writeString(file, "id: 'has space'\nrule: 'lang:en'\n");
    assertThatThrownBy(() -> WatchFiles.read(file)).hasMessageContaining("a watch id is");
  }
}
