package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {
  @Test
  void keepsOneChangePerArticleWithTheHighestVersionOrTheLastDelete() {
    ArticleChange a1 = new ArticleChange.Upsert(Fixtures.article("a", 1, "A"));
    ArticleChange a2 = new ArticleChange.Upsert(Fixtures.article("a", 2, "A"));
    ArticleChange b1 = new ArticleChange.Upsert(Fixtures.article("b", 1, "B"));
    ArticleChange bGone = new ArticleChange.Delete("b");

    assertThat(Batches.latestPerArticle(List.of(a2, b1, a1, bGone))).containsExactly(a2, bGone);
    assertThat(Batches.latestPerArticle(List.of(bGone, b1))).containsExactly(b1);
  }

  @Test
  void aLaterFetchOfTheSameVersionIsNewer() {
    var first = Fixtures.article("a", 1, "First");
    var updated = Fixtures.article("a", 1, "Updated");
    updated.getArticle().setFetchedAt(first.getArticle().getFetchedAt().plusSeconds(60));
    assertThat(Batches.compare(updated, first)).isPositive();
    assertThat(Batches.compare(first, Fixtures.article("a", 1, "Same"))).isZero();
    assertThat(Batches.compare(Fixtures.article("a", 2, "Better tagger"), updated)).isPositive();
    assertThat(Batches.latestPerArticle(List.of(new ArticleChange.Upsert(updated), new ArticleChange.Upsert(first))))
        .extracting(c -> ((ArticleChange.Upsert) c).article().getArticle().getTitle()).containsExactly("Updated");
  }
}
