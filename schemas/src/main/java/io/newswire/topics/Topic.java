package io.newswire.topics;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with everything a stage needs to use it: its name, serdes, partition count and topic-level
 * configuration (retention, compaction). Built only by {@link Topics}.
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Map<String, String> configs) {

  /** The registry subject of the values under the default TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }

  public NewTopic newTopic(Optional<Short> replicationFactor) {
    return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs);
  }
}
