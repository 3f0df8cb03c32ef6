package io.newswire.dev;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.Alert;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The demo's alerts: what the watches it adds found, read from the alerts topic. */
final class AlertSummaries {
  /** The watches the demo adds: the kind a newsroom writes, over the sample stories' tags. */
  static final Map<String, String> DEMO_WATCHES = Map.of(
      "ukraine-front", "topic:\"conflicts, war and peace\" AND country:UA",
      "earthquakes", "topic:medtop:03000000 AND (\"earthquake\" OR \"quake\")");

  private AlertSummaries() {}

  /** Every committed alert now in the topic. */
  static List<Alert> read(NewswireConfig config) {
    Topics topics = Topics.create(config);
    Map<String, Object> props = new HashMap<>(config.kafkaClients());
    props.put("isolation.level", "read_committed");
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        topics.alerts.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + 10_000;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            alerts.add(r.value());
          }
        }
      }
    }
    return alerts;
  }

  static String render(List<Alert> alerts) {
    StringBuilder out = new StringBuilder("Alerts (watches: ./newswire watch list; docs/WATCHES.md)\n");
    if (alerts.isEmpty()) {
      out.append("  none\n");
    }
    for (Alert a : alerts) {
      out.append("  ").append(a.getWatchId()).append("  ").append(a.getTitle()).append('\n')
          .append("      ").append(String.join("; ", a.getMatched())).append('\n');
    }
    return out.toString();
  }
}
