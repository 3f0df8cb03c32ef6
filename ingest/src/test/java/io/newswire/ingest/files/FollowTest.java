package io.newswire.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.TestIntake;
import io.newswire.schema.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowTest {
  @TempDir Path dir;

  @Test
  void newFilesArePickedUpAsTheyAppear() throws Exception {
    TestIntake test = new TestIntake(dir.resolve("quarantine"));
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("first.txt"), "First story\n\nThe first story body.");
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<IngestSummary> following = CompletableFuture.supplyAsync(() -> {
      try {
        return new FileIngest(new ArticleFiles(), test.intake).follow(List.of(inbox.toString()), 50, stop::get, (d, t) -> { });
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> test.published().size() == 1);

    Files.writeString(inbox.resolve("second.md"), "# Second story\n\nThe second story body.");
    await().atMost(Duration.ofSeconds(10)).until(() -> test.published().size() == 2);
    stop.set(true);

    assertThat(following.get().publishedCount()).isEqualTo(2);
    assertThat(test.published()).extracting(RawArticle::getTitle).containsExactly("First story", "Second story");
  }
}
