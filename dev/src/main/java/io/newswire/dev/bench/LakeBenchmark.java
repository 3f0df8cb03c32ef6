package io.newswire.dev.bench;

import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.lake.ParquetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet lake store against DuckDB's own bulk path for the same rows: the rows the store wrote, already in a
 * DuckDB table (loading them is not timed), written by one {@code COPY … TO} as one zstd Parquet file. The store
 * does more per batch: it builds the rows and each article's JSON document, and writes a part per date.
 */
public final class LakeBenchmark {
  public record Result(String what, int articles, double seconds, long bytes) {
    public double articlesPerSecond() {
      return articles / seconds;
    }
  }

  private LakeBenchmark() {}

  public static Result store(Path lake, List<EnrichedArticle> articles, int batchSize) throws Exception {
    long offset = 0;
    long t0 = System.nanoTime();
    try (ParquetStore store = new ParquetStore(lake)) {
      for (int from = 0; from < articles.size(); from += batchSize) {
        List<ArticleChange> batch = new ArrayList<>();
        for (EnrichedArticle a : articles.subList(from, Math.min(articles.size(), from + batchSize))) {
          batch.add(new ArticleChange.Upsert(a, 0, offset++));
        }
        store.apply(batch);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result("newswire sink (ParquetStore, " + batchSize + " per batch)", articles.size(), seconds, size(lake));
  }

  /** COPY of the rows the store wrote to {@code lake}, loaded into memory first, to one Parquet file. */
  public static Result copy(Path lake, Path out) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      s.execute("CREATE TABLE rows AS SELECT * EXCLUDE (date) FROM read_parquet('" + lake
          + "/articles/*/*.parquet', hive_partitioning = true)");
      long count;
      try (var r = s.executeQuery("SELECT count(*) FROM rows")) {
        r.next();
        count = r.getLong(1);
      }
      Files.deleteIfExists(out);
      long t0 = System.nanoTime();
      s.execute("COPY rows TO '" + out + "' (FORMAT parquet, COMPRESSION zstd)");
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result("DuckDB COPY ... TO of the same rows", (int) count, seconds, Files.size(out));
    }
  }

  private static long size(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
