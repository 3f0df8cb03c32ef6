package io.newswire.dev;

import io.newswire.cli.Newswire;
import io.newswire.cli.TopicsCommand;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Two enrich processes share the raw topic; one is killed with SIGKILL mid-run. With exactly_once_v2 the
 * committed output (read_committed) holds every input exactly once. It also prints how long the killed
 * instance's partitions stood still: the longest time, over the output partitions, from the kill to the
 * first record after it (a figure for docs/RELIABILITY.md, not an assertion: timing depends on the machine).
 * The instance killed is the one that counts the trends, and the survivor's counts, restored from their
 * changelog, must hold every article once.
 */
class EnrichFailoverIT {
  static final int ARTICLES = 3000;

  @Test
  void everyArticleIsEnrichedExactlyOnceAcrossAKill() throws Exception {
    LocalStack stack = LocalStack.shared();
    var config = DemoCommand.settingsFor(stack);
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    String run = "failover-" + System.nanoTime();

    List<Process> instances = new ArrayList<>();
    int[] ports = new int[2];
    for (int i = 0; i < 2; i++) {
      try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        ports[i] = socket.getLocalPort();
      }
      instances.add(enrich(stack, run, i, ports[i]));
    }
    var http = java.net.http.HttpClient.newHttpClient();
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "acks", "all", "linger.ms", 20),
        topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
      for (int i = 0; i < ARTICLES; i++) {
        String id = run + "-" + i;
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
            .setTitle("Ferry " + i + " sails from Ushuaia").setBody("Ferry number " + i + " left Ushuaia for Cairo.")
            .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build()));
      }
    }

    Map<String, Integer> seen = new HashMap<>();
    // Ushuaia, which no other test names: the raw topic is shared, and this app counts every article in it.
    java.util.Set<String> withUshuaia = new java.util.HashSet<>();
    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", run + "-check", "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new StringDeserializer(), topics.enrichedArticles.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
      boolean killed = false;
      int victim = 0;
      long killedAt = 0;
      Map<Integer, Long> firstAfterKill = new HashMap<>();
      long deadline = System.currentTimeMillis() + 240_000;
      while (seen.size() < ARTICLES && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && r.key().startsWith(run + "-") && r.value().getTagger().startsWith("newswire")) {
            seen.merge(r.key(), 1, Integer::sum);
            if (r.value().getEntities().stream().anyMatch(e -> e.getId().equals("LOC:ushuaia"))) {
              withUshuaia.add(r.key());
            }
            if (killed) {
              firstAfterKill.putIfAbsent(r.partition(), System.currentTimeMillis());
            }
          }
        }
        if (!killed && seen.size() > ARTICLES / 4) {
          // The instance that counts the trends (one task holds them) is the one killed, so that the survivor
          // must restore the counts from their changelog.
          victim = localTrends(http, ports[1]).isEmpty() ? 0 : 1;
          instances.get(victim).destroyForcibly().waitFor(); // SIGKILL: no shutdown, an open transaction
          killed = true;
          killedAt = System.currentTimeMillis();
        }
      }
      assertThat(killed).as("the first instance was killed mid-run").isTrue();
      long kill = killedAt;
      long stalled = firstAfterKill.values().stream().mapToLong(t -> t - kill).max().orElse(-1);
      System.out.printf("EnrichFailoverIT: after kill -9, every output partition flowed again within %.1f s"
          + " (%d partitions seen after the kill)%n", stalled / 1000.0, firstAfterKill.size());
      // read a little longer: a duplicate would show up now
      long until = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < until) {
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && r.key().startsWith(run + "-")) {
            seen.merge(r.key(), 1, Integer::sum);
          }
        }
      }
      // The trend counts, whichever instance counted before the kill, hold every article once: Ushuaia's count
      // in the latest hourly window (all articles fall within it) is the number of articles that name it.
      assertThat(withUshuaia).isNotEmpty();
      int survivorPort = ports[1 - victim];
      long counted = -1;
      long trendDeadline = System.currentTimeMillis() + 60_000;
      while (counted != withUshuaia.size() && System.currentTimeMillis() < trendDeadline) {
        try {
          String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
              + survivorPort + "/trends?window=1h&type=LOC&limit=5")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString()).body();
          for (var row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("trends")) {
            if (row.path("key").asText().equals("LOC:ushuaia")) {
              counted = row.path("articles").asLong();
            }
          }
        } catch (java.io.IOException notYet) {
          // the survivor is still restoring or rebalancing
        }
        Thread.sleep(1000);
      }
      assertThat(counted).as("Ushuaia's hourly trend count after the kill").isEqualTo(withUshuaia.size());
    } finally {
      instances.forEach(Process::destroyForcibly);
    }
    assertThat(seen).hasSize(ARTICLES);
    assertThat(seen.values()).allMatch(count -> count == 1);
  }

  /** An instance's own trend rows (not merged with the other's), empty when it does not count the trends. */
  private static String localTrends(java.net.http.HttpClient http, int port) throws Exception {
    String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
        + "/trends?window=1h")).header("X-Newswire-Forwarded", "test").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("trends");
    return rows.isEmpty() ? "" : rows.toString();
  }

  private static Process enrich(LocalStack stack, String run, int instance, int httpPort) throws Exception {
    Path log = stack.dir().resolve(run + "-enrich-" + instance + ".log");
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-cp", System.getProperty("java.class.path"), Newswire.class.getName(), "enrich",
        "--set", "bootstrap.servers=" + stack.bootstrapServers(),
        "--set", "schema.registry.url=" + stack.registryUrl(),
        "--set", "topics.replication.factor=1",
        "--set", "enrich.application.id=" + run,
        "--set", "enrich.state.dir=" + stack.dir().resolve(run + "-state-" + instance),
        "--set", "enrich.http.port=" + httpPort)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
