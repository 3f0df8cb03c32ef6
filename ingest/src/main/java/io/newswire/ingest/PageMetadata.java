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
  /** Where themes put the byline: microformats' vcard, schema.org's author, and the usual class names. */
  private static final String BYLINE = "[itemprop=author] [itemprop=name], [itemprop=author], .author.vcard .fn,"
      + " .vcard.author .fn, .byline .author, .byline .fn, [rel=author], .author-name, .entry-author-name, .entry-author a,"
      + " .post-author a, .author a[href*=/author/]";
  /** Words before the name in a byline, in the languages pages showed them. */
  private static final Pattern BYLINE_PREFIX = Pattern.compile("^(?iu)(view all posts by|all posts by|posted by|written by"
      + "|(zeige )?alle beiträge von|geschrieben von|verfasst von|ein beitrag von|autor(in)?:|author:|by|von|par|por|di|door"
      + "|av|af)\\s+");
  private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
      "scholarlyarticle", "techarticle", "report", "socialmediaposting", "webpage");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");

  static PageMetadata of(Document doc) {
    List<JsonNode> nodes = ldNodes(doc);
    JsonNode ld = articleLd(nodes);
    String siteName = first(attr(doc, "meta[property=og:site_name]", "content"), ldText(ld, "publisher", "name"));
    String title = title(doc, first(ldText(ld, "headline"), attr(doc, "meta[property=og:title]", "content"),
        attr(doc, "meta[name=twitter:title]", "content")), siteName);
    String url = first(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]", "content"),
        ldText(ld, "url"));
    String published = firstDate(ldText(ld, "datePublished"),
        attr(doc, "meta[property=article:published_time]", "content"),
        attr(doc, "meta[name=pubdate]", "content"), attr(doc, "meta[name=publishdate]", "content"),
        attr(doc, "meta[name=date]", "content"), attr(doc, "meta[name=dc.date]", "content"),
        attr(doc, "meta[name=DC.date.issued]", "content"), attr(doc, "meta[itemprop=datePublished]", "content"),
        attr(doc, "[itemprop=datePublished]", "datetime"), attr(doc, "[itemprop=datePublished][content]", "content"),
        text(doc.selectFirst("[itemprop=datePublished]")), attr(doc, "meta[name=citation_publication_date]", "content"),
        attr(doc, "meta[name=citation_date]", "content"), attr(doc, "meta[name=bepress_citation_date]", "content"),
        ldText(ld, "dateCreated"), attr(doc, "[property=schema:dateCreated]", "content"),
        attr(doc, "time[datetime]", "datetime"), attr(doc, "abbr.published[title], .published[title]", "title"),
        ldText(ld, "uploadDate"), attr(doc, "[itemprop=uploadDate]", "content"), urlDate(doc.location()),
        urlDate(attr(doc, "link[rel=canonical]", "href")), text(doc.selectFirst("time")),
        ldText(ld, "dateModified"), attr(doc, "meta[property=article:modified_time]", "content"),
        attr(doc, "meta[property=og:updated_time]", "content"), attr(doc, ".updated[title]", "title"));
    String author = firstName(ldAuthors(ld, nodes), attr(doc, "meta[name=author]", "content"),
        attr(doc, "meta[property=article:author]", "content"), attr(doc, "meta[name=byl]", "content"),
        text(doc.selectFirst(BYLINE)));
    if (author != null && (sameName(author, siteName) || sameName(author, ldText(ld, "publisher", "name")))) {
      author = null; // the publication named as its own author is no byline
    }
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
    return articleLd(ldNodes(doc));
  }

  /** Every JSON-LD object on the page, graphs flattened. */
  static List<JsonNode> ldNodes(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        nodes.addAll(flatten(JSON.readTree(script.data())));
      } catch (Exception malformed) {
        // pages ship broken JSON-LD; the other sources remain
      }
    }
    return nodes;
  }

  private static JsonNode articleLd(List<JsonNode> nodes) {
    JsonNode best = null;
    for (JsonNode node : nodes) {
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

  private static List<String> ldAuthors(JsonNode ld, List<JsonNode> nodes) {
    List<String> names = new ArrayList<>();
    if (ld == null || !ld.has("author")) {
      return names;
    }
    JsonNode author = ld.get("author");
    for (JsonNode a : author.isArray() ? author : List.of(author)) {
      if (a.isObject() && !a.has("name") && a.has("@id")) {
        // A reference into the page's graph (as SEO plugins write it): the Person node it names.
        String id = a.get("@id").asText();
        a = nodes.stream().filter(n -> id.equals(n.path("@id").asText(null)) && n.has("name")).findFirst().orElse(a);
      }
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
        String name = BYLINE_PREFIX.matcher(o.strip()).replaceFirst("").strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
    }
    return null;
  }

  /** The first of the values that reads as a date ({@link Dates}). */
  private static String firstDate(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank() && Dates.parse(v.strip()) != null) {
        return v.strip();
      }
    }
    return null;
  }

  private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)[/-](\\d\\d?)[/-](\\d\\d?)(?:/|-|$)");

  /** The day in a URL's path ({@code /2019/10/22/slug}), as blogs and many news sites put it; else null. */
  static String urlDate(String url) {
    if (url == null) {
      return null;
    }
    var m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31
        ? String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1), month, day) : null;
  }

  private static boolean sameName(String a, String b) {
    return b != null && !b.isBlank() && comparable(a).equals(comparable(b));
  }

  /** A person's or a desk's name: not a URL, not an address, not a sentence. */
  static boolean isName(String s) {
    String t = s.strip();
    return !t.isEmpty() && t.length() <= 100 && !t.contains("://") && !t.startsWith("www.") && !t.contains("/")
        && !t.contains("@") && !t.matches("(?i).*\\.(com|org|net|co\\.uk|de|fr)$");
  }

  /**
   * The headline. The page's {@code <h1>} is the headline as readers see it; the metadata and {@code <title>} often
   * add the site's name, a kicker or a slogan around it ("Covid-19: Will it spread? | Example Science"). So an
   * {@code <h1>} that the metadata title or the {@code <title>} contains, and that is a good part of it, wins;
   * otherwise the metadata title, else the {@code <h1>}, else the {@code <title>}, without the site's name. A
   * title that is only the site's name (some pages give that as their og:title) gives way to the {@code <h1>}.
   */
  static String title(Document doc, String metaTitle, String siteName) {
    String documentTitle = doc.title();
    String h1 = null;
    for (Element heading : doc.select("h1")) {
      String text = heading.text().strip();
      if (text.length() < 4) {
        continue;
      }
      if (siteName != null && comparable(text).equals(comparable(siteName)) || endPart(documentTitle, text)
          || endPart(metaTitle, text)) {
        continue; // the site's name, set as a heading (blog themes do): the <title> ends with it
      }
      if (contains(metaTitle, text) || contains(documentTitle, text)) {
        return text;
      }
      if (h1 == null) {
        h1 = text;
      }
    }
    String title = withoutSiteName(first(metaTitle, h1, documentTitle), siteName, documentTitle);
    boolean onlySite = title != null && siteName != null && title.equalsIgnoreCase(siteName.strip());
    return onlySite && h1 != null ? h1 : title;
  }

  /** Whether the heading is the last of two or more separated parts of the title ("Story | Heading"). */
  private static boolean endPart(String title, String heading) {
    if (title == null) {
      return false;
    }
    String[] parts = TITLE_SEPARATOR.split(title.strip());
    return parts.length >= 2 && comparable(parts[parts.length - 1]).equals(comparable(heading));
  }

  /** Whether the title holds the heading, as a good part of it (quotes, dashes and case aside). */
  private static boolean contains(String title, String heading) {
    if (title == null || title.isBlank()) {
      return false;
    }
    String t = comparable(title);
    String h = comparable(heading);
    return h.length() >= t.length() * 0.4 && t.contains(h);
  }

  private static String comparable(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\u00a0]+", " ").replaceAll("[\u2018\u2019\u201a\u201b']", "'")
        .replaceAll("[\u201c\u201d\u201e\u00ab\u00bb\"]", "\"").replaceAll("[\u2013\u2014]", "-").strip();
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
    // No site name known: a short last part after a bar ("… | AOC media") is the site's name by convention.
    String last = lastSeparated(title);
    String lastText = last.replaceFirst("^\\s+\\S+\\s+", "");
    if (last.strip().startsWith("|") && lastText.split("\\s+").length <= 4
        && lastText.length() * 2 < title.length() - last.length()) {
      return title.substring(0, title.length() - last.length()).strip();
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
