package io.newswire.config;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Every key Kafka's own clients define: these pass through to the clients, never refused as unknown. */
final class KafkaKeys {
  static final Set<String> ALL;

  static {
    Set<String> all = new HashSet<>(ProducerConfig.configNames());
    all.addAll(ConsumerConfig.configNames());
    all.addAll(AdminClientConfig.configNames());
    ALL = Set.copyOf(all);
  }

  private KafkaKeys() {}
}
