package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * How far each stage is behind, as Kafka's own tools measure it: per partition, the group's committed offset
 * against the end (records), and the age of the oldest unconsumed record (seconds); and for enrich, each
 * instance's Streams state and health, asked at its HTTP endpoint.
 */
public final class Lag {
  /** What {@link #streamsStates} adds to an instance whose /health is DOWN. */
  public static final String HEALTH_DOWN = "health DOWN";
  /** The Streams state in enrich's /ready answer, e.g. {"status":"UP","detail":"streams RUNNING"}. */
  private static final Pattern STREAMS_STATE = Pattern.compile("\"detail\":\"streams ([A-Z_]+)");

  private Lag() {}

  /** One partition of a stage's input. */
  public record PartitionLag(int partition, long committed, long end, long lag, Duration age) {}

  /** A stage's picture at one moment. */
  public record StageStatus(Stage stage, String state, int members, List<PartitionLag> partitions) {
    public long lag() {
      return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    public long committed() {
      return partitions.stream().mapToLong(PartitionLag::committed).sum();
    }

    public Duration oldest() {
      return partitions.stream().map(PartitionLag::age).max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }

  public static StageStatus sample(Admin admin, NewswireConfig config, Stage stage, boolean withAges) throws Exception {
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
  public static List<String> streamsStates(Admin admin, NewswireConfig config, Stage stage, List<String> urls)
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

  public static Map<TopicPartition, Long> ends(Admin admin, String topic, OffsetSpec spec) throws Exception {
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
