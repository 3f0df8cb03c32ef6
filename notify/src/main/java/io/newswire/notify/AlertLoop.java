package io.newswire.notify;

import io.newswire.config.NewswireConfig;
import io.newswire.deadletter.DeadLetters;
import io.newswire.ops.Metrics;
import io.newswire.schema.Alert;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's loop: {@value Topics#ALERTS} → one {@link Webhook} per receiver (the watch's own, or {@code
 * notify.webhook}) → delivered, or dead-lettered with the reason. At least once: a partition's offset is committed
 * only past alerts that are done, so a crash delivers the rest again, and receivers drop repeats by the alert id.
 */
public final class AlertLoop implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertLoop.class);

  private final NewswireConfig config;
  private final Topics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, DeadLetter> deadLetters;
  private final Deserializer<Alert> alerts;
  private final String defaultWebhook;
  private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
  /** Offsets received and not yet done, per partition; and the next offset to read. */
  private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final ConcurrentLinkedQueue<Position> done = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final io.micrometer.core.instrument.Counter dead = Metrics.deadLetters("notify");
  private long lastCommit;

  record Position(TopicPartition partition, long offset) {}

  public AlertLoop(NewswireConfig config) {
    this.config = config;
    this.topics = Topics.create(config);
    String webhook = config.get(NewswireConfig.NOTIFY_WEBHOOK);
    this.defaultWebhook = webhook == null || webhook.isBlank() ? null : webhook.strip();
    this.alerts = topics.alerts.valueSerde().deserializer();
    Map<String, Object> consumerConfig = new HashMap<>(config.kafkaClients());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(NewswireConfig.NOTIFY_GROUP_ID));
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // alerts of aborted transactions never go out
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-notify");
    this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> producerConfig = new HashMap<>(config.producerClients());
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswire-notify-deadletters");
    this.deadLetters = new KafkaProducer<>(producerConfig, topics.deadLetters.keySerde().serializer(),
        topics.deadLetters.valueSerde().serializer());
    Metrics.bind(consumer);
  }

  /** The receivers this notifier has posted to, with how many alerts wait for each: for /ready and logs. */
  public Collection<String> receivers() {
    return webhooks.values().stream().map(w -> w.uri() + " waiting=" + w.waiting()
        + (w.lastProblem() == null ? "" : " last problem: " + w.lastProblem())).toList();
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(topics.alerts.name()), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        commitDone();
        partitions.forEach(p -> {
          pending.remove(p);
          next.remove(p);
        });
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
    });
    try {
      while (running.get()) {
        var polled = consumer.poll(Duration.ofMillis(200));
        Metrics.lag("notify", config.get(NewswireConfig.NOTIFY_GROUP_ID), Metrics.newest(polled));
        for (ConsumerRecord<String, byte[]> record : polled) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          pending.computeIfAbsent(tp, p -> new TreeSet<>()).add(record.offset());
          next.put(tp, record.offset() + 1);
          dispatch(record, tp);
        }
        if (System.currentTimeMillis() - lastCommit >= 1_000) {
          commitDone();
        }
      }
    } catch (WakeupException stopping) {
      // close() was called
    } finally {
      webhooks.values().forEach(Webhook::close);
      commitDone();
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
      deadLetters.close(Duration.ofSeconds(10));
    }
  }

  private void dispatch(ConsumerRecord<String, byte[]> record, TopicPartition tp) {
    Position position = new Position(tp, record.offset());
    Alert alert;
    try {
      alert = alerts.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException e) {
      deadLetter(record.topic(), position, record.key(), record.value(), e.getMessage());
      return;
    }
    if (alert == null) {
      done.add(position);
      return;
    }
    String target = alert.getWebhook() != null ? alert.getWebhook() : defaultWebhook;
    if (target == null) {
      deadLetter(record.topic(), position, record.key(), record.value(), "alert " + alert.getId() + " of watch "
          + alert.getWatchId() + " has nowhere to go: the watch has no webhook and notify.webhook is not set");
      return;
    }
    Webhook webhook;
    try {
      webhook = webhooks.computeIfAbsent(target, this::webhook);
    } catch (IllegalArgumentException e) {
      deadLetter(record.topic(), position, record.key(), record.value(), "the webhook '" + target + "' is not a usable URL: "
          + e.getMessage());
      return;
    }
    if (!webhook.offer(new Webhook.Delivery(alert, tp, record.offset(), record.key(), record.value()))) {
      deadLetter(record.topic(), position, record.key(), record.value(), "the webhook " + target + " already has "
          + webhook.waiting() + " alerts waiting (notify.queue.size); it is too slow or down"
          + (webhook.lastProblem() == null ? "" : ", last problem: " + webhook.lastProblem()));
    }
  }

  private Webhook webhook(String target) {
    URI uri = URI.create(target);
    if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
      throw new IllegalArgumentException("expected http:// or https:// and a host");
    }
    return new Webhook(uri, config.get(NewswireConfig.NOTIFY_SECRET), config.getInt(NewswireConfig.NOTIFY_MAX_ATTEMPTS),
        config.getLong(NewswireConfig.NOTIFY_BACKOFF_MS), Duration.ofMillis(config.getInt(NewswireConfig.NOTIFY_TIMEOUT_MS)),
        config.getInt(NewswireConfig.NOTIFY_QUEUE_SIZE), new Webhook.Outcome() {
          @Override
          public void delivered(Webhook.Delivery delivery) {
            done.add(new Position(delivery.partition(), delivery.offset()));
          }

          @Override
          public void failed(Webhook.Delivery delivery, String reason) {
            deadLetter(topics.alerts.name(), new Position(delivery.partition(), delivery.offset()), delivery.key(),
                delivery.value(), reason);
          }
        });
  }

  /** Sends the alert to the dead letters and waits for the broker, then counts it done; retried until it goes. */
  private void deadLetter(String topic, Position position, String key, byte[] value, String reason) {
    DeadLetter letter = DeadLetters.fromRecord("notify", topic, position.partition().partition(), position.offset(),
        key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value, null,
        new WebhookException(reason));
    while (true) {
      try {
        deadLetters.send(new ProducerRecord<>(topics.deadLetters.name(), key, letter)).get();
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // not done: delivered again after a restart
      } catch (java.util.concurrent.ExecutionException e) {
        log.warn("could not dead-letter alert at {}:{} yet, retrying: {}", position.partition(), position.offset(),
            e.getCause().toString());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    dead.increment();
    log.warn("alert at {}:{} dead-lettered: {}", position.partition(), position.offset(), reason);
    done.add(position);
  }

  /** Commits each partition up to its first offset not yet done. */
  private void commitDone() {
    lastCommit = System.currentTimeMillis();
    for (Position p; (p = done.poll()) != null; ) {
      TreeSet<Long> offsets = pending.get(p.partition());
      if (offsets != null) {
        offsets.remove(p.offset());
      }
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    pending.forEach((tp, offsets) -> commit.put(tp, new OffsetAndMetadata(offsets.isEmpty() ? next.get(tp) : offsets.first())));
    if (!commit.isEmpty()) {
      try {
        consumer.commitSync(commit);
      } catch (RuntimeException e) {
        log.warn("commit failed, the alerts since the last commit may be posted again: {}", e.toString());
      }
    }
  }

  /** Stops after the deliveries in progress; what is not done is delivered again on the next start. */
  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }

  /** Why an alert could not be delivered. */
  static final class WebhookException extends RuntimeException {
    WebhookException(String message) {
      super(message);
    }
  }
}
