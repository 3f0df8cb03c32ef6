package io.newswire.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.Fixtures;
import io.newswire.stack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The schema migrations, from an empty database and from the previous version, on a real PostgreSQL. */
class MigrationsIT {
  static String createDatabase(String name) throws Exception {
    LocalStack stack = LocalStack.shared();
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    return stack.jdbcUrl().replaceAll("/[^/]+$", "/" + name);
  }

  static String scalar(String url, String sql) throws Exception {
    LocalStack stack = LocalStack.shared();
    try (Connection c = DriverManager.getConnection(url, stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void fromAnEmptyDatabase() throws Exception {
    String url = createDatabase("migrations_empty");
    PostgresStore store = new PostgresStore(url, LocalStack.shared().jdbcUser(), "");
    store.migrate();
    store.migrate(); // a second start changes nothing

    assertThat(scalar(url, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("7");
    assertThat(scalar(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        + " AND table_name IN ('articles','entities','article_entities','places','article_topics',"
        + "'quotes','stories')")).isEqualTo("7");
    store.close();
  }

  @Test
  void fromThePreviousVersionWithData() throws Exception {
    String url = createDatabase("migrations_v1");
    LocalStack stack = LocalStack.shared();
    Flyway.configure().dataSource(url, stack.jdbcUser(), "").locations("classpath:db/migration").target("1").load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, stack.jdbcUser(), "");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO articles (id, enrichment_version, tagger, source, title, body, fetched_at, enriched_at,"
          + " content_type, content_hash, story_id, document) VALUES ('v1-article', 1, 't', 's', 'Title', 'Body',"
          + " now(), now(), 'text/plain', 'h', 'story-1', '{\"article\": {\"title\": \"Title\"}}')");
      // mentions as rows, as version 1 to 3 kept them: version 4 moves them into their entity's row
      s.execute("INSERT INTO entities VALUES ('LOC:lagos', 'LOC', 'Lagos')");
      s.execute("INSERT INTO article_entities VALUES ('v1-article', 'LOC:lagos', 2, 0.5, false)");
      s.execute("INSERT INTO mentions VALUES ('v1-article', 'LOC:lagos', 30, 35, 'Lagos'),"
          + " ('v1-article', 'LOC:lagos', 4, 9, 'Lagos')");
    }

    PostgresStore store = new PostgresStore(url, stack.jdbcUser(), "");
    store.migrate();

    assertThat(scalar(url, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("7");
    assertThat(scalar(url, "SELECT mention_starts::text || mention_ends::text FROM article_entities"
        + " WHERE article_id = 'v1-article'")).isEqualTo("{4,30}{9,35}");
    // version 6 keeps the document as json, as it was written
    assertThat(scalar(url, "SELECT pg_typeof(document) || ' ' || (document->'article'->>'title') FROM articles"
        + " WHERE id = 'v1-article'")).isEqualTo("json Title");
    assertThat(scalar(url, "SELECT first_article_id || ':' || article_count FROM stories WHERE id = 'story-1'"))
        .isEqualTo("v1-article:1");
    // and the store keeps stories up to date from then on
    var second = Fixtures.article("v2-article", 1, "Second report");
    second.setStoryId("story-1");
    store.apply(java.util.List.of(new ArticleChange.Upsert(second)));
    assertThat(scalar(url, "SELECT article_count FROM stories WHERE id = 'story-1'")).isEqualTo("2");
    store.apply(java.util.List.of(new ArticleChange.Delete("v1-article"), new ArticleChange.Delete("v2-article")));
    assertThat(scalar(url, "SELECT count(*) FROM stories")).isEqualTo("0");
    // version 7 drops the child rows' foreign keys: the store itself removes a deleted article's rows
    assertThat(scalar(url, "SELECT count(*) FROM information_schema.table_constraints"
        + " WHERE constraint_type = 'FOREIGN KEY' AND table_schema = 'public'")).isEqualTo("0");
    assertThat(scalar(url, "SELECT count(*) FROM article_entities")).isEqualTo("0");
    store.close();
  }
}
