package io.newswire.ingest.feeds;

import java.net.URI;
import java.time.Duration;

/**
 * One feed to poll: its URL, a name, how often, and whether to fetch each item's page when the feed gives
 * only a summary.
 */
public record FeedSubscription(URI url, String name, Duration every, boolean fetchPages) {}
