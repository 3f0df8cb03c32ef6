package io.newswire.sink.postgres;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import io.newswire.schema.RawArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.ArticleDocument;
import io.newswire.sink.Batches;
import io.newswire.sink.Store;
import io.newswire.sink.StoreException;
import io.newswire.sink.StoreUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL behind {@link Store}. Each batch is one transaction of a few set-based statements (the articles
 * as one multi-row upsert, child rows passed as arrays and expanded with {@code unnest}), so a batch of 500
 * articles costs a handful of round trips.
 * The article upsert only replaces a row with a newer state (a higher enrichment version, or the same version
 * of a later fetch: see {@link Batches#compare}) or with the same state whose enrichment differs (its {@code
 * enrichment_hash}: a story decided anew), and returns the ids
 * it changed; only those articles get their child rows (entities, mentions, places, topics, quotes)
 * replaced. Flyway migrates the schema on start.
 */
public final class PostgresStore implements Store {
  private static final String ARTICLE_COLUMNS = "id, enrichment_version, tagger, url, source, feed, title, body,"
      + " language, published_at, fetched_at, enriched_at, content_type, content_hash, duplicate_of, story_id, document,"
      + " enrichment_hash";
  /** One article's values: plain parameters, each sent as it is; the casts say what the text is. */
  private static final String ARTICLE_ROW =
      "(?, ?::int, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?, ?, ?, ?::json, ?)";
  /** Articles per statement: PostgreSQL takes at most 32,767 parameters in one, 18 per article. */
  private static final int ARTICLES_PER_STATEMENT = 1000;
  private static final String UPSERT_CONFLICT = """
       ON CONFLICT (id) DO UPDATE SET
          enrichment_version = EXCLUDED.enrichment_version, tagger = EXCLUDED.tagger, url = EXCLUDED.url,
          source = EXCLUDED.source, feed = EXCLUDED.feed, title = EXCLUDED.title, body = EXCLUDED.body,
          language = EXCLUDED.language, published_at = EXCLUDED.published_at, fetched_at = EXCLUDED.fetched_at,
          enriched_at = EXCLUDED.enriched_at, content_type = EXCLUDED.content_type,
          content_hash = EXCLUDED.content_hash, duplicate_of = EXCLUDED.duplicate_of,
          story_id = EXCLUDED.story_id, document = EXCLUDED.document, enrichment_hash = EXCLUDED.enrichment_hash
      WHERE (articles.enrichment_version, articles.fetched_at) < (EXCLUDED.enrichment_version, EXCLUDED.fetched_at)
         OR ((articles.enrichment_version, articles.fetched_at) = (EXCLUDED.enrichment_version, EXCLUDED.fetched_at)
             AND articles.enrichment_hash IS DISTINCT FROM EXCLUDED.enrichment_hash)
      RETURNING id, xmax = 0 AS inserted""";
  /** Recomputes the given stories from their articles; a story left without articles is removed. */
  private static final String REFRESH_STORIES = """
      WITH touched AS (SELECT unnest(?::text[]) AS id),
      counted AS (
          SELECT story_id AS id,
                 (array_agg(a.id ORDER BY coalesce(published_at, fetched_at), a.id))[1] AS first_article_id,
                 min(coalesce(published_at, fetched_at)) AS first_seen_at,
                 max(coalesce(published_at, fetched_at)) AS last_seen_at,
                 count(*) AS article_count
          FROM articles a JOIN touched t ON a.story_id = t.id GROUP BY story_id),
      removed AS (DELETE FROM stories s USING touched t WHERE s.id = t.id
                  AND NOT EXISTS (SELECT 1 FROM counted c WHERE c.id = s.id))
      INSERT INTO stories SELECT * FROM counted
      ON CONFLICT (id) DO UPDATE SET first_article_id = EXCLUDED.first_article_id,
          first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at,
          article_count = EXCLUDED.article_count""";
  private static final String[] CHILD_TABLES = {"article_entities", "places", "article_topics", "quotes"};

  private final String url;
  private final Properties credentials = new Properties();
  private Connection connection;

  public PostgresStore(String url, String user, String password) {
    this.url = url;
    credentials.setProperty("user", user);
    credentials.setProperty("password", password == null ? "" : password);
    credentials.setProperty("ApplicationName", "newswire-sink");
    credentials.setProperty("tcpKeepAlive", "true");
  }

  /** Brings the schema up to date; run once at start. */
  public void migrate() {
    try {
      Flyway.configure()
          .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("Could not migrate the database schema at " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return url;
  }

  @Override
  public void apply(List<ArticleChange> changes) {
    List<ArticleChange> latest = Batches.latestPerArticle(changes);
    try {
      Connection c = connection();
      try {
        List<EnrichedArticle> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (ArticleChange change : latest) {
          if (change instanceof ArticleChange.Upsert u) {
            upserts.add(u.article());
          } else {
            deletes.add(change.id());
          }
        }
        Set<String> stories = new HashSet<>();
        if (!deletes.isEmpty()) {
          deleteChildren(c, deletes.toArray()); // no foreign key cascades it (schema version 7)
          try (PreparedStatement delete = c.prepareStatement(
              "DELETE FROM articles a USING unnest(?::text[]) AS t(id) WHERE a.id = t.id RETURNING a.story_id")) {
            delete.setArray(1, c.createArrayOf("text", deletes.toArray()));
            try (ResultSet rs = delete.executeQuery()) {
              while (rs.next()) {
                if (rs.getString(1) != null) {
                  stories.add(rs.getString(1));
                }
              }
            }
          }
        }
        if (!upserts.isEmpty()) {
          stories.addAll(currentStories(c, upserts)); // an article may leave its story
          Map<String, Boolean> changed = upsertArticles(c, upserts);
          List<EnrichedArticle> rewritten = upserts.stream().filter(a -> changed.containsKey(a.getArticle().getId())).toList();
          if (!rewritten.isEmpty()) {
            replaceChildren(c, rewritten, changed);
            rewritten.stream().map(EnrichedArticle::getStoryId).filter(java.util.Objects::nonNull).forEach(stories::add);
          }
        }
        if (!stories.isEmpty()) {
          try (PreparedStatement refresh = c.prepareStatement(REFRESH_STORIES)) {
            refresh.setArray(1, c.createArrayOf("text", stories.toArray()));
            refresh.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      throw classify(e);
    }
  }

  /**
   * The stories of the batch's articles as stored before it.
   *
   * <p>This and the other lookups by a batch's ids join the ids as a table ({@code unnest}) rather than ask
   * {@code id = ANY(?)}: PostgreSQL's planner guesses half a percent of a table per array element for
   * {@code ANY} until the table has been analysed, so a batch of 20 ids scanned the whole table, and
   * pgjdbc's prepared statements kept that plan; for a joined list it counts on a few rows and uses the index.
   */
  private static Set<String> currentStories(Connection c, List<EnrichedArticle> articles) throws SQLException {
    Set<String> stories = new HashSet<>();
    try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT a.story_id FROM unnest(?::text[]) AS t(id) "
        + "JOIN articles a ON a.id = t.id WHERE a.story_id IS NOT NULL")) {
      select.setArray(1, c.createArrayOf("text", articles.stream().map(a -> a.getArticle().getId()).toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stories.add(rs.getString(1));
        }
      }
    }
    return stories;
  }

  /**
   * The articles as one multi-row {@code INSERT ... VALUES} with a parameter per value. Bodies and documents
   * go as they are: passed as text arrays, as the child rows are, pgjdbc escaped every quote of every body and
   * JSON document into an array literal that the server parsed back, and that was most of the sink's time.
   *
   * @return the articles written, each with whether it was new to the store (the row PostgreSQL returns for
   *     an insert has no {@code xmax}; one that replaced a row carries its own transaction's), decided in the
   *     statement that wrote it, so an instance writing the same article at the same moment cannot change it
   */
  private static Map<String, Boolean> upsertArticles(Connection c, List<EnrichedArticle> articles) throws SQLException {
    Map<String, Boolean> changed = new HashMap<>();
    for (int from = 0; from < articles.size(); from += ARTICLES_PER_STATEMENT) {
      changed.putAll(upsertSome(c, articles.subList(from, Math.min(articles.size(), from + ARTICLES_PER_STATEMENT))));
    }
    return changed;
  }

  private static Map<String, Boolean> upsertSome(Connection c, List<EnrichedArticle> articles) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO articles (").append(ARTICLE_COLUMNS).append(") VALUES ");
    for (int i = 0; i < articles.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(ARTICLE_ROW);
    }
    Map<String, Boolean> changed = new HashMap<>();
    try (PreparedStatement upsert = c.prepareStatement(sql.append(UPSERT_CONFLICT).toString())) {
      int p = 1;
      for (EnrichedArticle a : articles) {
        RawArticle raw = a.getArticle();
        ArticleDocument.Stored document = ArticleDocument.stored(a);
        upsert.setString(p++, raw.getId());
        upsert.setInt(p++, a.getEnrichmentVersion());
        upsert.setString(p++, a.getTagger());
        upsert.setString(p++, raw.getUrl());
        upsert.setString(p++, raw.getSource());
        upsert.setString(p++, raw.getFeed());
        upsert.setString(p++, raw.getTitle());
        upsert.setString(p++, raw.getBody());
        upsert.setString(p++, a.getLanguage());
        upsert.setString(p++, iso(raw.getPublishedAt()));
        upsert.setString(p++, iso(raw.getFetchedAt()));
        upsert.setString(p++, iso(a.getEnrichedAt()));
        upsert.setString(p++, raw.getContentType());
        upsert.setString(p++, raw.getContentHash());
        upsert.setString(p++, a.getDuplicateOf());
        upsert.setString(p++, a.getStoryId());
        upsert.setString(p++, document.json());
        upsert.setString(p++, document.enrichmentHash());
      }
      try (ResultSet rs = upsert.executeQuery()) {
        while (rs.next()) {
          changed.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    }
    return changed;
  }

  /** Removes the child rows of the given articles from every child table. */
  private static void deleteChildren(Connection c, Object[] articleIds) throws SQLException {
    Array ids = c.createArrayOf("text", articleIds);
    for (String table : CHILD_TABLES) {
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM " + table + " x USING unnest(?::text[]) AS t(id) WHERE x.article_id = t.id")) {
        delete.setArray(1, ids);
        delete.executeUpdate();
      }
    }
  }

  /** Writes the articles' child rows, after removing those of the articles that replaced a stored one. */
  private void replaceChildren(Connection c, List<EnrichedArticle> articles, Map<String, Boolean> inserted)
      throws SQLException {
    Object[] replaced = articles.stream().map(a -> a.getArticle().getId()).filter(id -> !inserted.get(id)).toArray();
    if (replaced.length > 0) { // an article new to the store has no child rows: most batches of a live stream
      deleteChildren(c, replaced);
    }
    Rows entities = new Rows(3);
    Rows articleEntities = new Rows(7);
    Rows places = new Rows(8);
    Rows topics = new Rows(4);
    Rows quotes = new Rows(6);
    for (EnrichedArticle a : articles) {
      String id = a.getArticle().getId();
      for (Entity e : a.getEntities()) {
        entities.add(e.getId(), e.getType().name(), e.getName());
        // The mentions' offsets as array literals ("{4,97}"): unnest cannot take arrays of arrays of unequal length.
        StringBuilder starts = new StringBuilder("{");
        StringBuilder ends = new StringBuilder("{");
        for (Mention m : e.getMentions()) {
          starts.append(starts.length() > 1 ? "," : "").append(m.getStart());
          ends.append(ends.length() > 1 ? "," : "").append(m.getEnd());
        }
        articleEntities.add(id, e.getId(), e.getMentions().size(), e.getSalience(), e.getInTitle(),
            starts.append('}').toString(), ends.append('}').toString());
      }
      for (Place p : a.getPlaces()) {
        places.add(id, p.getEntityId(), p.getName(), p.getLatitude(), p.getLongitude(), p.getCountryCode(),
            p.getGazetteerId(), p.getFeatureKind());
      }
      for (MediaTopic t : a.getTopics()) {
        topics.add(id, t.getCode(), t.getLabel(), t.getScore());
      }
      for (Quote q : a.getQuotes()) {
        quotes.add(id, q.getStart(), q.getEnd(), q.getText(), q.getSpeaker(), q.getSpeakerEntityId());
      }
    }
    insert(c, "INSERT INTO entities (id, type, name) SELECT * FROM unnest(?::text[], ?::text[], ?::text[])"
        + " ON CONFLICT (id) DO NOTHING", entities, "text", "text", "text");
    insert(c, "INSERT INTO article_entities (article_id, entity_id, mention_count, salience, in_title, mention_starts,"
        + " mention_ends) SELECT a, e, n, s, t, ms::int[], me::int[] FROM unnest(?::text[], ?::text[], ?::int[],"
        + " ?::float8[], ?::bool[], ?::text[], ?::text[]) AS r(a, e, n, s, t, ms, me) ON CONFLICT DO NOTHING",
        articleEntities, "text", "text", "int4", "float8", "bool", "text", "text");
    insert(c, "INSERT INTO places SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[],"
        + " ?::text[], ?::int8[], ?::text[]) ON CONFLICT DO NOTHING", places,
        "text", "text", "text", "float8", "float8", "text", "int8", "text");
    insert(c, "INSERT INTO article_topics SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[])"
        + " ON CONFLICT DO NOTHING", topics, "text", "text", "text", "float8");
    insert(c, "INSERT INTO quotes SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[])"
        + " ON CONFLICT DO NOTHING", quotes, "text", "int4", "int4", "text", "text", "text");
  }

  /** Column-wise rows for one unnest insert. */
  private static final class Rows {
    final List<List<Object>> columns = new ArrayList<>();

    Rows(int width) {
      for (int i = 0; i < width; i++) {
        columns.add(new ArrayList<>());
      }
    }

    void add(Object... values) {
      for (int i = 0; i < values.length; i++) {
        columns.get(i).add(values[i]);
      }
    }

    boolean isEmpty() {
      return columns.get(0).isEmpty();
    }
  }

  private static void insert(Connection c, String sql, Rows rows, String... types) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      for (int i = 0; i < types.length; i++) {
        insert.setArray(i + 1, c.createArrayOf(types[i], rows.columns.get(i).toArray()));
      }
      insert.executeUpdate();
    }
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, credentials);
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is probably gone; it is replaced on the next batch
    }
  }

  /**
   * Only errors about the data itself (SQLSTATE classes 22: data exception, 23: integrity constraint, 54:
   * program limit) mean a record is bad and should be set aside. Everything else (connections, shutdowns,
   * deadlocks, a missing database or table, refused credentials) is about the environment: the batch is
   * retried until it is fixed, so nothing is dead-lettered for a reason that is not the record's fault.
   */
  private StoreException classify(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    boolean dataError = state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
    if (!dataError) {
      closeQuietly();
      return new StoreUnavailableException("PostgreSQL at " + url + " is unavailable (" + state + "): " + e.getMessage(), e);
    }
    return new StoreException("PostgreSQL at " + url + " refused the batch (" + state + "): " + e.getMessage(), e);
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // already broken
    }
    connection = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
