package io.newswire.sink.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet lake, written and read with DuckDB: append-only parts, the newest version wins, compaction. */
class ParquetStoreTest {
  @TempDir Path lake;
  final AtomicLong offsets = new AtomicLong();

  ArticleChange upsert(String id, int version, String title) {
    EnrichedArticle a = Fixtures.article(id, version, title);
    a.getArticle().setPublishedAt(Instant.parse("2026-12-0" + (1 + Math.abs(id.hashCode()) % 3) + "T10:00:00Z"));
    return new ArticleChange.Upsert(a, 0, offsets.incrementAndGet());
  }

  ArticleChange delete(String id) {
    return new ArticleChange.Delete(id, 0, offsets.incrementAndGet());
  }

  /** id → (version, title) of the newest version of every current article, by the documented query. */
  List<String> latest() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT id, enrichment_version, title, date FROM ("
            + ParquetStore.LATEST.formatted(lake) + ") ORDER BY id")) {
      while (r.next()) {
        rows.add(r.getString(1) + " v" + r.getInt(2) + " " + r.getString(3) + " " + r.getString(4));
      }
    }
    return rows;
  }

  long rows() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + lake + "/articles/*/*.parquet')")) {
      r.next();
      return r.getLong(1);
    }
  }

  List<Path> parts() throws Exception {
    try (var files = Files.walk(lake.resolve("articles"))) {
      return files.filter(p -> p.toString().endsWith(".parquet") && !p.getFileName().toString().equals("part-empty.parquet")).toList();
    }
  }

  @Test
  void theNewestVersionWinsAndAnOlderOneArrivingLateDoesNot() throws Exception {
    try (ParquetStore store = new ParquetStore(lake)) {
      assertThat(latest()).isEmpty(); // a new lake answers the query
      store.apply(List.of(upsert("a1", 1, "Bridge opens"), upsert("a2", 1, "Ferry sails")));
      store.apply(List.of(upsert("a1", 2, "Bridge opens, tagged better")));
      store.apply(List.of(upsert("a1", 1, "Bridge opens"))); // a late, older version
      assertThat(latest()).containsExactly("a1 v2 Bridge opens, tagged better 2026-12-03",
          "a2 v1 Ferry sails 2026-12-01");
    }
  }

  @Test
  void replayingTwiceAddsRowsButNotArticles() throws Exception {
    List<ArticleChange> batch = List.of(upsert("a1", 1, "One"), upsert("a2", 1, "Two"), upsert("a3", 1, "Three"));
    try (ParquetStore store = new ParquetStore(lake)) {
      store.apply(batch);
      List<String> once = latest();
      store.apply(batch);
      store.apply(batch);
      assertThat(rows()).isEqualTo(9);
      assertThat(latest()).hasSize(3).isEqualTo(once);
    }
  }

  @Test
  void aRetractionRemovesTheArticleUntilItIsPublishedAgain() throws Exception {
    try (ParquetStore store = new ParquetStore(lake)) {
      store.apply(List.of(upsert("a1", 1, "One"), upsert("a2", 1, "Two")));
      store.apply(List.of(delete("a2")));
      assertThat(latest()).extracting(r -> r.split(" ")[0]).containsExactly("a1");
      store.apply(List.of(upsert("a2", 1, "Two, again")));
      assertThat(latest()).extracting(r -> r.split(" ")[0]).containsExactly("a1", "a2");
    }
  }

  @Test
  void twoInstancesShareTheFolderAndAHalfWrittenPartIsNeverRead() throws Exception {
    try (ParquetStore first = new ParquetStore(lake); ParquetStore second = new ParquetStore(lake)) {
      first.apply(List.of(upsert("a1", 1, "One")));
      second.apply(List.of(upsert("b1", 1, "Other")));
      first.apply(List.of(upsert("a2", 1, "Two")));
    }
    // what a kill in the middle of a write leaves: a hidden temporary file, garbage inside
    Path partition = parts().get(0).getParent();
    Files.write(partition.resolve(".part-123-dead-1.parquet.tmp"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
    assertThat(latest()).extracting(r -> r.split(" ")[0]).containsExactly("a1", "a2", "b1");
    assertThat(parts()).hasSize(3);
  }

  @Test
  void compactionLeavesOnePartPerPartitionAndTheSameAnswer() throws Exception {
    try (ParquetStore store = new ParquetStore(lake)) {
      for (int round = 1; round <= 3; round++) {
        List<ArticleChange> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          batch.add(upsert("a" + i, round, "Article " + i + " version " + round));
        }
        store.apply(batch);
      }
      store.apply(List.of(delete("a7")));
      List<String> before = latest();
      assertThat(before).hasSize(19);
      var results = Compaction.compact(lake, null);
      assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.partsBefore()).isGreaterThan(1));
      assertThat(latest()).isEqualTo(before);
      assertThat(rows()).isEqualTo(19);
      try (var partitions = Files.list(lake.resolve("articles"))) {
        for (Path p : partitions.filter(p -> !p.endsWith("date=1970-01-01")).toList()) {
          try (var files = Files.list(p)) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).hasSize(1);
          }
        }
      }
      // a sink writing after compaction adds parts as before
      store.apply(List.of(upsert("a1", 4, "Article 1 version 4")));
      assertThat(latest()).contains("a1 v4 Article 1 version 4 " + latest().stream()
          .filter(r -> r.startsWith("a1 ")).findFirst().orElseThrow().substring(("a1 v4 Article 1 version 4 ").length()));
    }
  }
}
