package io.newswire.sink.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions users ask of the stored articles, as SQL. docs/QUERYING.md shows the same statements, so
 * users can run them from psql or a BI tool. Every query takes a time range on publication (or fetch) time.
 */
public final class ArticleQueries {
  /** One article in a result. */
  public record Hit(String id, Instant published, String title, String url, double rank) {}

  /** One entity in the trending list. */
  public record Trend(String entityId, String type, String name, long articles, long mentions) {}

  public static final String WHEN = "coalesce(a.published_at, a.fetched_at)";

  public static final String SEARCH = """
      SELECT a.id, %1$s AS published, a.title, a.url,
             ts_rank(a.search, websearch_to_tsquery('english', ?)) AS rank
      FROM articles a
      WHERE a.search @@ websearch_to_tsquery('english', ?) AND %1$s >= ? AND %1$s < ?
      ORDER BY rank DESC, published DESC LIMIT ?""".formatted(WHEN);

  public static final String BY_ENTITY = """
      SELECT a.id, %1$s AS published, a.title, a.url, ae.salience AS rank
      FROM articles a
      JOIN article_entities ae ON ae.article_id = a.id
      JOIN entities e ON e.id = ae.entity_id
      WHERE (e.name ILIKE ? OR e.id = ?) AND %1$s >= ? AND %1$s < ?
      ORDER BY published DESC LIMIT ?""".formatted(WHEN);

  public static final String BY_TOPIC = """
      SELECT a.id, %1$s AS published, a.title, a.url, t.score AS rank
      FROM articles a
      JOIN article_topics t ON t.article_id = a.id
      WHERE (t.code = ? OR t.label ILIKE ?) AND %1$s >= ? AND %1$s < ?
      ORDER BY published DESC LIMIT ?""".formatted(WHEN);

  public static final String IN_RANGE = """
      SELECT a.id, %1$s AS published, a.title, a.url, 0.0 AS rank
      FROM articles a
      WHERE %1$s >= ? AND %1$s < ?
      ORDER BY published DESC LIMIT ?""".formatted(WHEN);

  public static final String TRENDING = """
      SELECT e.id, e.type, e.name, count(DISTINCT a.id) AS articles, sum(ae.mention_count) AS mentions
      FROM articles a
      JOIN article_entities ae ON ae.article_id = a.id
      JOIN entities e ON e.id = ae.entity_id
      WHERE %1$s >= ? AND %1$s < ? AND (?::text IS NULL OR e.type = ?::text)
      GROUP BY e.id, e.type, e.name
      ORDER BY articles DESC, mentions DESC, e.name LIMIT ?""".formatted(WHEN);

  /** The latest articles' whole documents, newest first: what 'newswire watch test' tries a watch on. */
  public static final String LATEST_DOCUMENTS = """
      SELECT a.document::text
      FROM articles a
      ORDER BY %1$s DESC, a.id LIMIT ?""".formatted(WHEN);

  /** An article {@link #find} found, with up to two highlighted fragments (matches between « and ») when words were given. */
  public record Found(String id, Instant when, String title, String url, String source, String language,
      List<String> snippets) {}

  private final String url;
  private final String user;
  private final String password;

  public ArticleQueries(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public List<Hit> search(String words, Instant from, Instant to, int limit) throws SQLException {
    return hits(SEARCH, words, words, ts(from), ts(to), limit);
  }

  public List<Hit> byEntity(String name, Instant from, Instant to, int limit) throws SQLException {
    return hits(BY_ENTITY, name, name, ts(from), ts(to), limit);
  }

  public List<Hit> byTopic(String codeOrLabel, Instant from, Instant to, int limit) throws SQLException {
    return hits(BY_TOPIC, codeOrLabel, codeOrLabel, ts(from), ts(to), limit);
  }

  public List<Hit> inRange(Instant from, Instant to, int limit) throws SQLException {
    return hits(IN_RANGE, ts(from), ts(to), limit);
  }

  /**
   * Articles that meet every part of the filter, best match first when words are given, else newest first. The
   * parts are the same conditions as {@link #SEARCH}, {@link #BY_ENTITY} and {@link #BY_TOPIC}, joined by AND.
   */
  public List<Found> find(io.newswire.sink.ArticleFilter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(WHEN + " >= ? AND " + WHEN + " < ?");
    params.add(ts(filter.from()));
    params.add(ts(filter.to()));
    if (filter.words() != null) {
      where.append(" AND a.search @@ websearch_to_tsquery('english', ?)");
      params.add(filter.words());
    }
    if (filter.entity() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
          + " WHERE ae.article_id = a.id AND (e.name ILIKE ? OR e.id = ?))");
      params.add(filter.entity());
      params.add(filter.entity());
    }
    if (filter.topic() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND (t.code = ? OR t.label ILIKE ?))");
      params.add(filter.topic());
      params.add(filter.topic());
    }
    if (filter.language() != null) {
      where.append(" AND a.language = ?");
      params.add(filter.language());
    }
    String rank = filter.words() == null ? "0.0" : "ts_rank(a.search, websearch_to_tsquery('english', ?))";
    String snippet = filter.words() == null ? "NULL"
        : "ts_headline('english', a.body, websearch_to_tsquery('english', ?),"
            + " 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=¦')";
    List<Object> all = new ArrayList<>();
    if (filter.words() != null) {
      all.add(filter.words());
      all.add(filter.words());
    }
    all.addAll(params);
    all.add(filter.limit());
    String sql = "SELECT a.id, " + WHEN + " AS published, a.title, a.url, a.source, a.language, " + rank + " AS rank, "
        + snippet + " AS snippet FROM articles a WHERE " + where + " ORDER BY rank DESC, published DESC, a.id LIMIT ?";
    List<Found> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps = prepare(c, sql, all.toArray());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Timestamp when = rs.getTimestamp(2);
        String text = rs.getString(8);
        List<String> snippets = text == null ? List.of()
            : java.util.Arrays.stream(text.split("¦")).map(f -> f.replaceAll("\\s+", " ").strip()).toList();
        found.add(new Found(rs.getString(1), when == null ? null : when.toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), snippets));
      }
    }
    return found;
  }

  public List<Trend> trending(String type, Instant from, Instant to, int limit) throws SQLException {
    List<Trend> trends = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps = prepare(c, TRENDING, ts(from), ts(to), type, type, limit);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        trends.add(new Trend(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
      }
    }
    return trends;
  }

  /** The JSON documents of the {@code limit} latest articles, newest first, one at a time to {@code each}. */
  public void latestDocuments(int limit, java.util.function.Consumer<String> each) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false); // lets the driver stream rows in batches instead of holding them all
      try (PreparedStatement ps = prepare(c, LATEST_DOCUMENTS, limit)) {
        ps.setFetchSize(200);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            each.accept(rs.getString(1));
          }
        }
      }
    }
  }

  private List<Hit> hits(String sql, Object... params) throws SQLException {
    List<Hit> hits = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Timestamp published = rs.getTimestamp(2);
        hits.add(new Hit(rs.getString(1), published == null ? null : published.toInstant(), rs.getString(3),
            rs.getString(4), rs.getDouble(5)));
      }
    }
    return hits;
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
