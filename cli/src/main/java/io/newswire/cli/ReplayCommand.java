package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Reprocess a stage's input from the beginning, a time or an offset.",
        "",
        "For enrich this does what kafka-streams-application-reset does: it resets the input offsets and deletes the "
            + "internal topics (changelogs, repartition topics) and the local state on this machine; start enrich "
            + "again afterwards. For the sink it resets the group's offsets; its version-aware writes make a replay "
            + "duplicate nothing. Refuses while the group has running members unless --force (which removes them).",
        "After 'replay enrich' with a better tagger, the sink ends up with the newer version of every article, once."})
final class ReplayCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "STAGE", description = "enrich, sink or all.")
  String which;

  static final class From {
    @Option(names = "--from-beginning", required = true, description = "From the earliest retained record.")
    boolean beginning;

    @Option(names = "--from-time", required = true, paramLabel = "ISO-8601",
        description = "From the first record at or after this time, e.g. 2026-11-27T09:00:00Z.")
    Instant time;

    @Option(names = "--from-offset", required = true, paramLabel = "N",
        description = "From this offset in every partition (clamped to what the partition holds).")
    Long offset;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  @Option(names = "--dry-run", description = "Show exactly what would change, change nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Remove running members of the group first (they will fail and rejoin).")
  boolean force;

  @Override
  public Integer call() throws Exception {
    NewswireConfig config = options.load();
    List<Stage> stages = Stage.named(config, which);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("STAGE must be enrich, sink or all, not '" + which + "'");
    }
    try (Admin admin = Admin.create(config.kafkaClients())) {
      for (Stage stage : stages) {
        int code = replay(admin, config, stage, from, dryRun, force);
        if (code != 0) {
          return code;
        }
      }
    }
    System.out.println(dryRun ? "Dry run: nothing changed." : "Done. Start the stage(s) again to reprocess.");
    return 0;
  }

  static int replay(Admin admin, NewswireConfig config, Stage stage, From from, boolean dryRun, boolean force)
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
      io.newswire.stack.Folders.deleteTree(state);
    }
    System.out.printf("%s: replay prepared from %s%n", stage.name(), describe(from));
    return 0;
  }

  private static String describe(From from) {
    return from.beginning ? "the beginning" : from.time != null ? from.time.toString() : "offset " + from.offset;
  }

  static Map<TopicPartition, Long> targets(Admin admin, String topic, From from) throws Exception {
    Map<TopicPartition, Long> earliest = StatusCommand.ends(admin, topic, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = StatusCommand.ends(admin, topic, OffsetSpec.latest());
    if (from.beginning) {
      return earliest;
    }
    if (from.offset != null) {
      Map<TopicPartition, Long> out = new HashMap<>();
      earliest.forEach((tp, e) -> out.put(tp, Math.max(e, Math.min(latest.get(tp), from.offset))));
      return out;
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    earliest.keySet().forEach(tp -> request.put(tp, OffsetSpec.forTimestamp(from.time.toEpochMilli())));
    admin.listOffsets(request).all().get().forEach((tp, info) ->
        out.put(tp, info.offset() < 0 ? latest.get(tp) : info.offset())); // no record that late: nothing to replay
    return out;
  }

  /** For tests and scripts: the options as values. */
  static From fromTime(Instant time) {
    From f = new From();
    f.time = time;
    return f;
  }
}
