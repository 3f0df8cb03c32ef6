package io.newswire.ingest.publish;

import io.newswire.deadletter.DeadLetters;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes articles to {@value Topics#RAW_ARTICLES}, keyed by article id, and unreadable input to {@value
 * Topics#DEAD_LETTERS}. The producer is idempotent with {@code acks=all}, so a retried send never duplicates a
 * record; zstd compresses article text well. A semaphore bounds the articles sent but not yet acknowledged,
 * so a fast source cannot fill memory.
 */
public final class ArticlePublisher implements AutoCloseable {
  public static final String HEADER_SOURCE = "newswire.source";
  public static final String HEADER_INGESTED_AT = "newswire.ingested.at";
  public static final String HEADER_CONTENT_TYPE = "newswire.content.type";

  private final Topics topics;
  private final Producer<String, RawArticle> articles;
  private final Producer<String, DeadLetter> deadLetters;
  private final Semaphore inFlight;
  private int deadLetterPayload = DeadLetters.MAX_PAYLOAD_BYTES;

  /**
   * When no article has been published for this long, what was published is sent at once rather than after
   * the producer's linger: batches adapt to the stream, small with no wait when it is slow (a feed, the push
   * endpoint), large when it is fast (a folder, a backlog), where articles follow each other closer than this.
   */
  static final long QUIET_MS = 5;

  private volatile long lastPublish = System.nanoTime();
  private volatile boolean unsent;
  private volatile boolean closed;
  private final Thread quietFlush;

  public ArticlePublisher(Map<String, Object> kafkaClients, Topics topics, int maxInFlight) {
    this(kafkaClients, topics, maxInFlight, DeadLetters.MAX_PAYLOAD_BYTES);
  }

  /** With the most bytes of the original a dead letter keeps ({@link io.newswire.topics.RecordSizes}). */
  public ArticlePublisher(Map<String, Object> kafkaClients, Topics topics, int maxInFlight, int deadLetterPayload) {
    this(new KafkaProducer<>(producerConfig(kafkaClients, "newswire-ingest"),
            topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer()),
        new KafkaProducer<>(producerConfig(kafkaClients, "newswire-ingest-deadletters"),
            topics.deadLetters.keySerde().serializer(), topics.deadLetters.valueSerde().serializer()),
        topics, maxInFlight);
    this.deadLetterPayload = deadLetterPayload;
  }

  /** With producers given, e.g. Kafka's MockProducer in unit tests. */
  public ArticlePublisher(Producer<String, RawArticle> articles, Producer<String, DeadLetter> deadLetters,
      Topics topics, int maxInFlight) {
    this.topics = topics;
    this.articles = articles;
    this.deadLetters = deadLetters;
    this.inFlight = new Semaphore(maxInFlight);
    this.quietFlush = new Thread(this::flushWhenQuiet, "newswire-ingest-quiet-flush");
    quietFlush.setDaemon(true);
    quietFlush.start();
  }

  public static Map<String, Object> producerConfig(Map<String, Object> kafkaClients, String clientId) {
    Map<String, Object> config = new HashMap<>(kafkaClients);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    // A fast stream waits up to 100 ms to fill batches of 256 KB, so zstd and the broker work in bulk: at 5 ms
    // ingest spent 46 % more CPU per article. A slow stream does not wait: see QUIET_MS.
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 100);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // max.request.size comes from ingest.max.bytes (NewswireConfig.producerClients); this is for other callers.
    config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        io.newswire.topics.RecordSizes.recordMaxBytes(io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES));
    config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    return config;
  }

  /** Sends one article; the future completes when Kafka has acknowledged it (or failed for good). */
  public CompletableFuture<RecordMetadata> publish(RawArticle article) {
    acquire();
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    RecordHeaders headers = new RecordHeaders();
    headers.add(HEADER_SOURCE, article.getSource().getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_INGESTED_AT, Long.toString(article.getFetchedAt().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_CONTENT_TYPE, article.getContentType().getBytes(StandardCharsets.UTF_8));
    try {
      articles.send(new ProducerRecord<>(topics.rawArticles.name(), null, article.getId(), article, headers),
          (metadata, error) -> {
            inFlight.release();
            if (error != null) {
              done.completeExceptionally(error);
            } else {
              done.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      inFlight.release();
      done.completeExceptionally(e);
    }
    lastPublish = System.nanoTime();
    unsent = true;
    return done;
  }

  private void flushWhenQuiet() {
    while (!closed) {
      try {
        Thread.sleep(QUIET_MS);
      } catch (InterruptedException e) {
        return;
      }
      if (unsent && System.nanoTime() - lastPublish >= QUIET_MS * 1_000_000) {
        unsent = false; // before the flush: an article published during it is flushed next time
        try {
          articles.flush();
        } catch (RuntimeException e) {
          // a failed send is reported to its publisher through its future; nothing to do here
        }
      }
    }
  }

  /** Sends input that could not become an article to the dead-letter topic, with the reason. */
  public CompletableFuture<RecordMetadata> deadLetter(String origin, byte[] payload, Throwable reason) {
    DeadLetter letter = DeadLetters.fromOrigin("ingest", origin, payload, reason, deadLetterPayload);
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    try {
      deadLetters.send(new ProducerRecord<>(topics.deadLetters.name(), origin, letter), (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  public void flush() {
    articles.flush();
    deadLetters.flush();
  }

  private void acquire() {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka to acknowledge earlier articles", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    quietFlush.interrupt();
    articles.close();
    deadLetters.close();
  }
}
