package io.newswire.ingest.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.HtmlArticle;
import io.newswire.ingest.InvalidArticleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * RSS 0.9x, 1.0 (RDF), 2.0 and Atom 0.3 and 1.0 through ROME, with {@link FeedItems} beside it: every item is
 * also read element by element, which fills what ROME leaves empty (Dublin Core titles and bodies, XHTML or
 * base64 content, links given as text, relative links under {@code xml:base}) and takes over when ROME cannot
 * read the feed at all (one odd element, a missing {@code <channel>}), so one bad element never loses the
 * whole feed. XML is parsed safely: documents with a DOCTYPE are refused (so no external entities and no
 * entity-expansion bombs); the charset comes from the BOM, the XML prolog or the Content-Type header, in ROME's
 * XmlReader order.
 */
public final class FeedParser {

  /** The items of a feed as article drafts, in feed order. */
  public List<ArticleDraft> parse(String origin, byte[] xml, String contentType, String feedName) {
    String text;
    try (var reader = new XmlReader(new ByteArrayInputStream(xml), contentType, true)) {
      java.io.StringWriter all = new java.io.StringWriter();
      reader.transferTo(all);
      text = all.toString();
    } catch (IOException e) {
      throw new InvalidArticleException("Not a readable RSS/Atom feed: " + e.getMessage(), e);
    }
    if (DOCTYPE.matcher(text).find()) {
      throw new InvalidArticleException("Not a readable RSS/Atom feed: the feed declares a DOCTYPE, which Newswire"
          + " refuses (external entities and entity expansion are unsafe)");
    }
    org.jsoup.nodes.Document document = FeedItems.parse(text);
    List<FeedItems.Item> lenient = FeedItems.items(document);
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      input.setXmlHealerOn(true);
      feed = input.build(new java.io.StringReader(text));
    } catch (FeedException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (lenient.stream().anyMatch(i -> i.body() != null)) { // at least one article can be read
        return fromItems(origin, lenient, feedName != null ? feedName : FeedItems.feedTitle(document));
      }
      throw new InvalidArticleException("Not a readable RSS/Atom feed: " + reason, e);
    }
    String name = feedName != null ? feedName : feed.getTitle();
    List<ArticleDraft> drafts = new ArrayList<>();
    boolean aligned = lenient.size() == feed.getEntries().size();
    int index = 0;
    for (SyndEntry entry : feed.getEntries()) {
      FeedItems.Item read = aligned ? lenient.get(index) : null;
      index++;
      String html = longest(entry);
      Map<String, String> meta = new HashMap<>();
      if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
        meta.put("author", entry.getAuthor());
      }
      if (entry.getUri() != null) {
        meta.put("guid", entry.getUri());
      }
      String body = html == null ? "" : HtmlArticle.text(Jsoup.parseBodyFragment(html).body());
      String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
      String title = entry.getTitle() == null ? null : HtmlArticle.text(Jsoup.parseBodyFragment(entry.getTitle()).body());
      java.time.Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
          : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
      if (read != null) {
        // The element-by-element reading decodes what ROME passes through (base64, XHTML, escaped markup),
        // and has what ROME does not map (Dublin Core, links as text, xml:base); ROME's dates stay first.
        title = read.title() != null ? read.title() : title;
        body = read.body() != null && read.body().length() >= body.length() ? read.body() : body;
        link = read.link() != null && (link == null || !link.startsWith("http")) ? read.link() : link;
        published = published != null ? published : read.published();
        if (!meta.containsKey("author") && read.author() != null) {
          meta.put("author", read.author());
        }
      }
      // Titles and bodies are text by now, read by their declared type: the normaliser must not read them again.
      drafts.add(new ArticleDraft(origin + (link != null ? " → " + link : ""), link, name, title, body, published,
          "application/rss+xml", meta, true));
    }
    return drafts;
  }

  private static final java.util.regex.Pattern DOCTYPE = java.util.regex.Pattern.compile("<!DOCTYPE",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Drafts from the element-by-element reading alone, when ROME could not read the feed. */
  private static List<ArticleDraft> fromItems(String origin, List<FeedItems.Item> items, String name) {
    List<ArticleDraft> drafts = new ArrayList<>();
    for (FeedItems.Item item : items) {
      Map<String, String> meta = new HashMap<>();
      if (item.author() != null) {
        meta.put("author", item.author());
      }
      if (item.id() != null) {
        meta.put("guid", item.id());
      }
      drafts.add(new ArticleDraft(origin + (item.link() != null ? " → " + item.link() : ""), item.link(), name,
          item.title(), item.body() == null ? "" : item.body(), item.published(), "application/rss+xml", meta, true));
    }
    return drafts;
  }

  /** The fullest text the entry has: content:encoded / Atom content over the description / summary. */
  private static String longest(SyndEntry entry) {
    String best = entry.getDescription() == null ? null : entry.getDescription().getValue();
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && (best == null || content.getValue().length() > best.length())) {
        best = content.getValue();
      }
    }
    return best;
  }
}
