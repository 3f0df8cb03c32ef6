package io.newswire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An article given as a JSON object, as files, JSON Lines and the HTTP endpoint accept it: {@code title},
 * {@code body} (or {@code text} / {@code content}), and optionally {@code url}, {@code published} (or {@code
 * publishedAt} / {@code date}), {@code source} (or {@code feed}), {@code html} (a page to extract from) and
 * anything else, which is kept as metadata.
 */
public final class JsonArticle {
  private static final Set<String> KNOWN = Set.of("title", "headline", "body", "text", "content", "html", "url",
      "link", "published", "publishedAt", "published_at", "date", "source", "feed");

  private JsonArticle() {}

  public static ArticleDraft draft(String origin, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("Expected a JSON object with at least a \"body\" (or \"text\") field, got "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
    }
    String title = first(node, "title", "headline");
    String body = first(node, "body", "text", "content");
    String url = first(node, "url", "link");
    String published = first(node, "published", "publishedAt", "published_at", "date");
    String feed = first(node, "source", "feed");
    Map<String, String> metadata = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!KNOWN.contains(field.getKey()) && !field.getValue().isNull()) {
        metadata.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
      }
    }
    String html = first(node, "html");
    if ((body == null || body.isBlank()) && html != null) {
      ArticleDraft page = HtmlArticle.extract(origin, org.jsoup.Jsoup.parse(html, url == null ? "" : url));
      return new ArticleDraft(origin, url != null ? url : page.url(), feed, title != null ? title : page.title(),
          page.body(), published != null ? Dates.parse(published) : page.publishedAt(), "text/html", metadata);
    }
    if (body == null || body.isBlank()) {
      throw new InvalidArticleException("The JSON article has no \"body\" (or \"text\", \"content\", \"html\") field");
    }
    java.time.Instant publishedAt = Dates.parse(published);
    if (published != null && publishedAt == null) {
      metadata.put("unparsedDate", published);
    }
    return new ArticleDraft(origin, url, feed, title, body, publishedAt, "application/json", metadata);
  }

  private static String first(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && !v.isNull()) {
        return v.asText();
      }
    }
    return null;
  }
}
