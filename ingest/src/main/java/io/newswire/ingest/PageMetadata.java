package io.newswire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article, from the most to the least reliable source: JSON-LD ({@code NewsArticle},
 * {@code Article}, {@code BlogPosting}, ... also inside {@code @graph}), OpenGraph, {@code <meta>} and
 * {@code <time>}, then the markup ({@code <h1>}, {@code <title>}). An author is a name, never a profile URL;
 * a title loses its site-name suffix ("Storm hits Lagos | Daily Example").
 */
record PageMetadata(String title, String url, String published, String author, String section, String language,
    String image, String siteName, String articleBody) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
      "scholarlyarticle", "techarticle", "report", "socialmediaposting", "webpage");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");

  static PageMetadata of(Document doc) {
    JsonNode ld = articleLd(doc);
    String siteName = first(attr(doc, "meta[property=og:site_name]", "content"), ldText(ld, "publisher", "name"));
    String title = first(ldText(ld, "headline"), attr(doc, "meta[property=og:title]", "content"),
        attr(doc, "meta[name=twitter:title]", "content"), text(doc.selectFirst("h1")), doc.title());
    title = withoutSiteName(title, siteName, doc.title());
    String url = first(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]", "content"),
        ldText(ld, "url"));
    String published = first(ldText(ld, "datePublished"), attr(doc, "meta[property=article:published_time]", "content"),
        attr(doc, "meta[name=pubdate]", "content"), attr(doc, "meta[name=publishdate]", "content"),
        attr(doc, "meta[name=date]", "content"), attr(doc, "meta[name=dc.date]", "content"),
        attr(doc, "meta[name=DC.date.issued]", "content"), attr(doc, "meta[itemprop=datePublished]", "content"),
        attr(doc, "[itemprop=datePublished]", "datetime"), ldText(ld, "dateCreated"),
        attr(doc, "time[datetime]", "datetime"), ldText(ld, "dateModified"),
        attr(doc, "meta[property=article:modified_time]", "content"));
    String author = firstName(ldAuthors(ld), attr(doc, "meta[name=author]", "content"),
        attr(doc, "meta[property=article:author]", "content"), attr(doc, "meta[name=byl]", "content"),
        text(doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")));
    String section = first(ldText(ld, "articleSection"), attr(doc, "meta[property=article:section]", "content"));
    String language = first(attr(doc, "html[lang]", "lang"), ldText(ld, "inLanguage"),
        attr(doc, "meta[http-equiv=content-language]", "content"), attr(doc, "meta[property=og:locale]", "content"));
    String image = first(attr(doc, "meta[property=og:image]", "content"), ldImage(ld));
    String body = ldText(ld, "articleBody");
    return new PageMetadata(title, url, published, author, section, language == null ? null : language.strip(), image,
        siteName, body);
  }

  /** The JSON-LD object that describes the article, if the page has one. */
  static JsonNode articleLd(Document doc) {
    JsonNode best = null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (Exception malformed) {
        continue; // pages ship broken JSON-LD; the other sources remain
      }
      for (JsonNode node : flatten(root)) {
        String type = types(node);
        if (type != null && ARTICLE_TYPES.stream().anyMatch(type::contains)) {
          // An article type beats a plain WebPage; one with a body beats one without.
          int rank = (type.contains("webpage") ? 0 : 2) + (node.hasNonNull("articleBody") ? 1 : 0);
          int bestRank = best == null ? -1 : (types(best).contains("webpage") ? 0 : 2) + (best.hasNonNull("articleBody") ? 1 : 0);
          if (rank > bestRank) {
            best = node;
          }
        }
      }
    }
    return best;
  }

  private static List<JsonNode> flatten(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    if (root.isArray()) {
      root.forEach(n -> out.addAll(flatten(n)));
    } else if (root.isObject()) {
      out.add(root);
      if (root.has("@graph")) {
        out.addAll(flatten(root.get("@graph")));
      }
      if (root.has("mainEntity")) {
        out.addAll(flatten(root.get("mainEntity")));
      }
    }
    return out;
  }

  private static String types(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return null;
    }
    return (type.isArray() ? type.toString() : type.asText()).toLowerCase(Locale.ROOT);
  }

  private static String ldText(JsonNode ld, String... path) {
    JsonNode node = ld;
    for (String p : path) {
      if (node == null) {
        return null;
      }
      node = node.isArray() && node.size() > 0 ? node.get(0).get(p) : node.get(p);
    }
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.size() == 0 ? null : node.get(0).isValueNode() ? node.get(0).asText() : null;
    }
    return node.isValueNode() ? node.asText() : null;
  }

  private static String ldImage(JsonNode ld) {
    if (ld == null || !ld.has("image")) {
      return null;
    }
    JsonNode image = ld.get("image");
    if (image.isArray()) {
      image = image.size() == 0 ? null : image.get(0);
    }
    if (image == null) {
      return null;
    }
    return image.isTextual() ? image.asText() : image.path("url").asText(null);
  }

  private static List<String> ldAuthors(JsonNode ld) {
    List<String> names = new ArrayList<>();
    if (ld == null || !ld.has("author")) {
      return names;
    }
    JsonNode author = ld.get("author");
    for (JsonNode a : author.isArray() ? author : List.of(author)) {
      String name = a.isTextual() ? a.asText() : a.path("name").asText(null);
      if (name != null && isName(name)) {
        names.add(name.strip());
      }
    }
    return names;
  }

  private static String firstName(List<String> ld, String... others) {
    if (!ld.isEmpty()) {
      return String.join(", ", ld);
    }
    for (String o : others) {
      if (o != null && isName(o)) {
        return o.strip().replaceFirst("(?i)^by\\s+", "");
      }
    }
    return null;
  }

  /** A person's or a desk's name: not a URL, not an address, not a sentence. */
  static boolean isName(String s) {
    String t = s.strip();
    return !t.isEmpty() && t.length() <= 100 && !t.contains("://") && !t.startsWith("www.") && !t.contains("/")
        && !t.contains("@") && !t.matches("(?i).*\\.(com|org|net|co\\.uk|de|fr)$");
  }

  /**
   * The title without the site's name: "Storm hits Lagos | Daily Example" and "Daily Example - Storm hits Lagos"
   * lose "Daily Example" when it is the site's name, or (no site name known) when the {@code <title>} has a
   * separated part that is much shorter than the rest and sits at an end.
   */
  static String withoutSiteName(String title, String siteName, String documentTitle) {
    if (title == null) {
      return null;
    }
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title.strip();
    }
    if (siteName != null && !siteName.isBlank()) {
      String site = siteName.strip().toLowerCase(Locale.ROOT);
      String last = parts[parts.length - 1].strip().toLowerCase(Locale.ROOT);
      String head = parts[0].strip().toLowerCase(Locale.ROOT);
      if (last.equals(site) || site.contains(last) && last.length() > 3) {
        return title.substring(0, title.length() - lastSeparated(title).length()).strip();
      }
      if (head.equals(site) || site.contains(head) && head.length() > 3) {
        return title.substring(firstSeparated(title).length()).strip();
      }
    }
    return title.strip();
  }

  /** The last separator and what follows it. */
  private static String lastSeparated(String title) {
    var m = TITLE_SEPARATOR.matcher(title);
    int start = -1;
    while (m.find()) {
      start = m.start();
    }
    return title.substring(start);
  }

  /** What precedes the first separator, and the separator. */
  private static String firstSeparated(String title) {
    var m = TITLE_SEPARATOR.matcher(title);
    return m.find() ? title.substring(0, m.end()) : "";
  }

  private static String attr(Document doc, String selector, String attribute) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr(attribute);
  }

  private static String text(Element e) {
    return e == null ? null : e.text();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
