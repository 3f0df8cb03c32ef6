package io.newswire.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * How the topics on a cluster differ from what {@link Topics} declares: missing topics, fewer partitions
 * than intended, and topic settings (retention, compaction, ...) that were changed. More partitions than
 * declared is not drift: operators add partitions to scale out.
 */
public final class TopicDrift {
  private TopicDrift() {}

  /** One difference, in words an operator can act on. */
  public record Difference(String topic, String what, String expected, String actual) {
    @Override
    public String toString() {
      return topic + ": " + what + " is " + actual + ", expected " + expected;
    }
  }

  public static List<Difference> of(Admin admin, Collection<Topic<?, ?>> declared)
      throws ExecutionException, InterruptedException {
    List<Difference> differences = new ArrayList<>();
    var existing = admin.listTopics().names().get();
    List<Topic<?, ?>> present = declared.stream().filter(t -> existing.contains(t.name())).toList();
    for (Topic<?, ?> t : declared) {
      if (!existing.contains(t.name())) {
        differences.add(new Difference(t.name(), "the topic", "present", "missing"));
      }
    }
    if (present.isEmpty()) {
      return differences;
    }
    Map<String, TopicDescription> descriptions = admin.describeTopics(
        present.stream().map(Topic::name).toList()).allTopicNames().get();
    Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).collect(Collectors.toList())).all().get();
    for (Topic<?, ?> t : present) {
      int partitions = descriptions.get(t.name()).partitions().size();
      if (partitions < t.partitions()) {
        differences.add(new Difference(t.name(), "the partition count", String.valueOf(t.partitions()),
            String.valueOf(partitions)));
      }
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
      t.configs().forEach((key, expected) -> {
        ConfigEntry entry = config.get(key);
        String actual = entry == null ? "unset" : entry.value();
        if (!expected.equals(actual)) {
          differences.add(new Difference(t.name(), key, expected, actual));
        }
      });
    }
    return differences;
  }
}
