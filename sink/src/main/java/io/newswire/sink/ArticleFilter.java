package io.newswire.sink;

import java.time.Instant;

/**
 * What a reader asks of the stored articles, every part optional but the time range: words (web-search syntax:
 * quoted phrases, {@code or}, {@code -word}), an entity (a name pattern, {@code %} any run, or an id), a topic
 * (IPTC code or label), a language (ISO 639-1). PostgreSQL and OpenSearch answer the same filter.
 */
public record ArticleFilter(String words, String entity, String topic, String language, Instant from, Instant to,
    int limit) {

  public ArticleFilter {
    words = blankToNull(words);
    entity = blankToNull(entity);
    topic = blankToNull(topic);
    language = blankToNull(language);
    if (from == null || to == null) {
      throw new IllegalArgumentException("a filter needs a time range");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
