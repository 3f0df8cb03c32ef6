package io.newswire.ingest.feeds;

import io.newswire.ingest.Dates;
import io.newswire.ingest.HtmlArticle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A feed's items read element by element, the way a lenient feed parser reads them: any of RSS 0.9x, 1.0 (RDF),
 * 2.0 and Atom 0.3 and 1.0, with Dublin Core and friends ({@code dc:title}, {@code dc:description},
 * {@code dc:date}, {@code dcterms:issued}, {@code content:encoded}, {@code xhtml:body}); titles and bodies in
 * text, escaped HTML, XHTML or base64; links as {@code href} or as element text, relative ones resolved
 * against {@code xml:base}; where an item repeats a date, the last one. One odd element costs only its own
 * field, never the feed: this is what {@link FeedParser} falls back on, and fills gaps with.
 *
 * <p>Parsing is jsoup's XML parser, which never resolves external entities or expands DTD entities.
 */
final class FeedItems {
  /** One item as read; any field may be null. */
  record Item(String title, String link, String body, Instant published, String author, String id) {}

  private static final List<String> BODIES = List.of("content:encoded", "encoded", "content", "body", "description",
      "summary", "abstract", "dc:description", "description");
  private static final List<String> PUBLISHED = List.of("pubdate", "published", "issued", "dcterms:issued", "dc:date",
      "date", "created", "dcterms:created");
  private static final List<String> UPDATED = List.of("updated", "modified", "dcterms:modified", "lastbuilddate");
  private static final Set<String> ITEMS = Set.of("item", "entry");

  private FeedItems() {}

  /** The feed's own title, or null. */
  static String feedTitle(Document doc) {
    for (Element e : doc.getAllElements()) {
      String name = local(e);
      if ((name.equals("channel") || name.equals("feed")) && e.parent() != null) {
        Element title = child(e, "title");
        if (title != null) {
          return text(title);
        }
      }
    }
    return null;
  }

  static Document parse(String xml) {
    return Jsoup.parse(xml, "", Parser.xmlParser());
  }

  static List<Item> items(Document doc) {
    List<Item> items = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      if (ITEMS.contains(local(e))) {
        items.add(item(e));
      }
    }
    return items;
  }

  static Item item(Element item) {
    Element titleElement = firstChild(item, "title", "dc:title");
    String title = titleElement == null ? null : text(titleElement);
    String body = null;
    for (String name : BODIES) {
      for (Element candidate : children(item, name)) {
        String text = text(candidate);
        if (text != null && (body == null || text.length() > body.length())) {
          body = text;
        }
      }
    }
    Instant published = lastDate(item, PUBLISHED);
    if (published == null) {
      published = lastDate(item, UPDATED);
    }
    Element authorElement = firstChild(item, "author", "dc:creator", "creator");
    String author = null;
    if (authorElement != null) {
      Element name = child(authorElement, "name");
      author = name != null ? name.text() : authorElement.text();
    }
    Element id = firstChild(item, "guid", "id");
    return new Item(blankToNull(title), link(item), blankToNull(body), published, blankToNull(author),
        id == null ? null : blankToNull(id.text()));
  }

  /** The item's link: an alternate {@code href}, else a link's text, else a permalink guid; resolved against xml:base. */
  static String link(Element item) {
    String link = null;
    for (Element l : children(item, "link")) {
      String rel = l.attr("rel");
      if (l.hasAttr("href") && (rel.isEmpty() || rel.equals("alternate"))) {
        link = l.attr("href");
        break;
      }
      if (link == null && !l.text().isBlank()) {
        link = l.text().strip();
      }
    }
    if (link == null) {
      Element guid = child(item, "guid");
      if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink")) && guid.text().startsWith("http")) {
        link = guid.text().strip();
      }
    }
    return link == null ? null : resolve(item, link.strip());
  }

  /** A link resolved against the nearest {@code xml:base}, when it is relative. */
  static String resolve(Element from, String link) {
    if (link.startsWith("http://") || link.startsWith("https://")) {
      return link;
    }
    List<String> bases = new ArrayList<>();
    for (Element e = from; e != null; e = e.parent()) {
      if (e.hasAttr("xml:base")) {
        bases.add(0, e.attr("xml:base"));
      }
    }
    try {
      URI base = null;
      for (String b : bases) {
        base = base == null ? URI.create(b) : base.resolve(b);
      }
      return base == null ? link : base.resolve(link).toString();
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  /** An element's text, by its declared type and mode: text, escaped HTML, XHTML, or base64. */
  static String text(Element e) {
    String type = e.attr("type").toLowerCase(Locale.ROOT);
    String mode = e.attr("mode").toLowerCase(Locale.ROOT);
    String raw;
    if (mode.equals("base64") || type.equals("base64")) {
      try {
        raw = new String(Base64.getMimeDecoder().decode(e.text().strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        raw = e.text();
      }
    } else if (type.equals("xhtml") || type.equals("application/xhtml+xml") || mode.equals("xml")
        || local(e).equals("body")) {
      raw = e.html(); // the markup itself: inline XHTML
    } else {
      raw = e.wholeText(); // entities decoded once: escaped HTML becomes HTML, CDATA its content
    }
    if (raw == null || raw.isBlank()) {
      return null;
    }
    boolean html = !type.equals("text") && (raw.contains("<") || type.contains("html"));
    return html ? HtmlArticle.text(Jsoup.parseBodyFragment(raw).body()) : raw.strip();
  }

  private static Instant lastDate(Element item, List<String> names) {
    for (String name : names) {
      List<Element> found = children(item, name);
      for (int i = found.size() - 1; i >= 0; i--) {
        Instant when = Dates.parse(found.get(i).text().strip());
        if (when != null) {
          return when;
        }
      }
    }
    return null;
  }

  private static Element firstChild(Element parent, String... names) {
    for (String n : names) {
      Element e = child(parent, n);
      if (e != null && !e.text().isBlank()) {
        return e;
      }
    }
    return null;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Children by qualified name ("dc:date") or, for a plain name, by local name whatever the prefix. */
  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Element c : parent.children()) {
      String tag = c.tagName().toLowerCase(Locale.ROOT);
      if (name.contains(":") ? tag.equals(name) : local(c).equals(name) && (!tag.contains(":") || tag.startsWith("atom:")
          || tag.startsWith("rss:"))) {
        out.add(c);
      }
    }
    return out;
  }

  private static String local(Element e) {
    String tag = e.tagName().toLowerCase(Locale.ROOT);
    int colon = tag.indexOf(':');
    return colon < 0 ? tag : tag.substring(colon + 1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
