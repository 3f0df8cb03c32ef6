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
}
