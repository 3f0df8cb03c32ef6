package io.newswire.ingest;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The article inside a web page: title, canonical URL and publication date from the page's metadata, and the
 * main text with navigation, ads, related links and other boilerplate left out. The main text is the
 * page's {@code <article>} (or {@code articleBody} / {@code <main>}) when it has one, otherwise the block
 * holding the most paragraph text.
 */
public final class HtmlArticle {
  private static final String BOILERPLATE = "script, style, noscript, template, nav, header, footer, aside, form,"
      + " iframe, svg, button, figure figcaption, [role=navigation], [role=banner], [role=contentinfo],"
      + " [aria-hidden=true], .advert, .ad, .ads, .share, .social, .related, .newsletter, .comments, .cookie";

  private HtmlArticle() {}

  public static ArticleDraft extract(String origin, Document doc) {
    Map<String, String> meta = new HashMap<>();
    String title = firstNonBlank(attr(doc, "meta[property=og:title]", "content"), textOf(doc.selectFirst("h1")), doc.title());
    String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]", "content"));
    String published = firstNonBlank(attr(doc, "meta[property=article:published_time]", "content"),
        attr(doc, "meta[name=date]", "content"), attr(doc, "meta[itemprop=datePublished]", "content"),
        attr(doc, "time[datetime]", "datetime"));
    String author = firstNonBlank(attr(doc, "meta[name=author]", "content"), attr(doc, "meta[property=article:author]", "content"));
    if (author != null) {
      meta.put("author", author);
    }
    String site = attr(doc, "meta[property=og:site_name]", "content");
    Element main = mainElement(doc);
    if (main != null) {
      main = main.clone();
      main.select(BOILERPLATE).remove();
      Element h1 = main.selectFirst("h1");
      if (h1 != null) {
        h1.remove();
      }
    }
    String body = main == null ? "" : text(main);
    return new ArticleDraft(origin, url, site, title, body, Dates.parse(published), "text/html", meta);
  }

  private static Element mainElement(Document doc) {
    for (String selector : new String[] {"[itemprop=articleBody]", "article", "main", "[role=main]"}) {
      Elements found = doc.select(selector);
      if (!found.isEmpty()) {
        return found.stream().max(java.util.Comparator.comparingInt(e -> e.select("p").text().length())).get();
      }
    }
    Element best = null;
    int bestLength = 0;
    for (Element p : doc.select("p")) {
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      int length = parent.select("> p").text().length();
      if (length > bestLength) {
        best = parent;
        bestLength = length;
      }
    }
    return best != null ? best : doc.body();
  }

  /** Paragraph-level blocks on their own lines, so sentences of different paragraphs never run together. */
  public static String text(Element root) {
    StringBuilder out = new StringBuilder();
    Elements blocks = root.select("p, h2, h3, h4, li, blockquote, pre");
    if (blocks.isEmpty()) {
      return root.text();
    }
    for (Element block : blocks) {
      if (block.parents().stream().anyMatch(p -> blocks.contains(p))) {
        continue; // already in its parent block's text
      }
      String text = block.text().strip();
      if (!text.isEmpty()) {
        out.append(text).append("\n\n");
      }
    }
    return out.toString().strip();
  }

  private static String attr(Document doc, String selector, String attribute) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr(attribute);
  }

  private static String textOf(Element e) {
    return e == null ? null : e.text();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
