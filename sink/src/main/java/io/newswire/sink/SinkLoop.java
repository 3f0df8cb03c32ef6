package io.newswire.sink;

import io.newswire.config.NewswireConfig;
import io.newswire.deadletter.DeadLetters;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedArticle;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.newswire.ops.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's loop: poll a batch of enriched articles, apply it to the store in one transaction, and only
 * then commit the offsets. Kafka delivers at least once and the store's writes are idempotent, so the rows
 * come out exactly once. When the store is unreachable the loop pauses its partitions and retries the same
 * batch with backoff, staying in the group; a record the store refuses, or one that cannot be read, goes to
 * the dead-letter topic and the rest of its batch is written.
 */
public final class SinkLoop implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkLoop.class);
  public static final String STAGE = "sink";

  private final Store store;
  private final Topics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, DeadLetter> deadLetters;
  private final Deserializer<EnrichedArticle> articles;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final long maxBackoffMs;

  public SinkLoop(NewswireConfig config, Store store) {
    this(config, store, 30_000);
  }

  private final int deadLetterPayload;

  public SinkLoop(NewswireConfig config, Store store, long maxBackoffMs) {
    this(config, store, config.get(NewswireConfig.SINK_GROUP_ID), maxBackoffMs);
  }

  private final String groupId;

  /** A loop in its own consumer group: one per store, so each store keeps up and replays on its own. */
  public SinkLoop(NewswireConfig config, Store store, String groupId, long maxBackoffMs) {
    this.store = store;
    this.groupId = groupId;
    this.topics = Topics.create(config.serdes());
    this.deadLetterPayload = io.newswire.topics.RecordSizes.deadLetterPayloadBytes(config.articleMaxBytes());
    this.maxBackoffMs = maxBackoffMs;
    this.articles = topics.enrichedArticles.valueSerde().deserializer();
    Map<String, Object> consumerConfig = new HashMap<>(config.kafkaClients());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // enrich writes transactionally
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(NewswireConfig.SINK_BATCH_SIZE));
    String clientId = groupId.startsWith("newswire-") ? groupId : "newswire-" + groupId;
    consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    // sink.consumer.* passes consumer settings through (not the ones the sink's guarantees rest on)
    config.withPrefix(NewswireConfig.SINK_CONSUMER_PREFIX).forEach((k, v) -> {
      if (!k.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG) && !k.equals(ConsumerConfig.ISOLATION_LEVEL_CONFIG)) {
        consumerConfig.put(k, v);
      }
    });
    this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> producerConfig = new HashMap<>(config.producerClients());
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-deadletters");
    this.deadLetters = new KafkaProducer<>(producerConfig, topics.deadLetters.keySerde().serializer(),
        topics.deadLetters.valueSerde().serializer());
    Metrics.bind(consumer); // records-lag and fetch rates of the sink's consumer
  }

  private static final io.micrometer.core.instrument.Timer BATCH_TIME =
      Metrics.timer(Metrics.SINK_BATCH, "Time to write one batch to the store, retries included");
  private static final io.micrometer.core.instrument.Counter WRITTEN = Metrics.articles("sink", "written");
  private static final io.micrometer.core.instrument.Counter DEAD = Metrics.deadLetters("sink");
  private volatile boolean storeUp = true;
  /** What this instance last committed per partition, to commit positions that only skipped markers. */
  private final Map<TopicPartition, Long> committedPositions = new HashMap<>();

  /** False while the store is unavailable and the loop is paused, retrying: the sink's readiness. */
  public boolean storeAvailable() {
    return storeUp;
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(topics.enrichedArticles.name()));
    try {
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        Metrics.lag("sink", groupId, Metrics.newest(records));
        if (!records.isEmpty()) {
          process(records);
        } else {
          commitPastMarkers();
        }
      }
    } catch (WakeupException stopping) {
      // close() was called
    } finally {
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
      deadLetters.close(Duration.ofSeconds(10));
    }
  }

  private void process(ConsumerRecords<String, byte[]> records) {
    List<ArticleChange> changes = new ArrayList<>();
    Map<ArticleChange, ConsumerRecord<String, byte[]>> sources = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      TopicPartition tp = new TopicPartition(record.topic(), record.partition());
      offsets.put(tp, new OffsetAndMetadata(record.offset() + 1));
      try {
        ArticleChange change = record.value() == null
            ? new ArticleChange.Delete(record.key(), record.partition(), record.offset())
            : new ArticleChange.Upsert(articles.deserialize(record.topic(), record.headers(), record.value()),
                record.partition(), record.offset());
        changes.add(change);
        sources.put(change, record);
      } catch (RuntimeException e) {
        deadLetter(record, e);
      }
    }
    if (!running.get()) {
      return;
    }
    long started = System.nanoTime();
    applyWithRetry(changes, sources);
    BATCH_TIME.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    java.time.Instant now = java.time.Instant.now();
    for (ArticleChange change : changes) {
      if (change instanceof ArticleChange.Upsert upsert) {
        Metrics.latency("sink", Duration.between(upsert.article().getArticle().getFetchedAt(), now));
      }
    }
    deadLetters.flush();
    // The consumer's position is past the transaction markers enrich writes after its records; committing it
    // rather than the last offset + 1 leaves no phantom lag of one record per partition in kafka-consumer-groups
    // and newswire status.
    offsets.replaceAll((tp, last) -> new OffsetAndMetadata(Math.max(last.offset(), consumer.position(tp))));
    commit(offsets);
  }

  /** After an idle poll: commit positions that moved past transaction markers only (nothing to write). */
  private void commitPastMarkers() {
    Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      try {
        long position = consumer.position(tp, Duration.ZERO);
        Long last = committedPositions.get(tp);
        if (last != null && position > last) {
          moved.put(tp, new OffsetAndMetadata(position));
        }
      } catch (org.apache.kafka.common.errors.TimeoutException unknownYet) {
        // the position is not known until the first fetch; nothing to commit yet
      }
    }
    if (!moved.isEmpty()) {
      commit(moved);
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
      offsets.forEach((tp, o) -> committedPositions.put(tp, o.offset()));
    } catch (org.apache.kafka.clients.consumer.CommitFailedException | org.apache.kafka.common.errors.RebalanceInProgressException e) {
      // The partitions moved to another instance, which will redeliver; the writes were idempotent.
      log.info("Offsets not committed after a rebalance; the new owner re-applies those records idempotently");
    }
  }

  private void applyWithRetry(List<ArticleChange> changes, Map<ArticleChange, ConsumerRecord<String, byte[]>> sources) {
    long backoff = 200;
    boolean paused = false;
    while (running.get()) {
      try {
        store.apply(changes);
        written.addAndGet(changes.size());
        WRITTEN.increment(changes.size());
        storeUp = true;
        break;
      } catch (StoreUnavailableException e) {
        if (!paused) {
          log.warn("Store {} unavailable, pausing consumption and retrying: {}", store.describe(), e.getMessage());
          consumer.pause(consumer.assignment());
          paused = true;
          storeUp = false;
        }
        waitPolling(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      } catch (StoreException e) {
        if (changes.size() == 1) {
          deadLetter(sources.get(changes.get(0)), e);
        } else {
          log.warn("Store refused a batch of {}; writing its records one by one to isolate the bad ones: {}",
              changes.size(), e.getMessage());
          isolate(changes, sources);
        }
        break;
      }
    }
    if (paused) {
      consumer.resume(consumer.paused());
      log.info("Store {} is back; consumption resumed", store.describe());
    }
  }

  private void isolate(List<ArticleChange> changes, Map<ArticleChange, ConsumerRecord<String, byte[]>> sources) {
    for (ArticleChange change : changes) {
      applyWithRetry(List.of(change), sources);
    }
  }

  /** A single-record batch that the store refuses ends here. */
  private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
    log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.getMessage());
    DeadLetter letter = DeadLetters.fromRecord(STAGE, record.topic(), record.partition(), record.offset(),
        record.key() == null ? null : record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        record.value(), record.headers(), error, deadLetterPayload);
    deadLetters.send(new ProducerRecord<>(topics.deadLetters.name(), record.key(), letter));
    deadLettered.incrementAndGet();
    DEAD.increment();
  }

  /** Sleeps while polling, so the paused consumer keeps its group membership. */
  private void waitPolling(long ms) {
    long until = System.currentTimeMillis() + ms;
    while (running.get() && System.currentTimeMillis() < until) {
      try {
        consumer.poll(Duration.ofMillis(Math.min(100, Math.max(1, until - System.currentTimeMillis()))));
      } catch (WakeupException stopping) {
        running.set(false);
        throw stopping;
      }
    }
  }

  public long writtenCount() {
    return written.get();
  }

  public long deadLetteredCount() {
    return deadLettered.get();
  }

  /** Stops after the current batch; safe to call from another thread or a shutdown hook. */
  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }
}
