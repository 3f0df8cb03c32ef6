package io.newswire.dev;

import io.newswire.cli.Newswire;
import io.newswire.cli.TopicsCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.dev.bench.EnrichBenchmark;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on the whole pipeline: enrich and the sink (PostgreSQL and OpenSearch) run as separate processes and are killed with
 * SIGKILL at random moments while generated articles flow, each restarted a moment later. Afterwards every
 * article is in PostgreSQL, the enriched topic holds exactly one committed record per article, and nothing
 * is dead-lettered.
 *
 * <p>The short mode (2,000 articles, 2 kills) runs with the tests. The long mode:
 * {@code mvn -pl cli verify -Dit.test=PipelineKillIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewswire.faults.articles=20000 -Dnewswire.faults.kills=10}. The kill moments come from
 * {@code newswire.faults.seed} (printed), so a failing run can be repeated.
 */
class PipelineKillIT {
  static final int ARTICLES = Integer.getInteger("newswire.faults.articles", 2000);
  static final int KILLS = Integer.getInteger("newswire.faults.kills", 2);
  static final long SEED = Long.getLong("newswire.faults.seed", System.nanoTime());

  @Test
  void killingEnrichAndTheSinkAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
    LocalStack stack = LocalStack.shared();
    var config = DemoCommand.settingsFor(stack);
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    String run = "kills-" + System.nanoTime();
    Random random = new Random(SEED);
    System.err.printf("PipelineKillIT: %d articles, %d kills, seed %d%n", ARTICLES, KILLS, SEED);

    // Kill moments, as counts of articles already in PostgreSQL, alternating between the two stages.
    List<Integer> moments = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      moments.add((int) (ARTICLES * (0.1 + 0.8 * (i + random.nextDouble()) / KILLS)));
    }
    Process[] stages = {enrich(stack, run, 0), sink(stack, run, 0)};
    String[] names = {"enrich", "sink"};
    int restarts = 0;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      // Both start at the end of their input (auto.offset.reset=latest), so they see only this run. Each
      // resolves that end when it first fetches, so markers go through until one reaches PostgreSQL.
      await().atMost(Duration.ofSeconds(90)).until(() -> stable(admin, run + "-enrich") && stable(admin, run + "-sink")
          && stable(admin, run + "-sink-opensearch"));
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
          "bootstrap.servers", stack.bootstrapServers(), "acks", "all", "enable.idempotence", true, "linger.ms", 20),
          topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
        List<RawArticle> markers = EnrichBenchmark.articles(run + "x-marker", 60, 300);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
          RawArticle marker = markers.remove(0);
          producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker.getId(), marker)).get();
          return ReplayIT.count(stack, run + "x", null) > 0;
        });
        for (RawArticle a : EnrichBenchmark.articles(run, ARTICLES, 1200)) {
          producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, a.getId(), a));
        }
      }
      long deadline = System.currentTimeMillis() + Math.max(300_000, ARTICLES * 60L);
      int next = 0;
      while (ReplayIT.count(stack, run, null) < ARTICLES && System.currentTimeMillis() < deadline) {
        if (next < moments.size() && ReplayIT.count(stack, run, null) >= moments.get(next)) {
          int which = (next + (int) (SEED & 1)) % 2;
          stages[which].destroyForcibly().waitFor(); // SIGKILL: open transactions, uncommitted offsets
          System.err.printf("PipelineKillIT: killed %s at %d articles%n", names[which], moments.get(next));
          Thread.sleep(500 + random.nextInt(1500));
          restarts++;
          stages[which] = which == 0 ? enrich(stack, run, restarts) : sink(stack, run, restarts);
          next++;
        }
        Thread.sleep(200);
      }
      assertThat(next).as("kills done").isEqualTo(KILLS);
      assertThat(ReplayIT.count(stack, run, null)).isEqualTo(ARTICLES);
      // the same sink processes also fed OpenSearch, in a group of its own, killed mid-bulk with them
      await().atMost(Duration.ofSeconds(120)).until(() -> searchCount(stack, run) == ARTICLES);
    } finally {
      for (Process p : stages) {
        p.destroyForcibly();
      }
    }
    assertThat(PipelineChecks.committedPerArticle(stack, topics, run, ARTICLES).values())
        .hasSize(ARTICLES).allMatch(n -> n == 1);
    assertThat(PipelineChecks.deadLettersOf(stack, topics, run)).isZero();
  }

  /** Documents of this run in its OpenSearch index. */
  static long searchCount(LocalStack stack, String run) {
    var client = new io.newswire.sink.search.OpenSearchClient(stack.opensearch().url(), null, null);
    client.send("POST", "/" + run + "/_refresh", null);
    return client.send("POST", "/" + run + "/_count", "{\"query\":{\"prefix\":{\"id\":\"" + run + "-\"}}}").body()
        .path("count").asLong();
  }

  static boolean stable(Admin admin, String group) {
    try {
      var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
      return description.groupState() == GroupState.STABLE && !description.members().isEmpty()
          && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    } catch (Exception e) {
      return false;
    }
  }

  static Process enrich(LocalStack stack, String run, int generation) throws Exception {
    return child(stack, run + "-enrich-" + generation, "enrich",
        "enrich.application.id=" + run + "-enrich",
        "enrich.state.dir=" + stack.dir().resolve(run + "-state-" + generation),
        "enrich.http.port=0",
        "enrich.streams.consumer.auto.offset.reset=latest",
        "enrich.streams.consumer.session.timeout.ms=6000",
        "enrich.streams.consumer.heartbeat.interval.ms=1500");
  }

  static Process sink(LocalStack stack, String run, int generation) throws Exception {
    return child(stack, run + "-sink-" + generation, "sink",
        "sink.group.id=" + run + "-sink",
        "sink.store=postgres,opensearch",
        "opensearch.url=" + stack.opensearch().url(),
        "opensearch.index=" + run,
        "sink.http.port=0",
        // Small batches, so PostgreSQL fills in steps smaller than the gaps between kill moments: with batches
        // of 500 a restarted sink once wrote the last articles in one go and a kill moment was skipped.
        "sink.batch.size=50",
        "sink.consumer.auto.offset.reset=latest",
        "sink.consumer.session.timeout.ms=6000",
        "sink.consumer.heartbeat.interval.ms=1500",
        "postgres.url=" + stack.jdbcUrl(), "postgres.user=" + stack.jdbcUser(), "postgres.password=" + stack.jdbcPassword());
  }

  private static Process child(LocalStack stack, String name, String command, String... settings) throws Exception {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", System.getProperty("java.class.path"), Newswire.class.getName(), command,
        "--set", "bootstrap.servers=" + stack.bootstrapServers(),
        "--set", "schema.registry.url=" + stack.registryUrl(),
        "--set", "topics.replication.factor=1"));
    for (String s : settings) {
      args.add("--set");
      args.add(s);
    }
    Path log = stack.dir().resolve(name + ".log");
    return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
