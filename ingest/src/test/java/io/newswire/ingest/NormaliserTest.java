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

  /** The usual cross-site scripting payloads, in every field a source can fill. */
  static final java.util.List<String> XSS = java.util.List.of(
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<svg onload=alert(1)>",
      "\"><script>alert(document.cookie)</script>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "<body onload=alert(1)>",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
      "<scr<script>ipt>alert(1)</script>",
      "<!--<script>-->alert(1)",
      "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>");

  @Test
  void noFieldKeepsMarkup() {
    for (String payload : XSS) {
      ArticleDraft draft = new ArticleDraft("feed " + payload, "https://example.com/x", "Site " + payload,
          "Harbour strike " + payload, "Dockers walked out on Monday. " + payload + "\n\nTalks resume on Friday.",
          null, "application/json", Map.of("author", "Ana Ruiz " + payload));
      RawArticle a = normaliser.normalise(draft);
      for (String field : new String[] {a.getTitle(), a.getBody(), a.getSource(), a.getFeed(), a.getMetadata().get("author")}) {
        assertThat(field).as(payload).doesNotContainPattern("<\\s*[A-Za-z/!?]").doesNotContain("onerror=")
            .doesNotContain("onload=");
        assertThat(Markup.present(field)).as(payload).isFalse();
      }
      assertThat(a.getTitle()).as(payload).startsWith("Harbour strike");
      assertThat(a.getBody()).as(payload).startsWith("Dockers walked out on Monday.").contains("\n\nTalks resume on Friday.");
    }
  }

  @Test
  void markupInABodyKeepsItsParagraphs() {
    RawArticle a = normaliser.normalise(draft(null, "<b>Ports</b> reopen",
        "<p>First paragraph.</p><p>Second, with <i>emphasis</i>.</p>Line one<br>line two"));
    assertThat(a.getTitle()).isEqualTo("Ports reopen");
    assertThat(a.getBody()).isEqualTo("First paragraph.\n\nSecond, with emphasis.\n\nLine one\nline two");
    // Angle brackets that are not markup stay.
    assertThat(normaliser.normalise(draft(null, "Rates < 2% as 3 > 1", "Body a < b.")).getTitle())
        .isEqualTo("Rates < 2% as 3 > 1");
  }
}
