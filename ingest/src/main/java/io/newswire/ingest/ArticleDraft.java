package io.newswire.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * An article as a source read it, before normalisation: any field but the body may be missing.
 *
 * @param origin where it came from, for error messages and the {@code source} field (a path, a URL)
 * @param text whether title and body are already plain text (a feed's {@code type="text"}, or markup a reader
 *     has already reduced): then a literal {@code <blink>} in them is words to keep, not a tag to strip
 */
public record ArticleDraft(
    String origin, String url, String feed, String title, String body, Instant publishedAt,
    String contentType, Map<String, String> metadata, boolean text) {

  /** A draft whose title and body may still hold markup. */
  public ArticleDraft(String origin, String url, String feed, String title, String body, Instant publishedAt,
      String contentType, Map<String, String> metadata) {
    this(origin, url, feed, title, body, publishedAt, contentType, metadata, false);
  }
}
