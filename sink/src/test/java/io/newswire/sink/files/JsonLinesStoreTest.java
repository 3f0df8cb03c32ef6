package io.newswire.sink.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesStoreTest {
  @TempDir Path dir;

  String partition() throws Exception {
    return Files.readString(dir.resolve("date=2025-04-04/articles.jsonl"));
  }

  @Test
  void writesArticlesByDateAndAReplayChangesNothing() throws Exception {
    JsonLinesStore store = new JsonLinesStore(dir);
    List<ArticleChange> batch = List.of(new ArticleChange.Upsert(Fixtures.article("b", 1, "B")),
        new ArticleChange.Upsert(Fixtures.article("a", 1, "A")));
    store.apply(batch);
    String first = partition();
    assertThat(first.lines()).hasSize(2);
    assertThat(first.lines().findFirst().orElseThrow()).contains("\"id\":\"a\"", "\"tagger\":\"test/1\"",
        "\"publishedAt\":\"2025-04-04T09:00:00Z\"", "\"name\":\"Ana Ruiz\"");

    store.apply(batch);
    new JsonLinesStore(dir).apply(batch); // a restarted sink replaying
    assertThat(partition()).isEqualTo(first);
  }

  @Test
  void versionsAndDeletesFollowTheStoreRules() throws Exception {
    JsonLinesStore store = new JsonLinesStore(dir);
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article("a", 2, "New"))));
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article("a", 1, "Old"))));
    assertThat(partition()).contains("\"title\":\"New\"").doesNotContain("\"title\":\"Old\"");

    JsonLinesStore restarted = new JsonLinesStore(dir);
    restarted.apply(List.of(new ArticleChange.Upsert(Fixtures.article("a", 1, "Old"))));
    assertThat(partition()).contains("\"title\":\"New\"");
    restarted.apply(List.of(new ArticleChange.Delete("a")));
    assertThat(Files.exists(dir.resolve("date=2025-04-04/articles.jsonl"))).isFalse();
    assertThat(restarted.ids()).isEmpty();
  }
}
