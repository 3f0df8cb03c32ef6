package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every committed record a topic holds now, read from the beginning to the end offsets taken at the start: no
 * consumer group, nothing committed. For small topics an operator lists (watches, alerts, dead letters).
 */
public final class TopicContents {
  private TopicContents() {}

  public static <V> List<ConsumerRecord<String, V>> read(NewswireConfig config, String topic, Deserializer<V> values) {
    Map<String, Object> consumerConfig = new HashMap<>(config.kafkaClients());
    consumerConfig.put("enable.auto.commit", false);
    consumerConfig.put("isolation.level", "read_committed");
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 60_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
