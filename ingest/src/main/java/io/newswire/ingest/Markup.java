package io.newswire.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Markup in text fields, reduced to its text. Every field a source hands in (title, body, author, feed name,
 * any metadata) may carry HTML, by accident or on purpose ({@code <script>} in a pushed title); whatever
 * renders the stored text later must never meet a tag or an event handler, so no field keeps one.
 */
final class Markup {
  /** Scripts, styles and embedded documents: their content is never text. */
  private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed";
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, div, tr";

  private Markup() {}

  /** Whether the text holds something a browser would read as a tag or a comment: {@code <} then a letter, {@code /}, {@code !} or {@code ?}. */
  static boolean present(String text) {
    if (text == null) {
      return false;
    }
    for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
      char next = text.charAt(i + 1);
      if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
        return true;
      }
    }
    return false;
  }

  /** The text of markup on one line (titles, names); text without markup is returned as it is. */
  static String line(String text) {
    if (!present(text)) {
      return text;
    }
    Element body = Jsoup.parseBodyFragment(text).body();
    body.select(NOT_TEXT).remove();
    return body.text();
  }

  /** The text of markup with its paragraphs on lines of their own (bodies). */
  static String block(String text) {
    if (!present(text)) {
      return text;
    }
    Element body = Jsoup.parseBodyFragment(text).body();
    body.select(NOT_TEXT).remove();
    body.select("br").after("\n").remove();
    body.select(BLOCKS).after("\n\n");
    return body.wholeText();
  }
}
