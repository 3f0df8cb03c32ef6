package io.newswire.enrich;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.errors.DeadLetterHandler;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import io.newswire.enrich.duplicates.ExactDuplicates;
import io.newswire.enrich.trends.Trending;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import io.newswire.enrich.stories.ArticleIndex;
import io.newswire.enrich.stories.IndexFilter;
import io.newswire.enrich.stories.Stories;
import io.newswire.enrich.stories.StoryView;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The enrich topology: {@value Topics#RAW_ARTICLES} → exact duplicates dropped → tag → near-duplicates
 * marked and stories assigned → {@value Topics#ENRICHED_ARTICLES}; the article's fingerprint and key
 * entities to the shared index ({@value Topics#ENRICH_INDEX}); queryable stores of articles and stories;
 * trending counts to {@value Topics#TRENDS}; an alert to {@value Topics#ALERTS} for each watch ({@value
 * Topics#WATCHES}) an article matches. A raw tombstone (an article
 * retracted) passes through as an enriched tombstone, so the sink deletes it. Records that fail go to
 * {@value Topics#DEAD_LETTERS} via {@link DeadLetterHandler}.
 */
public final class EnrichTopology {
  /** The queryable store of enriched articles by id. */
  public static final String ARTICLES_STORE = Stories.DECISIONS;

  private EnrichTopology() {}

  public static Topology build(Topics topics, Tagger tagger, Clock clock) {
    return build(topics, tagger, clock, Duration.ofDays(7));
  }

  public static Topology build(Topics topics, Tagger tagger, Clock clock, Duration duplicateRetention) {
    return build(topics, tagger, clock, duplicateRetention,
        io.newswire.topics.RecordSizes.recordMaxBytes(io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES));
  }

  /**
   * raw articles → exact duplicates dropped → tagged → enriched articles, and → windowed trending counts. An
   * enriched article larger than {@code recordMaxBytes} is dead-lettered before it is sent: a record the producer
   * refuses would fail the whole exactly-once transaction, and with it every partition of the thread.
   */
  public static Topology build(Topics topics, Tagger tagger, Clock clock, Duration duplicateRetention,
      int recordMaxBytes) {
    return build(topics, tagger, clock, duplicateRetention, recordMaxBytes,
        (Integer) NewswireConfig.CONFIG.defaultValues().get(NewswireConfig.ENRICH_TRENDS_BUCKET_MAX_SUBJECTS));
  }

  /** The same, with each trend bucket keeping its {@code trendMaxSubjects} most-counted subjects. */
  public static Topology build(Topics topics, Tagger tagger, Clock clock, Duration duplicateRetention,
      int recordMaxBytes, int trendMaxSubjects) {
    var defaults = NewswireConfig.CONFIG.defaultValues();
    return build(topics, tagger, clock, duplicateRetention, recordMaxBytes, trendMaxSubjects,
        Duration.ofMillis((Long) defaults.get(NewswireConfig.ENRICH_COMMIT_INTERVAL_MS)),
        Duration.ofMillis((Long) defaults.get(NewswireConfig.ENRICH_COMMIT_BACKLOG_LAG_MS)));
  }

  /**
   * The same, asking for a commit every {@code commitInterval} while enrich keeps up with its input (its newest raw
   * record at most {@code backlogLag} old) and leaving it to Kafka Streams' longer interval while it works through a
   * backlog ({@link CommitPace}).
   */
  public static Topology build(Topics topics, Tagger tagger, Clock clock, Duration duplicateRetention,
      int recordMaxBytes, int trendMaxSubjects, Duration commitInterval, Duration backlogLag) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(ExactDuplicates.STORE, duplicateRetention, duplicateRetention, true),
        Serdes.String(), Serdes.String()));
    // The index's keys on the heap, shared by the index's updater (global thread) and Stories (stream threads).
    IndexFilter indexFilter = new IndexFilter();
    ArticleIndex.addTo(builder, topics, indexFilter);
    // Queryable views: each article by id, each story by id (GET /articles/{id}, /stories/{id});
    // the articles' store is also where Stories finds the decisions it made before (co-partitioned with raw).
    // Read back from the compacted enriched topic, which is then also the store's changelog (the
    // reuse.ktable.source.topics optimization): a second copy of every article would be written otherwise.
    // The store keeps each record's bytes as the topic has them: an article is read back only when it was enriched
    // before (a replay) or a query asks for it, so decoding and encoding every article again on its way into the
    // store would be wasted (StoredArticles).
    builder.table(topics.enrichedArticles.name(),
        Consumed.with(topics.enrichedArticles.keySerde(), Serdes.ByteArray()).withName("articles-table"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(ARTICLES_STORE)
            .withKeySerde(topics.enrichedArticles.keySerde()).withValueSerde(Serdes.ByteArray()));
    StoredArticles stored = new StoredArticles(topics);
    KStream<String, EnrichedArticle> enriched = builder
        .stream(topics.rawArticles.name(),
            Consumed.with(topics.rawArticles.keySerde(), topics.rawArticles.valueSerde()).withName("raw-articles"))
        .processValues(() -> new ExactDuplicates(duplicateRetention, new CommitPace(commitInterval, backlogLag)),
            Named.as("exact-duplicates"), ExactDuplicates.STORE)
        .mapValues(raw -> raw == null ? null : fitting(enrich(raw, tagger, clock), recordMaxBytes), Named.as("tag"))
        .processValues(() -> new Stories(indexFilter, stored), Named.as("near-duplicates-and-stories"), Stories.DECISIONS)
        .peek((id, a) -> {
          if (a != null) {
            io.newswire.ops.Metrics.latency("enrich", Duration.between(a.getArticle().getFetchedAt(), clock.instant()));
          }
        }, Named.as("latency"));
    enriched.to(topics.enrichedArticles.name(),
        Produced.with(topics.enrichedArticles.keySerde(), topics.enrichedArticles.valueSerde())
            .withName("enriched-articles"));
    // What this article adds to the shared index of fingerprints and story entities.
    enriched.flatMap(Stories::indexRecords, Named.as("index-entries"))
        .to(topics.enrichIndex.name(), Produced.with(Serdes.String(), Serdes.String()).withName("article-index-out"));
    enriched.filter((id, a) -> a != null && a.getStoryId() != null, Named.as("story-articles"))
        .map((id, a) -> KeyValue.pair(a.getStoryId(), StoryView.summaryOf(a)), Named.as("by-story"))
        .groupByKey(Grouped.with("story-summaries", Serdes.String(), Serdes.String()))
        .aggregate(StoryView::empty, (storyId, summary, story) -> StoryView.add(storyId, summary, story),
            Named.as("story-view"), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(StoryView.STORE)
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
    Trending.build(builder, enriched, topics, trendMaxSubjects);
    // Watches: every article against every saved search, alerts in the same transaction as the article.
    io.newswire.watches.WatchIndex watchIndex = new io.newswire.watches.WatchIndex();
    io.newswire.enrich.watches.Watches.addTo(builder, topics, watchIndex);
    enriched.process(() -> new io.newswire.enrich.watches.WatchMatcher(watchIndex, clock, stored), Named.as("watches"),
            Stories.DECISIONS)
        .to(topics.alerts.name(), Produced.with(topics.alerts.keySerde(), topics.alerts.valueSerde()).withName("alerts"));
    Properties optimizations = new Properties();
    optimizations.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    return builder.build(optimizations);
  }

  /** The article, if its record fits; otherwise an error that sends it to the dead letters with the reason. */
  static EnrichedArticle fitting(EnrichedArticle article, int recordMaxBytes) {
    long size = RecordSize.estimate(article);
    if (size > recordMaxBytes) {
      throw new org.apache.kafka.common.errors.RecordTooLargeException("The enriched article " + article.getArticle().getId()
          + " would be about " + size + " bytes, over the " + recordMaxBytes + "-byte record limit derived from"
          + " ingest.max.bytes; raise ingest.max.bytes (and run 'newswire topics') to let it through");
    }
    return article;
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
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    // Kafka Streams commits at the backlog's pace; while enrich keeps up, CommitPace asks for commits more often.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(NewswireConfig.ENRICH_COMMIT_BACKLOG_INTERVAL_MS));
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt(NewswireConfig.ENRICH_STANDBY_REPLICAS));
    // One memory budget for every RocksDB store (RocksDbMemory), instead of a block cache and memtables each.
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class);
    props.put(RocksDbMemory.BUDGET_CONFIG, Long.toString((long) config.getInt(NewswireConfig.ENRICH_ROCKSDB_MEMORY_MB) << 20));
    // lz4 rather than ingest's zstd: enrich fills hundreds of small batches a second over eight topics, and zstd's
    // cost per batch made enrich spend about a fifth more CPU per article; lz4 keeps article text about 1.45 times
    // smaller where zstd keeps it 2.1 times (docs/PERFORMANCE.md). enrich.streams.producer.compression.type=zstd
    // trades the CPU back for disk, for a compacted enriched topic kept for years.
    props.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // Any article ingest accepts makes a record the producer can send (RecordSizes); the handler reads
    // ingest.max.bytes for the most of an original a dead letter keeps.
    props.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        io.newswire.topics.RecordSizes.recordMaxBytes(config.articleMaxBytes()));
    props.put(NewswireConfig.INGEST_MAX_BYTES, config.articleMaxBytes());
    // A killed instance's partitions move after the session timeout: 10 s rather than the consumer's 45 s
    // default, so the group notices within seconds (measured in docs/RELIABILITY.md). With a stable instance
    // name, static membership gives a restarted instance its partitions back without a rebalance.
    props.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    String instance = config.get(NewswireConfig.ENRICH_INSTANCE_ID);
    if (instance != null && !instance.isBlank()) {
      props.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instance);
    }
    // enrich.streams.* passes any Kafka Streams setting through, e.g. enrich.streams.num.stream.threads=2
    props.putAll(config.withPrefix(NewswireConfig.ENRICH_STREAMS_PREFIX));
    return props;
  }
}
