package io.newswire.enrich;

import io.newswire.schema.EnrichedArticle;
import io.newswire.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads an article from the store of enriched articles ({@link EnrichTopology#ARTICLES_STORE}), which holds each
 * record of {@value Topics#ENRICHED_ARTICLES} as the topic's bytes (Confluent wire format) and decodes one only when
 * it is asked for.
 */
public final class StoredArticles {
  private final String topic;
  private final Deserializer<EnrichedArticle> deserializer;

  public StoredArticles(Topics topics) {
    this.topic = topics.enrichedArticles.name();
    this.deserializer = topics.enrichedArticles.valueSerde().deserializer();
  }

  /** The article a store lookup returned (its bytes, with or without a timestamp), or null. */
  public EnrichedArticle decode(Object stored) {
    if (stored instanceof ValueAndTimestamp<?> timestamped) {
      stored = timestamped.value();
    }
    return stored instanceof byte[] bytes ? deserializer.deserialize(topic, bytes) : null;
  }
}
