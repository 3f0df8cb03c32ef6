package io.newswire.cli;

import io.newswire.admin.Lag;
import io.newswire.admin.Stage;
import io.newswire.config.NewswireConfig;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Lag, throughput and state of each stage's consumer group, and the dead-letter count.",
        "",
        "Per stage: group state and members; lag per partition in records and in seconds (the age of the oldest "
            + "unconsumed record); records/s over the sampling interval. The same numbers kafka-consumer-groups "
            + "--describe shows, for the same group ids. For enrich, also the Kafka Streams state of each instance "
            + "(asked at its /ready endpoint: each member's host on enrich.http.port, or --enrich-url).",
        "Exit status: 0 healthy; 2 a lag threshold is exceeded; 3 a stage has lag but no running member, or an "
            + "enrich instance is in the ERROR state or its /health is DOWN; 1 error."})
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--interval", defaultValue = "3", description = "Seconds between the two samples that give throughput. Default: ${DEFAULT-VALUE}")
  int interval;

  @Option(names = "--watch", description = "Repeat until stopped.")
  boolean watch;

  @Option(names = "--max-lag", description = "Exit 2 when a stage's total lag exceeds this many records.")
  Long maxLag;

  @Option(names = "--max-lag-seconds", description = "Exit 2 when a stage's oldest unconsumed record is older than this.")
  Long maxLagSeconds;

  @Option(names = "--enrich-url", paramLabel = "URL",
      description = "An enrich instance's HTTP endpoint (repeatable), e.g. http://enrich-1:8083. Default: each "
          + "member's host of the enrich group on enrich.http.port.")
  List<String> enrichUrls;

  @Option(names = "--stage", defaultValue = "all", description = "enrich, sink, notify or all. Default: ${DEFAULT-VALUE}")
  String stage;

  @Override
  public Integer call() throws Exception {
    NewswireConfig config = options.load();
    int exit;
    do {
      exit = once(config);
    } while (watch && !Thread.currentThread().isInterrupted());
    return exit;
  }

  private int once(NewswireConfig config) throws Exception {
    List<Stage> stages = Stage.named(config, stage);
    try (Admin admin = Admin.create(config.kafkaClients())) {
      Map<String, Lag.StageStatus> first = new HashMap<>();
      for (Stage s : stages) {
        first.put(s.name(), Lag.sample(admin, config, s, false));
      }
      Thread.sleep(interval * 1000L);
      int exit = 0;
      System.out.printf("%s%n", Instant.now());
      for (Stage s : stages) {
        Lag.StageStatus now = Lag.sample(admin, config, s, true);
        if (s.optional() && now.members() == 0 && now.committed() == 0) {
          System.out.printf("%-6s group %s has never run ('newswire %s' starts it)%n", s.name(), s.group(), s.name());
          continue;
        }
        double rate = (now.committed() - first.get(s.name()).committed()) / (double) interval;
        System.out.printf(Locale.ROOT, "%-6s group %s (%s, %d member%s) on %s: lag %,d records, oldest unconsumed %s,"
                + " %.1f records/s%n", s.name(), s.group(), now.state(), now.members(), now.members() == 1 ? "" : "s",
            s.topic(), now.lag(), seconds(now.oldest()), rate);
        if (s.streams()) {
          for (String line : Lag.streamsStates(admin, config, s, enrichUrls)) {
            System.out.println("         streams " + line);
            if (line.endsWith(" ERROR") || line.endsWith(" PENDING_ERROR") || line.contains(Lag.HEALTH_DOWN)) {
              exit = Math.max(exit, 3);
            }
          }
        }
        for (Lag.PartitionLag p : now.partitions()) {
          System.out.printf(Locale.ROOT, "         partition %2d  committed %,10d  end %,10d  lag %,8d  age %s%n",
              p.partition(), p.committed(), p.end(), p.lag(), seconds(p.age()));
        }
        if (maxLag != null && now.lag() > maxLag || maxLagSeconds != null && now.oldest().getSeconds() > maxLagSeconds) {
          exit = Math.max(exit, 2);
        }
        if (now.lag() > 0 && now.members() == 0) {
          System.out.println("         no member is running: start '" + "newswire " + s.name() + "' to catch up");
          exit = Math.max(exit, 3);
        }
      }
      Map<TopicPartition, Long> dlqEnd = Lag.ends(admin, Topics.DEAD_LETTERS, OffsetSpec.latest());
      Map<TopicPartition, Long> dlqStart = Lag.ends(admin, Topics.DEAD_LETTERS, OffsetSpec.earliest());
      long dead = dlqEnd.entrySet().stream().mapToLong(e -> e.getValue() - dlqStart.getOrDefault(e.getKey(), 0L)).sum();
      System.out.printf("dead letters: %,d in %s ('newswire dlq list' shows them)%n", dead, Topics.DEAD_LETTERS);
      return exit;
    }
  }

  private static String seconds(Duration d) {
    return d.isZero() ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
