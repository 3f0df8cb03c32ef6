package io.newswire.dev.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records the benchmarks' topics hold: the sum of each topic's end offsets over its partitions. */
final class TopicOffsets {
  private TopicOffsets() {}

  /** End offsets summed per topic (transaction markers take offsets too). */
  static Map<String, Long> ends(Admin admin, Collection<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
        .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<String, Long> out = new HashMap<>();
    admin.listOffsets(request).all().get().forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
    return out;
  }
}
