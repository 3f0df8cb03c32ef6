package io.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.ingest.ArticleDraft;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeds written for the project in the shapes real feeds take and the first parser missed: Dublin Core only,
 * escaped, XHTML and base64 titles and content, Atom 0.3, no channel, links as text, xml:base, repeated dates.
 */
class FeedShapesTest {
  FeedParser parser = new FeedParser();

  List<ArticleDraft> parse(String xml) {
    return parser.parse("feed", xml.getBytes(StandardCharsets.UTF_8), null, null);
  }

  static final String BODY = "The river ferry resumed on Monday after the flood, the operator said.";

  @Test
  void dublinCoreAloneGivesTitleBodyAndDate() {
    ArticleDraft a = parse("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
          <channel rdf:about="https://news.example/"><title>River news</title><link>https://news.example/</link></channel>
          <item rdf:about="https://news.example/ferry">
            <dc:title>Ferry resumes</dc:title><link>https://news.example/ferry</link>
            <dc:description>%s</dc:description>
            <dcterms:issued>2026-01-05T08:00:00Z</dcterms:issued>
          </item>
        </rdf:RDF>""".formatted(BODY)).get(0);
    assertThat(a.title()).isEqualTo("Ferry resumes");
    assertThat(a.body()).isEqualTo(BODY);
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
  }

  @Test
  void escapedAndXhtmlTitlesBecomeText() {
    List<ArticleDraft> items = parse("""
        <?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
          <entry><title type="html">Ferry &lt;b&gt;resumes&lt;/b&gt;</title><id>a</id>
            <link href="https://news.example/a"/><updated>2026-01-05T08:00:00Z</updated>
            <content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>
          <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Bridge <i>reopens</i></div></title>
            <id>b</id><link href="https://news.example/b"/><updated>2026-01-05T09:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>%s</p></div></content></entry>
        </feed>""".formatted(BODY, BODY));
    assertThat(items).extracting(ArticleDraft::title).containsExactly("Ferry resumes", "Bridge reopens");
    assertThat(items).extracting(ArticleDraft::body).containsOnly(BODY);
  }

  @Test
  void plainTextKeepsItsAngleBracketsAndTitlesNeverKeepMarkup() {
    List<ArticleDraft> items = parse("""
        <?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
          <entry><title type="text">History of the &lt;blink&gt; tag</title><id>a</id>
            <link href="https://news.example/a"/><updated>2026-01-05T08:00:00Z</updated>
            <content type="text">Why the &lt;blink&gt; tag went away. %s</content></entry>
          <entry><title type="html">Ferry &lt;script&gt;alert(1)&lt;/script&gt;resumes</title><id>b</id>
            <link href="https://news.example/b"/><updated>2026-01-05T09:00:00Z</updated>
            <content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>
        </feed>""".formatted(BODY, BODY));
    // As published: the normaliser keeps text that a feed declared as text.
    var published = items.stream().map(new io.newswire.ingest.Normaliser()::normalise).toList();
    assertThat(published.get(0).getTitle()).isEqualTo("History of the <blink> tag");
    assertThat(published.get(0).getBody()).startsWith("Why the <blink> tag went away.");
    assertThat(published.get(1).getTitle()).isEqualTo("Ferry resumes");
  }

  @Test
  void atom03WithBase64ContentIsReadNotLost() {
    String encoded = Base64.getEncoder().encodeToString(("<p>" + BODY + "</p>").getBytes(StandardCharsets.UTF_8));
    List<ArticleDraft> items = parse("""
        <?xml version="1.0"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old feed</title>
          <entry><title>Ferry resumes</title><link rel="alternate" type="text/html" href="https://news.example/f"/>
            <id>f</id><issued>2026-01-05T08:00:00Z</issued><modified>2026-01-06T08:00:00Z</modified>
            <content type="text/html" mode="base64">%s</content></entry>
          <entry><title>Second item</title><link rel="alternate" type="text/html" href="https://news.example/g"/>
            <id>g</id><issued>2026-01-05T10:00:00Z</issued>
            <content type="text/html" mode="escaped">&lt;p&gt;%s&lt;/p&gt;</content></entry>
        </feed>""".formatted(encoded, BODY));
    assertThat(items).hasSize(2);
    assertThat(items.get(0).body()).isEqualTo(BODY);
    assertThat(items.get(0).url()).isEqualTo("https://news.example/f");
    assertThat(items.get(1).body()).isEqualTo(BODY);
  }

  @Test
  void itemsWithoutAChannelLinksAsTextXmlBaseAndTheLastOfRepeatedDates() {
    List<ArticleDraft> items = parse("""
        <?xml version="1.0"?>
        <rss version="0.92" xml:base="https://news.example/section/">
          <item><title>Ferry resumes</title><link>ferry.html</link><description>%s</description>
            <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2026-01-01T00:00:00Z</dc:date>
            <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2026-01-05T08:00:00Z</dc:date></item>
        </rss>""".formatted(BODY));
    assertThat(items).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Ferry resumes");
      assertThat(a.url()).isEqualTo("https://news.example/section/ferry.html");
      assertThat(a.body()).isEqualTo(BODY);
      assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    });
  }

  @Test
  void aFetchedPageIsDecodedByTheCharsetItsResponseDeclares() {
    assertThat(FeedPoller.charsetOf("text/html; charset=ISO-8859-1")).isEqualTo("ISO-8859-1");
    assertThat(FeedPoller.charsetOf("text/html;charset=\"windows-1252\"")).isEqualTo("windows-1252");
    assertThat(FeedPoller.charsetOf("text/html")).isNull(); // the page's own <meta charset> decides
    assertThat(FeedPoller.charsetOf("text/html; charset=no-such-charset")).isNull();
  }
}
