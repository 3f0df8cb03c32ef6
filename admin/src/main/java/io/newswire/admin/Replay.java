package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reprocessing a stage's input from the beginning, a time or an offset. */
public final class Replay {
  private Replay() {}

  /** Where a replay starts: the beginning, the first record at or after a time, or an offset in every partition. */
  public record From(boolean beginning, Instant time, Long offset) {
    public static From beginningOf() {
      return new From(true, null, null);
    }

    public static From time(Instant time) {
      return new From(false, time, null);
    }

    public static From offset(long offset) {
      return new From(false, null, offset);
    }
  }

  /**
   * Prepares a replay of one stage: its group's offsets reset to {@code from}; for enrich (a Streams
   * application) also its internal topics and this machine's local state deleted, as
   * kafka-streams-application-reset does. Refuses (2) while the group has members, unless {@code force}.
   * Prints each change; with {@code dryRun}, changes nothing.
   */
  public static int replay(Admin admin, NewswireConfig config, Stage stage, From from, boolean dryRun, boolean force)
      throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(stage.group())).all().get().get(stage.group());
    if (!group.members().isEmpty()) {
      if (!force) {
        System.err.printf("%s: group %s has %d running member(s); stop them first (or use --force)%n", stage.name(),
            stage.group(), group.members().size());
        return 2;
      }
      System.out.printf("%s: removing %d running member(s) of %s%n", stage.name(), group.members().size(), stage.group());
      if (!dryRun) {
        admin.removeMembersFromConsumerGroup(stage.group(), new RemoveMembersFromConsumerGroupOptions()).all().get();
      }
    }
    Map<TopicPartition, Long> target = targets(admin, stage.topic(), from);
    Map<TopicPartition, OffsetAndMetadata> current = admin.listConsumerGroupOffsets(stage.group())
        .partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> t : target.entrySet().stream()
        .sorted((a, b) -> Integer.compare(a.getKey().partition(), b.getKey().partition())).toList()) {
      OffsetAndMetadata was = current.get(t.getKey());
      System.out.printf("%s: %s partition %d: offset %s -> %d%n", stage.name(), stage.topic(), t.getKey().partition(),
          was == null ? "none" : String.valueOf(was.offset()), t.getValue());
      reset.put(t.getKey(), new OffsetAndMetadata(t.getValue()));
    }
    List<String> internal = new ArrayList<>();
    Path state = null;
    if (stage.streams()) {
      for (String topic : admin.listTopics().names().get()) {
        if (topic.startsWith(stage.group() + "-") && (topic.endsWith("-changelog") || topic.endsWith("-repartition"))) {
          internal.add(topic);
        }
      }
      internal.sort(String::compareTo);
      internal.forEach(t -> System.out.printf("%s: delete internal topic %s%n", stage.name(), t));
      state = Path.of(config.get(NewswireConfig.ENRICH_STATE_DIR), stage.group());
      System.out.printf("%s: delete local state %s%s%n", stage.name(), state, Files.exists(state) ? "" : " (absent)");
    }
    if (dryRun) {
      return 0;
    }
    admin.alterConsumerGroupOffsets(stage.group(), reset).all().get();
    if (!internal.isEmpty()) {
      admin.deleteTopics(internal).all().get();
    }
    if (state != null && Files.exists(state)) {
      try (var paths = Files.walk(state)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    System.out.printf("%s: replay prepared from %s%n", stage.name(), describe(from));
    return 0;
  }

  private static String describe(From from) {
    return from.beginning() ? "the beginning" : from.time() != null ? from.time().toString() : "offset " + from.offset();
  }

  static Map<TopicPartition, Long> targets(Admin admin, String topic, From from) throws Exception {
    Map<TopicPartition, Long> earliest = Lag.ends(admin, topic, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = Lag.ends(admin, topic, OffsetSpec.latest());
    if (from.beginning()) {
      return earliest;
    }
    if (from.offset() != null) {
      Map<TopicPartition, Long> out = new HashMap<>();
      earliest.forEach((tp, e) -> out.put(tp, Math.max(e, Math.min(latest.get(tp), from.offset()))));
      return out;
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    earliest.keySet().forEach(tp -> request.put(tp, OffsetSpec.forTimestamp(from.time().toEpochMilli())));
    admin.listOffsets(request).all().get().forEach((tp, info) ->
        out.put(tp, info.offset() < 0 ? latest.get(tp) : info.offset())); // no record that late: nothing to replay
    return out;
  }

}
