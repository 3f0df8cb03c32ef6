package io.newswire.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.ArticleFilter;
import io.newswire.sink.Fixtures;
import io.newswire.stack.LocalStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleQueriesIT {
  static ArticleQueries queries;
  static final Instant FROM = Instant.parse("2025-04-01T00:00:00Z");
  static final Instant TO = Instant.parse("2025-04-30T00:00:00Z");

  @BeforeAll
  static void store() throws Exception {
    LocalStack stack = LocalStack.shared();
    String url = MigrationsIT.createDatabase("queries");
    try (PostgresStore store = new PostgresStore(url, stack.jdbcUser(), "")) {
      store.migrate();
      store.apply(List.of(new ArticleChange.Upsert(Fixtures.article("q1", 1, "Suspension bridge opens")),
          new ArticleChange.Upsert(Fixtures.article("q2", 1, "Ferry timetable changes"))));
    }
    queries = new ArticleQueries(url, stack.jdbcUser(), "");
  }

  @Test
  void answersSearchEntityTopicRangeAndTrending() throws Exception {
    assertThat(queries.search("suspension", FROM, TO, 10)).extracting(ArticleQueries.Hit::id).containsExactly("q1");
    assertThat(queries.byEntity("ana%", FROM, TO, 10)).extracting(ArticleQueries.Hit::id).containsExactlyInAnyOrder("q1", "q2");
    assertThat(queries.byTopic("medtop:11000000", FROM, TO, 10)).hasSize(2);
    assertThat(queries.byTopic("politics", FROM, TO, 10)).hasSize(2);
    assertThat(queries.inRange(FROM, TO, 10)).hasSize(2);
    assertThat(queries.inRange(TO, TO.plusSeconds(86400), 10)).isEmpty();
    assertThat(queries.trending("PER", FROM, TO, 5)).singleElement()
        .satisfies(t -> assertThat(t.name()).isEqualTo("Ana Ruiz"))
        .satisfies(t -> assertThat(t.articles()).isEqualTo(2));
    // Without a type: every type, the same person first (the query once failed to bind a null type).
    assertThat(queries.trending(null, FROM, TO, 5)).first()
        .satisfies(t -> assertThat(t.name()).isEqualTo("Ana Ruiz"));
  }

  @Test
  void findsByEveryPartOfAFilterTogether() throws Exception {
    assertThat(queries.find(new ArticleFilter("suspension", "ana%", "politics", "en", FROM, TO, 10)))
        .singleElement().satisfies(f -> {
          assertThat(f.id()).isEqualTo("q1");
          assertThat(f.language()).isEqualTo("en");
          assertThat(f.snippets()).isNotEmpty();
        });
    assertThat(queries.find(new ArticleFilter("suspension", null, null, "fr", FROM, TO, 10))).isEmpty();
    assertThat(queries.find(new ArticleFilter(null, "nobody%", null, null, FROM, TO, 10))).isEmpty();
    assertThat(queries.find(new ArticleFilter(null, null, "medtop:11000000", null, FROM, TO, 10))).hasSize(2);
    assertThat(queries.find(new ArticleFilter(null, null, null, null, FROM, TO, 1))).hasSize(1);
  }
}
