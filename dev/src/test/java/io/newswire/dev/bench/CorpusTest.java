package io.newswire.dev.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.enrich.stories.Fingerprint;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusTest {
  @Test
  void anArticleDependsOnlyOnTheSeedAndItsNumber() {
    String once = new Corpus(7).article(123, 3000).toString();
    Corpus other = new Corpus(7);
    other.article(5, 3000); // what came before does not matter
    assertThat(other.article(123, 3000).toString()).isEqualTo(once);
    assertThat(new Corpus(8).article(123, 3000).toString()).isNotEqualTo(once);
  }

  @Test
  void aShareOfArticlesInOtherLanguagesLeavesTheEnglishOnesAsTheyWere() {
    Corpus english = new Corpus(7);
    Corpus mixed = new Corpus(7, 20);
    var tagger = new io.newswire.tagger.NewswireTagger();
    int other = 0;
    for (int n = 0; n < 400; n++) {
      var article = mixed.article(n, 2000);
      String language = tagger.tag(article.get("title").asText(), article.get("body").asText()).language();
      if (language.equals("en")) {
        assertThat(article.toString()).isEqualTo(english.article(n, 2000).toString());
      } else {
        assertThat(OtherLanguages.codes()).as("article %d", n).contains(language);
        other++;
      }
    }
    assertThat(other).isBetween(60, 100);
  }

  @Test
  void bodiesHaveTheAskedLengthOrOneBetweenOneAndTenKilobytes() {
    Corpus corpus = new Corpus(7);
    for (int n = 0; n < 50; n++) {
      assertThat(corpus.article(n, 3000).get("body").asText().length()).isBetween(2500, 3400);
      assertThat(corpus.article(n, 0).get("body").asText().length()).isBetween(900, 10_400);
    }
  }

  @Test
  void aCopyOfAnArticleOfVaryingLengthKeepsTheOriginalsLengthAndIsANearCopy() {
    Corpus corpus = new Corpus(7);
    int checked = 0;
    for (int n = 1; n < 400; n++) {
      String body = corpus.article(n, 0).get("body").asText();
      if (!body.contains(") - ")) {
        continue;
      }
      Fingerprint copy = Fingerprint.of(body);
      boolean original = false;
      for (int of = Math.max(0, n - 30); of < n; of++) {
        original |= copy.similarity(Fingerprint.of(corpus.article(of, 0).get("body").asText())) >= 0.6;
      }
      assertThat(original).as("article %d is a near-copy of one of the 30 before it", n).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(3);
  }

  /**
   * Unrelated articles must not look alike to the fingerprint, as unrelated news does not: the benchmark's cost of
   * finding near-copies should be news's. About one article in fifty is a deliberate copy.
   */
  @Test
  void fewBandsRecurExceptInTheDeliberateCopies() {
    Corpus corpus = new Corpus(7);
    Set<String> bands = new HashSet<>();
    int lookups = 0;
    int found = 0;
    int copies = 0;
    for (int n = 0; n < 1000; n++) {
      String body = corpus.article(n, 3000).get("body").asText();
      copies += body.contains(") - ") ? 1 : 0;
      Fingerprint f = Fingerprint.of(body);
      for (int b = 0; b < Fingerprint.BANDS; b++) {
        lookups++;
        found += bands.add(f.band(b)) ? 0 : 1;
      }
    }
    assertThat(copies).isBetween(10, 35);
    assertThat((double) found / lookups).isLessThan(0.02);
  }
}
