package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenArticlesTest {
  @TempDir Path dir;

  @Test
  void idsSurviveARestart() {
    Path file = dir.resolve("state/published-ids");
    try (SeenArticles seen = SeenArticles.open(file, 1000)) {
      seen.add("a");
      seen.add("b");
    }
    try (SeenArticles again = SeenArticles.open(file, 1000)) {
      assertThat(again.contains("a")).isTrue();
      assertThat(again.contains("b")).isTrue();
      assertThat(again.contains("c")).isFalse();
    }
  }

  @Test
  void theOldestAreForgottenAndTheFileStaysBounded() throws Exception {
    Path file = dir.resolve("published-ids");
    try (SeenArticles seen = SeenArticles.open(file, 1000)) {
      for (int i = 0; i < 5000; i++) {
        seen.add("id-" + i);
      }
      assertThat(seen.size()).isEqualTo(1000);
      assertThat(seen.contains("id-0")).isFalse();
      assertThat(seen.contains("id-4999")).isTrue();
    }
    assertThat(Files.readAllLines(file).size()).isLessThanOrEqualTo(2001);
    try (SeenArticles again = SeenArticles.open(file, 1000)) {
      assertThat(again.contains("id-4999")).isTrue();
      assertThat(again.contains("id-10")).isFalse();
    }
  }
}
