package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.Watch;
import io.newswire.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

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
    Map<String, Watch> watches = new TreeMap<>();
    for (ConsumerRecord<String, Watch> r : TopicContents.read(config, Topics.WATCHES,
        Topics.create(config).watches.valueSerde().deserializer())) {
      if (r.value() == null) {
        watches.remove(r.key());
      } else {
        watches.put(r.key(), r.value());
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
