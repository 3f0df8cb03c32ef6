package io.newswire.dev.bench;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.postgres.ArticleQueries;
import io.newswire.sink.postgres.PostgresStore;
import io.newswire.tagger.Tagger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries of docs/QUERYING.md ({@link ArticleQueries}) on a database filled by the sink's own store with
 * corpus articles: each query's plan (EXPLAIN ANALYZE) and its median time over five runs, so that a slow plan
 * (a scan where an index should serve) shows before users see it.
 */
public final class QueryBenchmark {
  /** One query's figures. */
  public record Result(String name, double medianMs, String plan) {}

  private QueryBenchmark() {}

  /** Fills the database with {@code articles} tagged corpus articles, in chunks, through {@link PostgresStore}. */
  public static void fill(String url, String user, int articles, Tagger tagger) throws Exception {
    try (PostgresStore store = new PostgresStore(url, user, "")) {
      store.migrate();
      int chunk = 5000;
      for (int from = 0; from < articles; from += chunk) {
        List<ArticleChange> batch = new ArrayList<>();
        for (var a : SinkBenchmark.articles(from, Math.min(chunk, articles - from), 3000, tagger)) {
          batch.add(new ArticleChange.Upsert(a));
          if (batch.size() == 500) {
            store.apply(batch);
            batch = new ArrayList<>();
          }
        }
        if (!batch.isEmpty()) {
          store.apply(batch);
        }
        System.err.printf("  %d of %d articles stored%n", Math.min(articles, from + chunk), articles);
      }
    }
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      c.createStatement().execute("ANALYZE");
    }
  }

  /** Each documented query, with parameters taken from the data (its most named entity, its time span). */
  public static List<Result> run(String url, String user) throws Exception {
    List<Result> results = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      Timestamp from;
      Timestamp to;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT min(" + ArticleQueries.WHEN + "), max("
          + ArticleQueries.WHEN + ") + interval '1 second' FROM articles a")) {
        rs.next();
        from = rs.getTimestamp(1);
        to = rs.getTimestamp(2);
      }
      String entity;
      String name;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT e.id, e.name FROM article_entities ae JOIN entities e"
          + " ON e.id = ae.entity_id GROUP BY e.id, e.name ORDER BY count(*) DESC LIMIT 1")) {
        rs.next();
        entity = rs.getString(1);
        name = rs.getString(2);
      }
      // A day's window at the end of the span, as the trending question asks it.
      Timestamp dayBefore = new Timestamp(to.getTime() - 86_400_000L);
      results.add(measure(c, "search", ArticleQueries.SEARCH, "election minister", "election minister", from, to, 20));
      results.add(measure(c, "entity", ArticleQueries.BY_ENTITY, name, entity, from, to, 20));
      results.add(measure(c, "topic", ArticleQueries.BY_TOPIC, "medtop:16000000", "conflict%", from, to, 20));
      results.add(measure(c, "range (a day)", ArticleQueries.IN_RANGE, dayBefore, to, 20));
      results.add(measure(c, "trending (a day)", ArticleQueries.TRENDING, dayBefore, to, null, null, 20));
      results.add(measure(c, "trending (everything)", ArticleQueries.TRENDING, from, to, null, null, 20));
    }
    return results;
  }

  private static Result measure(Connection c, String name, String sql, Object... params) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      bind(explain, params);
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    List<Double> times = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(sql)) {
      bind(query, params);
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            // read every row, as a caller would
          }
        }
        times.add((System.nanoTime() - t0) / 1e6);
      }
    }
    times.sort(Double::compare);
    return new Result(name, times.get(2), plan.toString());
  }

  private static void bind(PreparedStatement s, Object... params) throws Exception {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        s.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        s.setObject(i + 1, params[i]);
      }
    }
  }
}
