package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.schema.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormaliserTest {
  Normaliser normaliser = new Normaliser(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

  ArticleDraft draft(String url, String title, String body) {
    return new ArticleDraft("test", url, null, title, body, null, "text/plain", Map.of());
  }

  @Test
  void contentHashIsTheShaOfTitleAndBodyInUtf8() {
    String title = "Zoë in Kraków";
    String body = "She said “yes”.\n\nThen left. \uD83D\uDCF0";
    assertThat(Normaliser.contentHash(title, body)).isEqualTo(Normaliser.sha256(title + "\n\n" + body));
  }

  @Test
  void theSameUrlWithTrackingParametersIsTheSameArticle() {
    RawArticle a = normaliser.normalise(draft("https://example.com/a?utm_source=x", "T", "Body."));
    RawArticle b = normaliser.normalise(draft("https://EXAMPLE.com/a#comments", "T2", "Other body."));
    assertThat(a.getId()).isEqualTo(b.getId()).startsWith("u");
    assertThat(a.getUrl()).isEqualTo("https://example.com/a");
  }

  @Test
  void withoutAUrlTheIdComesFromTheContent() {
    RawArticle a = normaliser.normalise(draft(null, "Title", "Body text."));
    RawArticle b = normaliser.normalise(draft(null, "Title", "Body   text."));
    assertThat(a.getId()).isEqualTo(b.getId()).startsWith("c");
    assertThat(a.getContentHash()).hasSize(64);
  }

  @Test
  void cleansEntitiesControlCharactersAndWhitespace() {
    RawArticle a = normaliser.normalise(draft(null, " Fish &amp; chips\u0000 ",
        "First\u00a0 line  &eacute;t&eacute;\r\n\r\n\r\n\r\nSecond\tline\u200b"));
    assertThat(a.getTitle()).isEqualTo("Fish & chips");
    assertThat(a.getBody()).isEqualTo("First line été\n\nSecond line");
  }

  @Test
  void textWithoutATitleGetsItsFirstLineOrSentence() {
    assertThat(normaliser.normalise(draft(null, null, "Storm closes ports\n\nThe storm...")).getTitle())
        .isEqualTo("Storm closes ports");
    String longFirstLine = "The storm that closed three ports on Tuesday was the strongest in a decade, forecasters said."
        + " Ferries stayed in harbour and schools shut early across the region as winds reached 150 km/h.";
    assertThat(normaliser.normalise(draft(null, null, longFirstLine)).getTitle())
        .isEqualTo("The storm that closed three ports on Tuesday was the strongest in a decade, forecasters said.");
  }

  @Test
  void emptyArticlesAreRefusedWithAReason() {
    assertThatThrownBy(() -> normaliser.normalise(draft(null, " ", "\n\n")))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> normaliser.normalise(draft(null, "Only a title", "")))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("no body");
  }
}
