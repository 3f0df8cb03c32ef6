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
 * RSS 2.0, RSS 1.0 (RDF) and Atom through ROME. XML is parsed safely: ROME refuses documents with a DOCTYPE
 * (so no external entities and no entity-expansion bombs); the charset comes from the BOM, the XML prolog
 * or the Content-Type header, in ROME's XmlReader order.
 */
public final class FeedParser {

  /** The items of a feed as article drafts, in feed order. */
  public List<ArticleDraft> parse(String origin, byte[] xml, String contentType, String feedName) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      input.setXmlHealerOn(true);
      feed = input.build(new XmlReader(new ByteArrayInputStream(xml), contentType, true));
    } catch (FeedException | IOException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (reason.contains("DOCTYPE")) {
        reason = "the feed declares a DOCTYPE, which Newswire refuses (external entities and entity expansion are"
            + " unsafe): " + reason;
      }
      throw new InvalidArticleException("Not a readable RSS/Atom feed: " + reason, e);
    }
    String name = feedName != null ? feedName : feed.getTitle();
    List<ArticleDraft> drafts = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
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
      drafts.add(new ArticleDraft(origin + (link != null ? " → " + link : ""), link, name, entry.getTitle(), body,
          entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
              : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null,
          "application/rss+xml", meta));
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
