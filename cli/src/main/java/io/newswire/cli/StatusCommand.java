package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
  static final String HEALTH_DOWN = "health DOWN";
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

  @Option(names = "--stage", defaultValue = "all", description = "enrich, sink or all. Default: ${DEFAULT-VALUE}")
  String stage;

  /** The Streams state in enrich's /ready answer, e.g. {"status":"UP","detail":"streams RUNNING"}. */
  private static final Pattern STREAMS_STATE = Pattern.compile("\"detail\":\"streams ([A-Z_]+)\"");

  /** One partition of a stage's input. */
  record PartitionLag(int partition, long committed, long end, long lag, Duration age) {}

  /** A stage's picture at one moment. */
  record StageStatus(Stage stage, String state, int members, List<PartitionLag> partitions) {
    long lag() {
      return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    long committed() {
      return partitions.stream().mapToLong(PartitionLag::committed).sum();
    }

    Duration oldest() {
      return partitions.stream().map(PartitionLag::age).max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }

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
      Map<String, StageStatus> first = new HashMap<>();
      for (Stage s : stages) {
        first.put(s.name(), sample(admin, config, s, false));
      }
      Thread.sleep(interval * 1000L);
      int exit = 0;
      System.out.printf("%s%n", Instant.now());
      for (Stage s : stages) {
        StageStatus now = sample(admin, config, s, true);
        double rate = (now.committed() - first.get(s.name()).committed()) / (double) interval;
        System.out.printf(Locale.ROOT, "%-6s group %s (%s, %d member%s) on %s: lag %,d records, oldest unconsumed %s,"
                + " %.1f records/s%n", s.name(), s.group(), now.state(), now.members(), now.members() == 1 ? "" : "s",
            s.topic(), now.lag(), seconds(now.oldest()), rate);
        if (s.streams()) {
          for (String line : streamsStates(admin, config, s, enrichUrls)) {
            System.out.println("         streams " + line);
            if (line.endsWith(" ERROR") || line.endsWith(" PENDING_ERROR") || line.contains(HEALTH_DOWN)) {
              exit = Math.max(exit, 3);
            }
          }
        }
        for (PartitionLag p : now.partitions()) {
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
      Map<TopicPartition, Long> dlqEnd = ends(admin, Topics.DEAD_LETTERS, OffsetSpec.latest());
      Map<TopicPartition, Long> dlqStart = ends(admin, Topics.DEAD_LETTERS, OffsetSpec.earliest());
      long dead = dlqEnd.entrySet().stream().mapToLong(e -> e.getValue() - dlqStart.getOrDefault(e.getKey(), 0L)).sum();
      System.out.printf("dead letters: %,d in %s ('newswire dlq list' shows them)%n", dead, Topics.DEAD_LETTERS);
      return exit;
    }
  }

  private static String seconds(Duration d) {
    return d.isZero() ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static StageStatus sample(Admin admin, NewswireConfig config, Stage stage, boolean withAges) throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(stage.group())).all().get().get(stage.group());
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(stage.group())
        .partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> end = ends(admin, stage.topic(), OffsetSpec.latest());
    Map<TopicPartition, Long> start = ends(admin, stage.topic(), OffsetSpec.earliest());
    List<PartitionLag> partitions = new ArrayList<>();
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (TopicPartition tp : end.keySet().stream().sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList()) {
      OffsetAndMetadata c = committed.get(tp);
      long position = c == null ? start.get(tp) : c.offset();
      positions.put(tp, position);
    }
    Map<TopicPartition, Duration> ages = withAges ? ages(config, positions, end) : Map.of();
    for (Map.Entry<TopicPartition, Long> p : positions.entrySet().stream()
        .sorted((a, b) -> Integer.compare(a.getKey().partition(), b.getKey().partition())).toList()) {
      long e = end.get(p.getKey());
      partitions.add(new PartitionLag(p.getKey().partition(), p.getValue(), e, Math.max(0, e - p.getValue()),
          ages.getOrDefault(p.getKey(), Duration.ZERO)));
    }
    return new StageStatus(stage, group.groupState().toString(), group.members().size(), partitions);
  }

  /**
   * The Kafka Streams state of each enrich instance, as "URL STATE". Kafka's group description has the members'
   * hosts but not their Streams state, which only the instance knows: its /ready endpoint says it.
   */
  static List<String> streamsStates(Admin admin, NewswireConfig config, Stage stage, List<String> urls)
      throws Exception {
    List<String> targets = new ArrayList<>();
    if (urls != null && !urls.isEmpty()) {
      targets.addAll(urls);
    } else {
      int port = config.getInt(NewswireConfig.ENRICH_HTTP_PORT);
      if (port <= 0) {
        return List.of("state unknown: enrich.http.port is " + port + "; give --enrich-url");
      }
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(stage.group())).all().get()
          .get(stage.group());
      group.members().stream().map(m -> m.host().replaceFirst("^/", "")).distinct().sorted()
          .forEach(host -> targets.add("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
    }
    List<String> states = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (String url : targets) {
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      String state;
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        var detail = STREAMS_STATE.matcher(response.body());
        state = detail.find() ? detail.group(1) : "HTTP " + response.statusCode();
        // Liveness too: an instance stuck out of RUNNING, or stopped of itself, says so there.
        var health = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() != 200) {
          state += " " + HEALTH_DOWN + " (" + health.body().replaceAll("\\s+", " ").trim() + ")";
        }
      } catch (IOException e) {
        state = "not reachable (" + e.getClass().getSimpleName() + ")";
      }
      states.add(base + " " + state);
    }
    return states;
  }

  static Map<TopicPartition, Long> ends(Admin admin, String topic, OffsetSpec spec) throws Exception {
    var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> spec));
    return admin.listOffsets(request).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** Age of the first unconsumed record of each lagging partition: now minus its timestamp. */
  private static Map<TopicPartition, Duration> ages(NewswireConfig config, Map<TopicPartition, Long> positions,
      Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> lagging = positions.entrySet().stream().filter(e -> e.getValue() < end.get(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<TopicPartition, Duration> ages = new HashMap<>();
    if (lagging.isEmpty()) {
      return ages;
    }
    Map<String, Object> props = new HashMap<>(config.kafkaClients());
    props.put("enable.auto.commit", false);
    props.put("isolation.level", "read_committed");
    props.put("client.id", "newswire-status");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(lagging.keySet());
      lagging.forEach(consumer::seek);
      long deadline = System.currentTimeMillis() + 5_000;
      while (ages.size() < lagging.size() && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          ages.putIfAbsent(tp, Duration.ofMillis(Math.max(0, System.currentTimeMillis() - r.timestamp())));
          consumer.pause(List.of(tp));
        }
      }
    }
    return ages;
  }
}
