package io.newswire.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.Fixtures;
import io.newswire.sink.StoreException;
import io.newswire.sink.StoreUnavailableException;
import io.newswire.stack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store on a real server: idempotent, version-aware, and complete in its child rows. */
class PostgresStoreIT {
  static LocalStack stack;
  static PostgresStore store;

  @BeforeAll
  static void migrate() {
    stack = LocalStack.shared();
    store = new PostgresStore(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
    store.migrate();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static String id() {
    return "it-" + UUID.randomUUID();
  }

  static String query(String sql, String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        var ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        StringBuilder out = new StringBuilder();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            out.append(rs.getString(i)).append(i < columns ? "|" : "\n");
          }
        }
        return out.toString();
      }
    }
  }

  static String everything(String id) throws SQLException {
    return query("SELECT id, enrichment_version, tagger, title, language, enriched_at, document->>'tagger' FROM articles WHERE id = ?", id)
        + query("SELECT entity_id, mention_count, salience, mention_starts, mention_ends FROM article_entities"
            + " WHERE article_id = ? ORDER BY 1", id)
        + query("SELECT name, latitude, country_code, gazetteer_id FROM places WHERE article_id = ?", id)
        + query("SELECT code, score FROM article_topics WHERE article_id = ?", id)
        + query("SELECT speaker, text FROM quotes WHERE article_id = ?", id);
  }

  @Test
  void writesTheArticleWithEverythingFoundInItAndTheSameAgainChangesNothing() throws SQLException {
    String id = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Bridge opens"))));
    String first = everything(id);

    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Bridge opens"))));

    assertThat(everything(id)).isEqualTo(first);
    assertThat(first).contains("Bridge opens", "PER:ana ruiz|1|0.7", "Lisbon|38.72|PT|2267057", "medtop:11000000",
        "Ana Ruiz|It joins two halves of the city,");
  }

  @Test
  void theSameVersionWithADifferentStoryReplacesTheRowButARepeatWithANewEnrichmentTimeDoesNot() throws SQLException {
    String id = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Bridge opens"))));
    String first = everything(id);
    var again = Fixtures.article(id, 1, "Bridge opens");
    again.setEnrichedAt(again.getEnrichedAt().plusSeconds(3600)); // enriched again, same result
    store.apply(List.of(new ArticleChange.Upsert(again)));
    assertThat(everything(id)).isEqualTo(first);

    var moved = Fixtures.article(id, 1, "Bridge opens");
    moved.setStoryId("story-other");
    store.apply(List.of(new ArticleChange.Upsert(moved)));
    assertThat(query("SELECT story_id FROM articles WHERE id = ?", id)).isEqualTo("story-other\n");
    assertThat(query("SELECT article_count FROM stories WHERE id = 'story-other' AND first_article_id = ?", id))
        .isEqualTo("1\n");
  }

  @Test
  void textWithTabsBackslashesQuotesAndLineBreaksComesBackAsItWent() throws SQLException {
    String id = id();
    String title = "Tabs\tand\\backslashes \\N \\. and \"quotes\"";
    var article = Fixtures.article(id, 1, title);
    String body = "First line\r\nsecond\tline\n\\.\n\\N\nC:\\path\\to\nend \u00e9\u4e2d\ud83d\ude00";
    article.getArticle().setBody(body);
    store.apply(List.of(new ArticleChange.Upsert(article)));
    assertThat(query("SELECT title FROM articles WHERE id = ?", id)).isEqualTo(title + "\n");
    assertThat(query("SELECT body = document->'article'->>'body' FROM articles WHERE id = ?", id)).isEqualTo("t\n");
    assertThat(query("SELECT body FROM articles WHERE id = ?", id)).isEqualTo(body + "\n");
  }

  @Test
  void aBatchLargerThanOneStatementTakesIsWrittenWhole() throws SQLException {
    String prefix = id();
    List<ArticleChange> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 2_001; i++) {
      batch.add(new ArticleChange.Upsert(Fixtures.article(prefix + "-" + i, 1, "Article " + i)));
    }
    store.apply(batch);
    assertThat(query("SELECT count(*) FROM articles WHERE id LIKE ? || '-%'", prefix)).isEqualTo("2001\n");
    assertThat(query("SELECT count(*) FROM article_topics WHERE article_id LIKE ? || '-%'", prefix)).isEqualTo("2001\n");
  }

  @Test
  void aNulCharacterIsTheRecordsFaultNotAnOutage() {
    var article = Fixtures.article(id(), 1, "Nul \u0000 inside");
    assertThatThrownBy(() -> store.apply(List.of(new ArticleChange.Upsert(article))))
        .isInstanceOf(StoreException.class).isNotInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void sqlLookingTextIsStoredAsText() throws SQLException {
    String id = id();
    String title = "Robert'); DROP TABLE articles; -- and \\ '' $$ quotes";
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, title))));
    assertThat(query("SELECT title FROM articles WHERE id = ?", id)).isEqualTo(title + "\n");
    assertThat(query("SELECT count(*) FROM articles WHERE id = ?", id)).isEqualTo("1\n");
  }

  @Test
  void aNewerVersionReplacesAndAnOlderOneNeverOverwrites() throws SQLException {
    String id = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Old title"))));
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 3, "New title"))));
    String afterNewer = everything(id);
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 2, "Stale title"))));

    assertThat(everything(id)).isEqualTo(afterNewer).contains("New title", "test/3").doesNotContain("Old title");
    assertThat(query("SELECT sum(cardinality(mention_starts)) FROM article_entities WHERE article_id = ?", id))
        .isEqualTo("2\n");
  }

  @Test
  void aRewrittenArticleKeepsOnlyItsNewRowsWhetherItsBatchAlsoHasNewArticles() throws SQLException {
    String id = id();
    String other = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Bridge opens"))));
    var rewritten = Fixtures.article(id, 2, "Bridge opens");
    rewritten.getEntities().removeIf(e -> e.getId().equals("LOC:lisbon"));
    rewritten.getPlaces().clear();
    rewritten.getQuotes().clear();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(other, 1, "Ferry strike")),
        new ArticleChange.Upsert(rewritten)));

    assertThat(query("SELECT string_agg(entity_id, ',') FROM article_entities WHERE article_id = ?", id))
        .isEqualTo("PER:ana ruiz\n");
    assertThat(query("SELECT count(*) FROM places WHERE article_id = ?", id)).isEqualTo("0\n");
    assertThat(query("SELECT count(*) FROM quotes WHERE article_id = ?", id)).isEqualTo("0\n");
    assertThat(everything(other)).contains("Ferry strike", "LOC:lisbon", "Lisbon|38.72");
  }

  @Test
  void anUpdatedArticleOfTheSameVersionReplacesTheOlderFetch() throws SQLException {
    String id = id();
    var first = Fixtures.article(id, 1, "Early headline");
    var updated = Fixtures.article(id, 1, "Corrected headline");
    updated.getArticle().setFetchedAt(first.getArticle().getFetchedAt().plusSeconds(600));
    store.apply(List.of(new ArticleChange.Upsert(updated)));
    store.apply(List.of(new ArticleChange.Upsert(first))); // arriving late changes nothing
    assertThat(everything(id)).contains("Corrected headline").doesNotContain("Early headline");
  }

  @Test
  void aDeleteRemovesTheArticleAndItsRows() throws SQLException {
    String id = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Retracted"))));
    store.apply(List.of(new ArticleChange.Delete(id)));
    assertThat(everything(id)).isEmpty();
  }

  @Test
  void fullTextSearchFindsArticlesByWords() throws SQLException {
    String id = id();
    store.apply(List.of(new ArticleChange.Upsert(Fixtures.article(id, 1, "Suspension bridge opens"))));
    assertThat(query("SELECT id FROM articles WHERE search @@ websearch_to_tsquery('english', 'bridges Lisbon')"
        + " AND id = ?", id)).isEqualTo(id + "\n");
  }
}
