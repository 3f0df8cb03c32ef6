package io.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.InvalidArticleException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  FeedParser parser = new FeedParser();

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void rss2TakesTheFullContentOverTheDescription() throws IOException {
    List<ArticleDraft> items = parser.parse("feed", fixture("rss2.xml"), "application/rss+xml", null);
    assertThat(items).hasSize(2);
    ArticleDraft ferry = items.get(0);
    assertThat(ferry.title()).isEqualTo("Ferry service resumes after winter storms");
    assertThat(ferry.url()).isEqualTo("https://gazette.example/ferry-resumes?utm_source=rss");
    assertThat(ferry.body()).isEqualTo("The ferry to the islands sailed again on Tuesday after three weeks of storms."
        + "\n\nOperators said timetables would return to normal by Friday.");
    assertThat(ferry.publishedAt()).isEqualTo(Instant.parse("2025-03-04T06:30:00Z"));
    assertThat(ferry.feed()).isEqualTo("Harbour Gazette");
    assertThat(ferry.metadata()).containsEntry("author", "Port Desk").containsEntry("guid", "gazette-1001");
    assertThat(items.get(1).body()).isEqualTo("The fish market will open in the restored customs house & its courtyard from April.");
  }

  @Test
  void rssOneRdfAndAtom() throws IOException {
    ArticleDraft dam = parser.parse("feed", fixture("rdf.xml"), null, null).get(0);
    assertThat(dam.title()).isEqualTo("Engineers inspect the valley dam after heavy rain");
    assertThat(dam.publishedAt()).isEqualTo(Instant.parse("2025-02-10T09:15:00Z"));

    ArticleDraft comet = parser.parse("feed", fixture("atom.xml"), "application/atom+xml", "Science").get(0);
    assertThat(comet.url()).isEqualTo("https://science.example/comet");
    assertThat(comet.body()).startsWith("A survey telescope found a faint comet");
    assertThat(comet.publishedAt()).isEqualTo(Instant.parse("2025-05-02T08:00:00Z"));
    assertThat(comet.feed()).isEqualTo("Science");
  }

  @Test
  void theXmlPrologsCharsetWinsOverAWrongHeader() throws IOException {
    ArticleDraft cafe = parser.parse("feed", fixture("latin1.xml"), "text/xml; charset=utf-8", null).get(0);
    assertThat(cafe.title()).isEqualTo("Café in São Paulo wins award");
  }

  @Test
  void malformedFeedsAreRefusedWithAReason() {
    assertThatThrownBy(() -> parser.parse("feed", fixture("malformed.xml"), null, null))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("Not a readable RSS/Atom feed");
  }

  @Test
  void externalEntitiesAndEntityBombsAreRefused() {
    assertThatThrownBy(() -> parser.parse("feed", fixture("xxe.xml"), null, null))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> parser.parse("feed", fixture("billion-laughs.xml"), null, null))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("DOCTYPE");
  }
}
