package io.newswire.enrich;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.errors.DeadLetterHandler;
import io.newswire.enrich.tagger.Tagger;
import io.newswire.enrich.tagger.Tagging;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich topology: {@value Topics#RAW_ARTICLES} → tag → {@value Topics#ENRICHED_ARTICLES}. A raw tombstone
 * (an article retracted) passes through as an enriched tombstone, so the sink deletes it. Records that fail
 * go to {@value Topics#DEAD_LETTERS} via {@link DeadLetterHandler}.
 */
public final class EnrichTopology {
  private EnrichTopology() {}

  public static Topology build(Topics topics, Tagger tagger, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.rawArticles.name(),
            Consumed.with(topics.rawArticles.keySerde(), topics.rawArticles.valueSerde()).withName("raw-articles"))
        .mapValues(raw -> raw == null ? null : enrich(raw, tagger, clock), Named.as("tag"))
        .to(topics.enrichedArticles.name(),
            Produced.with(topics.enrichedArticles.keySerde(), topics.enrichedArticles.valueSerde())
                .withName("enriched-articles"));
    return builder.build();
  }

  static EnrichedArticle enrich(RawArticle raw, Tagger tagger, Clock clock) {
    Tagging tagging = tagger.tag(raw.getTitle(), raw.getBody());
    return EnrichedArticle.newBuilder()
        .setArticle(raw)
        .setLanguage(tagging.language())
        .setEntities(tagging.entities())
        .setPlaces(tagging.places())
        .setTopics(tagging.topics())
        .setQuotes(tagging.quotes())
        .setTagger(tagger.name())
        .setEnrichmentVersion(tagger.enrichmentVersion())
        .setEnrichedAt(clock.instant())
        .build();
  }

  /** Streams settings: exactly once, dead letters, and the registry settings the serdes and handler need. */
  public static Properties streamsConfig(NewswireConfig config) {
    Properties props = new Properties();
    props.putAll(config.kafkaClients());
    props.putAll(config.serdes());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(NewswireConfig.ENRICH_APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(NewswireConfig.ENRICH_STATE_DIR));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(NewswireConfig.REPLICATION_FACTOR));
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return props;
  }
}
