package io.newswire.dev;

import io.newswire.admin.Lag;
import io.newswire.admin.Replay;
import io.newswire.admin.Stage;

import io.newswire.cli.Newswire;
import io.newswire.cli.TopicsCommand;
import io.newswire.sink.SinkApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Replaying after a tagger upgrade, end to end on the real stack: ingest N, enrich, sink; replay enrich from a
 * time with a newer tagger; the sink holds N articles, once each, at the new enrichment version. Also status
 * against a known lag.
 */
class ReplayIT {
  static final int N = 20;

  /** The shipped tagger under a higher enrichment version: "the improved tagger". */
  record Upgraded(Tagger tagger) implements Tagger {
    @Override
    public Tagging tag(String title, String body) {
      return tagger.tag(title, body);
    }

    @Override
    public String name() {
      return "newswire-perceptron/1.8.1-test";
    }

    @Override
    public int enrichmentVersion() {
      return tagger.enrichmentVersion() + 1;
    }
  }

  @Test
  void aReplayWithANewerTaggerLeavesEveryArticleOnceAtTheNewVersion() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "replay-" + System.nanoTime();
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
        NewswireConfig.SINK_GROUP_ID, run + "-sink",
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run + "-state").toString()));
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    Instant start = Instant.now().minusSeconds(1);
    produce(stack, topics, run);
    NewswireTagger tagger = new NewswireTagger();
    int v = tagger.enrichmentVersion();

    try (SinkApplication sink = new SinkApplication(config)) {
      EnrichApplication enrich = new EnrichApplication(config, tagger);
      enrich.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> count(stack, run, v) == N);
      // near-identical articles: copies of one another, in stories; a replay must keep every decision
      String decided = decisions(stack, run);

      Stage stage = Stage.named(config, "enrich").get(0);
      try (Admin admin = Admin.create(config.kafkaClients())) {
        assertThat(Lag.streamsStates(admin, config, stage, List.of("http://127.0.0.1:" + enrich.httpPort())))
            .containsExactly("http://127.0.0.1:" + enrich.httpPort() + " RUNNING");
        assertThat(Lag.streamsStates(admin, config, stage, null)).singleElement().asString()
            .startsWith("state unknown: enrich.http.port is 0");
        // refused while enrich runs; a dry run changes nothing
        assertThat(Replay.replay(admin, config, stage, Replay.From.time(start), false, false)).isEqualTo(2);
        enrich.close();
        Map<TopicPartition, OffsetAndMetadata> before = admin.listConsumerGroupOffsets(stage.group())
            .partitionsToOffsetAndMetadata().get();
        assertThat(Replay.replay(admin, config, stage, Replay.From.time(start), true, false)).isZero();
        assertThat(admin.listConsumerGroupOffsets(stage.group()).partitionsToOffsetAndMetadata().get()).isEqualTo(before);
        assertThat(Replay.replay(admin, config, stage, Replay.From.time(start), false, false)).isZero();
        assertThat(admin.listConsumerGroupOffsets(stage.group()).partitionsToOffsetAndMetadata().get()).isNotEqualTo(before);
      }

      EnrichApplication upgraded = new EnrichApplication(config, new Upgraded(tagger));
      try {
        upgraded.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> count(stack, run, v + 1) == N);
      } finally {
        upgraded.close();
      }
      assertThat(decisions(stack, run)).isEqualTo(decided);
    }
    assertThat(count(stack, run, null)).isEqualTo(N);
    assertThat(count(stack, run, v)).isZero();

    // the sink replayed from the same time rewrites every article in place: still N rows, each at the new version
    Stage sinkStage = Stage.named(config, "sink").get(0);
    try (Admin admin = Admin.create(config.kafkaClients())) {
      assertThat(Replay.replay(admin, config, sinkStage, Replay.From.time(start), false, false)).isZero();
      assertThat(Lag.sample(admin, config, sinkStage, false).lag()).isGreaterThanOrEqualTo(2L * N);
    }
    try (SinkApplication sink = new SinkApplication(config)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        try (Admin admin = Admin.create(config.kafkaClients())) {
          return Lag.sample(admin, config, sinkStage, false).lag() == 0;
        }
      });
    }
    assertThat(count(stack, run, null)).isEqualTo(N);
    assertThat(count(stack, run, v + 1)).isEqualTo(N);
  }

  @Test
  void statusReportsAKnownLag() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "status-" + System.nanoTime();
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(NewswireConfig.ENRICH_APPLICATION_ID, run));
    TopicsCommand.ensure(config);
    try (Admin admin = Admin.create(config.kafkaClients())) {
      // a group positioned at the end of the raw topic, then 7 new articles: a lag of exactly 7
      Map<TopicPartition, Long> end = Lag.ends(admin, Topics.RAW_ARTICLES, OffsetSpec.latest());
      Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
      end.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
      admin.alterConsumerGroupOffsets(run, offsets).all().get();
      produce(stack, Topics.create(config.serdes()), run, 7);
      Stage stage = Stage.named(config, "enrich").get(0);
      Lag.StageStatus status = Lag.sample(admin, config, stage, true);
      assertThat(status.lag()).isEqualTo(7);
      assertThat(status.members()).isZero();
      assertThat(status.oldest()).isPositive();
    }
    int exit = Newswire.commandLine().execute("status", "--stage", "enrich", "--interval", "0", "--max-lag", "100",
        "--set", "bootstrap.servers=" + stack.bootstrapServers(), "--set", "schema.registry.url=" + stack.registryUrl(),
        "--set", "enrich.application.id=" + run);
    assertThat(exit).as("lag but nobody running").isEqualTo(3);
  }

  static void produce(LocalStack stack, Topics topics, String run) {
    produce(stack, topics, run, N);
  }

  static void produce(LocalStack stack, Topics topics, String run, int n) {
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "acks", "all"), topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        String id = run + "-" + i;
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
            .setTitle("Harbour " + i + " reopens in Mombasa")
            .setBody("The Kenya Ports Authority reopened berth " + i + " in Mombasa on Monday after repairs, officials"
                + " said. Shipping lines including Maersk said they would resume calls next week.")
            .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build()));
      }
    }
  }

  /** Each article's story and duplicate mark in PostgreSQL, one line each, in id order. */
  static String decisions(LocalStack stack, String run) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        PreparedStatement s = c.prepareStatement("SELECT id, story_id, duplicate_of FROM articles WHERE id LIKE ?"
            + " ORDER BY id")) {
      s.setString(1, run + "-%");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.append(r.getString(1)).append('|').append(r.getString(2)).append('|').append(r.getString(3)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Articles of this run in PostgreSQL, at {@code version} (or any when null). */
  static int count(LocalStack stack, String run, Integer version) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM articles WHERE id LIKE ?"
            + (version == null ? "" : " AND enrichment_version = ?"))) {
      s.setString(1, run + "-%");
      if (version != null) {
        s.setInt(2, version);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
