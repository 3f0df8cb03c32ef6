package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.Watch;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The watches as operators manage them: {@value Topics#WATCHES} is the only place they live, so adding one is
 * writing its record, removing one is writing a tombstone, and listing them is reading the compacted topic to its
 * end (no consumer group, nothing committed). Every enrich instance picks the change up within a second or two.
 */
public final class Watchlist {
  private Watchlist() {}

  /** Adds or replaces a watch; returns once the broker has it. */
  public static void put(NewswireConfig config, Watch watch) throws Exception {
    send(config, watch.getId(), watch);
  }

  /** Removes a watch (a tombstone); false if there was no such watch. */
  public static boolean remove(NewswireConfig config, String id) throws Exception {
    if (!all(config).containsKey(id)) {
      return false;
    }
    send(config, id, null);
    return true;
  }

  /** Every current watch by id. */
  public static Map<String, Watch> all(NewswireConfig config) {
    Topics topics = Topics.create(config);
    Map<String, Watch> watches = new TreeMap<>();
    Map<String, Object> consumerConfig = new HashMap<>(config.kafkaClients());
    consumerConfig.put("enable.auto.commit", false);
    consumerConfig.put("isolation.level", "read_committed");
    try (KafkaConsumer<String, Watch> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
        topics.watches.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.WATCHES, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 60_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("could not read " + Topics.WATCHES + " to its end within 60 s");
        }
        for (ConsumerRecord<String, Watch> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            watches.remove(r.key());
          } else {
            watches.put(r.key(), r.value());
          }
        }
      }
    }
    return watches;
  }

  private static void send(NewswireConfig config, String id, Watch watch) throws Exception {
    Topics topics = Topics.create(config);
    Map<String, Object> producerConfig = new HashMap<>(config.producerClients());
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Watch> producer = new KafkaProducer<>(producerConfig,
        topics.watches.keySerde().serializer(), topics.watches.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.WATCHES, id, watch)).get();
    }
  }
}
