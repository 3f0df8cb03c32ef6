package io.newswire.dev;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's runs are valid bench command lines in both modes (parsed, not run: benchmarks are not tests). */
class BenchSuiteCommandTest {
  @Test
  void everyRunOfBothModesParses() {
    for (boolean full : new boolean[] {false, true}) {
      List<List<String>> runs = BenchSuiteCommand.runs(full);
      assertThat(runs).extracting(r -> r.get(0)).containsExactly("ingest", "sink", "tag", "enrich", "e2e");
      for (List<String> run : runs) {
        List<String> args = new ArrayList<>(List.of("bench"));
        args.addAll(run);
        assertThatCode(() -> NewswireDev.commandLine().parseArgs(args.toArray(String[]::new)))
            .as(String.join(" ", args)).doesNotThrowAnyException();
      }
    }
    assertThat(BenchSuiteCommand.runs(true)).anyMatch(r -> r.contains("100,500,1000"));
  }
}
