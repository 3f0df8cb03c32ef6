package io.newswire.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.config.NewswireConfig;
import io.newswire.schema.Alert;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Watch;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's view of the topics: the latest enriched articles, every watch and the latest alerts, kept in
 * memory and followed live. It reads with no consumer group and commits nothing (as {@code kafka-console-consumer}
 * does), so any number of consoles can run without touching the pipeline's groups. At start it reads the last
 * {@code console.recent} articles of the enriched topic, the last {@value #ALERTS} alerts and the whole
 * (compacted) watches topic, then follows all three.
 */
final class LiveFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  static final int ALERTS = 50;

  private final NewswireConfig config;
  private final Topics topics;
  private final int recent;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  // Guarded by this: the views, in arrival order (an update moves an article to the front).
  private final LinkedHashMap<String, ObjectNode> articles = new LinkedHashMap<>();
  private final Map<String, ObjectNode> watches = new TreeMap<>();
  private final Deque<ObjectNode> alerts = new ArrayDeque<>();
  private final Deserializer<EnrichedArticle> articleValues;
  private final Deserializer<Alert> alertValues;
  private final Deserializer<Watch> watchValues;
  /** The topics' end offsets when the console started: caught up once past them. Set once, by the reader. */
  private Map<TopicPartition, Long> ends;
  private volatile boolean closed;
  private volatile boolean caughtUp;
  private volatile long unreadable;
  private volatile Exception failure;

  LiveFeed(NewswireConfig config) {
    this.config = config;
    this.topics = Topics.create(config);
    this.recent = config.getInt(NewswireConfig.CONSOLE_RECENT);
    Map<String, Object> props = new HashMap<>(config.kafkaClients());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Only committed records: an enrichment whose transaction aborts never shows.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-console");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.articleValues = topics.enrichedArticles.valueSerde().deserializer();
    this.alertValues = topics.alerts.valueSerde().deserializer();
    this.watchValues = topics.watches.valueSerde().deserializer();
    this.thread = new Thread(this::run, "console-feed");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Called with (event, JSON) for every change: {@code article}, {@code retract}, {@code alert}, {@code watch}. */
  void listen(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  void unlisten(BiConsumer<String, String> listener) {
    listeners.remove(listener);
  }

  /** Whether the records that were in the topics when the console started have all been read. */
  boolean caughtUp() {
    return caughtUp;
  }

  Exception failure() {
    return failure;
  }

  /** Whether the reader is running (it stops only when closed). */
  boolean reading() {
    return thread.isAlive();
  }

  long unreadable() {
    return unreadable;
  }

  /** The articles held, newest enrichment first. */
  synchronized List<ObjectNode> articles() {
    List<ObjectNode> out = new ArrayList<>(articles.values());
    out.sort(Comparator.comparing((ObjectNode n) -> n.path("enrichedAt").asText()).reversed());
    return out;
  }

  synchronized ObjectNode article(String id) {
    return articles.get(id);
  }

  synchronized List<ObjectNode> watches() {
    return new ArrayList<>(watches.values());
  }

  synchronized List<ObjectNode> alerts() {
    return new ArrayList<>(alerts);
  }

  /**
   * Reads until closed. A failure (the broker unreachable for longer than a request allows, say) is reported on
   * {@code /health} and retried with a growing wait, from where the reader was: the console never stops for good
   * while its process runs.
   */
  private void run() {
    long backoffMs = 1000;
    try {
      while (!closed) {
        try {
          if (ends == null) {
            seekToRecent(); // once: where to start reading
          }
          pollOnce();
          if (failure != null) {
            log.info("The console's reader reads again");
            failure = null;
          }
          backoffMs = 1000;
        } catch (WakeupException e) {
          break;
        } catch (Exception e) {
          if (failure == null) {
            log.warn("The console's reader failed; retrying with a growing wait", e);
          }
          failure = e;
          Thread.sleep(backoffMs);
          backoffMs = Math.min(30_000, backoffMs * 2);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Assigns every partition of the three topics and seeks back from their ends. */
  private void seekToRecent() {
    List<TopicPartition> enriched = partitions(Topics.ENRICHED_ARTICLES);
    List<TopicPartition> all = new ArrayList<>(enriched);
    all.addAll(partitions(Topics.ALERTS));
    all.addAll(partitions(Topics.WATCHES));
    consumer.assign(all);
    Map<TopicPartition, Long> endOffsets = consumer.endOffsets(all);
    Map<TopicPartition, Long> begins = consumer.beginningOffsets(all);
    // The last 'recent' records over the partitions: enough from each for the newest 'recent' overall when
    // the partitions are balanced, as the article-id key keeps them.
    long perPartition = Math.max(5, (recent + enriched.size() - 1) / Math.max(1, enriched.size()) + 5);
    for (TopicPartition p : all) {
      long back = p.topic().equals(Topics.WATCHES) ? Long.MAX_VALUE
          : p.topic().equals(Topics.ALERTS) ? ALERTS : perPartition;
      consumer.seek(p, Math.max(begins.get(p), endOffsets.get(p) - Math.min(back, endOffsets.get(p))));
    }
    ends = endOffsets;
  }

  private void pollOnce() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
      try {
        switch (r.topic()) {
          case Topics.ENRICHED_ARTICLES -> article(r.key(), r.value() == null ? null
              : articleValues.deserialize(r.topic(), r.value()));
          case Topics.ALERTS -> alert(alertValues.deserialize(r.topic(), r.value()));
          default -> watch(r.key(), r.value() == null ? null : watchValues.deserialize(r.topic(), r.value()));
        }
      } catch (RuntimeException e) {
        // A viewer skips what it cannot read (the pipeline has dead-lettered it already) and says so once.
        if (unreadable++ == 0) {
          log.warn("The console skips records it cannot read; the first: {}-{}@{}: {}", r.topic(), r.partition(),
              r.offset(), e.toString());
        }
      }
    }
    if (!caughtUp && ends.keySet().stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
      caughtUp = true;
      log.info("Console caught up: {} articles, {} watches, {} alerts", articles.size(), watches.size(), alerts.size());
    }
  }

  private List<TopicPartition> partitions(String topic) {
    var info = consumer.partitionsFor(topic); // waits default.api.timeout.ms (60 s unless set)
    if (info == null || info.isEmpty()) {
      throw new IllegalStateException("no topic " + topic + " on " + config.get(NewswireConfig.BOOTSTRAP_SERVERS)
          + "; run 'newswire topics' first");
    }
    return info.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
  }

  private void article(String id, EnrichedArticle value) {
    String event;
    String json;
    synchronized (this) {
      if (value == null) {
        if (articles.remove(id) == null) {
          return;
        }
        ObjectNode gone = ArticleView.JSON.createObjectNode().put("id", id);
        event = "retract";
        json = gone.toString();
      } else {
        ObjectNode view = ArticleView.of(value);
        articles.remove(id);
        articles.put(id, view);
        while (articles.size() > recent) {
          articles.remove(articles.keySet().iterator().next());
        }
        event = "article";
        json = view.toString();
      }
    }
    publish(event, json);
  }

  private void alert(Alert a) {
    ObjectNode view = ArticleView.JSON.createObjectNode();
    view.put("id", a.getId()).put("watchId", a.getWatchId()).put("watchName", a.getWatchName())
        .put("articleId", a.getArticleId()).put("title", a.getTitle()).put("url", a.getUrl())
        .put("source", a.getSource()).put("alertedAt", a.getAlertedAt().toString());
    ArrayNode matched = view.putArray("matched");
    a.getMatched().forEach(matched::add);
    synchronized (this) {
      alerts.addFirst(view);
      while (alerts.size() > ALERTS) {
        alerts.removeLast();
      }
    }
    publish("alert", view.toString());
  }

  private void watch(String id, Watch w) {
    ObjectNode view = ArticleView.JSON.createObjectNode().put("id", id);
    synchronized (this) {
      if (w == null) {
        watches.remove(id);
        view.put("removed", true);
      } else {
        view.put("name", w.getName()).put("rule", w.getRule()).put("minSalience", w.getMinSalience());
        watches.put(id, view);
      }
    }
    publish("watch", view.toString());
  }

  private void publish(String event, String json) {
    if (!caughtUp) {
      return; // the first view is read from the snapshot; only changes after it are pushed
    }
    for (BiConsumer<String, String> l : listeners) {
      l.accept(event, json);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.interrupt(); // a reader waiting to retry
    thread.join(5000);
  }
}
