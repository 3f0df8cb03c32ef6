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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL behind {@link Store}. Each batch is one transaction: its rows are copied into session-local
 * staging tables ({@link CopyRows}) and merged into the real tables with one statement per table, so a batch
 * of 500 articles costs a handful of round trips and about what a plain COPY of the same rows costs.
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
  /**
   * Session-local staging tables, emptied at every commit: a batch is copied into them and merged into the
   * real tables with one statement each.
   */
  private static final String[] STAGING = {
      "CREATE TEMP TABLE IF NOT EXISTS articles_in (LIKE articles) ON COMMIT DELETE ROWS",
      "CREATE TEMP TABLE IF NOT EXISTS entities_in (LIKE entities) ON COMMIT DELETE ROWS",
      "CREATE TEMP TABLE IF NOT EXISTS article_entities_in (LIKE article_entities) ON COMMIT DELETE ROWS",
      "CREATE TEMP TABLE IF NOT EXISTS places_in (LIKE places) ON COMMIT DELETE ROWS",
      "CREATE TEMP TABLE IF NOT EXISTS article_topics_in (LIKE article_topics) ON COMMIT DELETE ROWS",
      "CREATE TEMP TABLE IF NOT EXISTS quotes_in (LIKE quotes) ON COMMIT DELETE ROWS"};
  private static final String UPSERT_ARTICLES = "INSERT INTO articles (" + ARTICLE_COLUMNS + ") SELECT "
      + ARTICLE_COLUMNS + " FROM articles_in" + """

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
      RETURNING id""";
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
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM articles WHERE id = ANY(?) RETURNING story_id")) {
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
          Set<String> changed = upsertArticles(c, upserts);
          List<EnrichedArticle> rewritten = upserts.stream().filter(a -> changed.contains(a.getArticle().getId())).toList();
          if (!rewritten.isEmpty()) {
            replaceChildren(c, rewritten);
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

  private static Set<String> currentStories(Connection c, List<EnrichedArticle> articles) throws SQLException {
    Set<String> stories = new HashSet<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT DISTINCT story_id FROM articles WHERE id = ANY(?) AND story_id IS NOT NULL")) {
      select.setArray(1, c.createArrayOf("text", articles.stream().map(a -> a.getArticle().getId()).toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stories.add(rs.getString(1));
        }
      }
    }
    return stories;
  }

  private static Set<String> upsertArticles(Connection c, List<EnrichedArticle> articles) throws SQLException {
    CopyRows rows = new CopyRows();
    for (EnrichedArticle a : articles) {
      RawArticle raw = a.getArticle();
      ArticleDocument.Stored document = ArticleDocument.stored(a);
      rows.add(raw.getId(), a.getEnrichmentVersion(), a.getTagger(), raw.getUrl(), raw.getSource(), raw.getFeed(),
          raw.getTitle(), raw.getBody(), a.getLanguage(), raw.getPublishedAt(), raw.getFetchedAt(), a.getEnrichedAt(),
          raw.getContentType(), raw.getContentHash(), a.getDuplicateOf(), a.getStoryId(), document.json(),
          document.enrichmentHash());
    }
    rows.copyInto(c, "articles_in (" + ARTICLE_COLUMNS + ")");
    Set<String> changed = new HashSet<>();
    try (PreparedStatement upsert = c.prepareStatement(UPSERT_ARTICLES);
        ResultSet rs = upsert.executeQuery()) {
      while (rs.next()) {
        changed.add(rs.getString(1));
      }
    }
    return changed;
  }

  private void replaceChildren(Connection c, List<EnrichedArticle> articles) throws SQLException {
    Array ids = c.createArrayOf("text", articles.stream().map(a -> a.getArticle().getId()).toArray());
    for (String table : CHILD_TABLES) {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ANY(?)")) {
        delete.setArray(1, ids);
        delete.executeUpdate();
      }
    }
    CopyRows entities = new CopyRows();
    CopyRows articleEntities = new CopyRows();
    CopyRows places = new CopyRows();
    CopyRows topics = new CopyRows();
    CopyRows quotes = new CopyRows();
    for (EnrichedArticle a : articles) {
      String id = a.getArticle().getId();
      for (Entity e : a.getEntities()) {
        entities.add(e.getId(), e.getType().name(), e.getName());
        StringBuilder starts = new StringBuilder("{");
        StringBuilder ends = new StringBuilder("{");
        for (Mention m : e.getMentions()) {
          starts.append(starts.length() > 1 ? "," : "").append(m.getStart());
          ends.append(ends.length() > 1 ? "," : "").append(m.getEnd());
        }
        articleEntities.add(id, e.getId(), e.getMentions().size(), e.getSalience(), e.getInTitle(),
            starts.append('}'), ends.append('}'));
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
    // Entities are shared by every sink instance: inserting them in key order keeps two batches from waiting on
    // each other's rows in opposite orders.
    merge(c, entities, "entities_in (id, type, name)",
        "INSERT INTO entities (id, type, name) SELECT id, type, name FROM entities_in ORDER BY id ON CONFLICT (id) DO NOTHING");
    merge(c, articleEntities, "article_entities_in (article_id, entity_id, mention_count, salience, in_title,"
        + " mention_starts, mention_ends)", "INSERT INTO article_entities (article_id, entity_id, mention_count,"
        + " salience, in_title, mention_starts, mention_ends) SELECT article_id, entity_id, mention_count, salience,"
        + " in_title, mention_starts, mention_ends FROM article_entities_in ON CONFLICT DO NOTHING");
    merge(c, places, "places_in", "INSERT INTO places SELECT * FROM places_in ON CONFLICT DO NOTHING");
    merge(c, topics, "article_topics_in", "INSERT INTO article_topics SELECT * FROM article_topics_in ON CONFLICT DO NOTHING");
    merge(c, quotes, "quotes_in", "INSERT INTO quotes SELECT * FROM quotes_in ON CONFLICT DO NOTHING");
  }

  private static void merge(Connection c, CopyRows rows, String staging, String insert) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    rows.copyInto(c, staging);
    try (PreparedStatement merge = c.prepareStatement(insert)) {
      merge.executeUpdate();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(url, credentials);
      try (Statement s = connection.createStatement()) {
        for (String ddl : STAGING) {
          s.execute(ddl);
        }
      }
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
