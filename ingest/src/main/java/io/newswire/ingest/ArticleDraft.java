package io.newswire.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * An article as a source read it, before normalisation: any field but the body may be missing.
 *
 * @param origin where it came from, for error messages and the {@code source} field (a path, a URL)
 */
public record ArticleDraft(
    String origin, String url, String feed, String title, String body, Instant publishedAt,
    String contentType, Map<String, String> metadata) {}
