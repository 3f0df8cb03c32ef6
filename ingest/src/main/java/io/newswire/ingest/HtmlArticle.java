package io.newswire.ingest;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The article inside a web page. Metadata comes from the page's structured data first (JSON-LD, then
 * OpenGraph and {@code <meta>}, then {@code <time>} and the markup), the main text from a cascade, as the best
 * extractors do ({@link MainText}): JSON-LD {@code articleBody} when it is plausible, else the block of the
 * page that scores best on text, punctuation and link density once comments, navigation and teasers are
 * removed, else the whole page's text blocks.
 */
public final class HtmlArticle {
  private HtmlArticle() {}

  public static ArticleDraft extract(String origin, Document doc) {
    PageMetadata meta = PageMetadata.of(doc);
    String body = MainText.of(doc, meta.articleBody());
    Map<String, String> metadata = new HashMap<>();
    if (meta.author() != null) {
      metadata.put("author", meta.author());
    }
    if (meta.section() != null) {
      metadata.put("section", meta.section());
    }
    if (meta.language() != null) {
      metadata.put("language", meta.language());
    }
    if (meta.image() != null) {
      metadata.put("image", meta.image());
    }
    if (meta.siteName() != null) {
      metadata.put("site", meta.siteName());
    }
    return new ArticleDraft(origin, meta.url(), meta.siteName(), meta.title(), body, Dates.parse(meta.published()),
        "text/html", metadata);
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
}
