package io.newswire.cli;

import io.newswire.admin.Replay;
import io.newswire.admin.Stage;
import io.newswire.config.NewswireConfig;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
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

  @Parameters(paramLabel = "STAGE", description = "enrich, sink, notify or all.")
  String which;

  static final class FromOptions {
    @Option(names = "--from-beginning", required = true, description = "From the earliest retained record.")
    boolean beginning;

    @Option(names = "--from-time", required = true, paramLabel = "ISO-8601",
        description = "From the first record at or after this time, e.g. 2026-11-27T09:00:00Z.")
    Instant time;

    @Option(names = "--from-offset", required = true, paramLabel = "N",
        description = "From this offset in every partition (clamped to what the partition holds).")
    Long offset;

    Replay.From value() {
      return new Replay.From(beginning, time, offset);
    }
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  FromOptions from;

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
        int code = Replay.replay(admin, config, stage, from.value(), dryRun, force);
        if (code != 0) {
          return code;
        }
      }
    }
    System.out.println(dryRun ? "Dry run: nothing changed." : "Done. Start the stage(s) again to reprocess.");
    return 0;
  }

}
