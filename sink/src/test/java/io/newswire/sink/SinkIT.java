package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.postgres.PostgresStore;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The sink loop on a real broker and a real PostgreSQL: replays, a crash between the database commit and
 * the offset commit, a database restart mid-run, and two instances in one group. Each test writes into a
 * database of its own and reads with a consumer group of its own.
 */
class SinkIT {
  static final int ARTICLES = 300;
  static LocalStack stack;

  @BeforeAll
  static void produce() throws Exception {
    stack = LocalStack.shared();
    Map<String, Object> serdes = Map.of("schema.registry.url", stack.registryUrl());
    Topics topics = Topics.create(serdes);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      topics.createMissing(admin, Optional.of((short) 1));
    }
    Topics.registerSchemas(SchemaRegistryClients.create(serdes));
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
        topics.enrichedArticles.keySerde().serializer(), topics.enrichedArticles.valueSerde().serializer())) {
      for (int i = 0; i < ARTICLES; i++) {
        String id = "sink-it-" + i;
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, id, Fixtures.article(id, 1, "Article " + i)));
        if (i % 50 == 0) {
          // a newer version of an earlier article, later in the topic
          String earlier = "sink-it-" + (i / 2);
          producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, earlier, Fixtures.article(earlier, 2, "Revised")));
        }
      }
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "sink-it-7", null)); // retracted
      // PostgreSQL text cannot hold NUL: the store refuses this one record, and only it
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "sink-it-poison",
          Fixtures.article("sink-it-poison", 1, "Poison \u0000 title")));
      producer.flush();
    }
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
        new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, "sink-it-junk", "not avro".getBytes())).get();
    }
  }

  static NewswireConfig config(String database, String group) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database);
    }
    return NewswireConfig.of(Map.of(
        NewswireConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        NewswireConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        NewswireConfig.POSTGRES_URL, stack.jdbcUrl().replaceAll("/[^/]+$", "/" + database),
        NewswireConfig.POSTGRES_USER, stack.jdbcUser(),
        NewswireConfig.SINK_GROUP_ID, group,
        NewswireConfig.SINK_BATCH_SIZE, "50"));
  }

  static PostgresStore store(NewswireConfig config) {
    PostgresStore store = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), "");
    store.migrate();
    return store;
  }

  static Thread run(SinkLoop loop) {
    Thread thread = new Thread(loop, "sink-it");
    thread.setUncaughtExceptionHandler((t, e) -> { }); // the simulated crash
    thread.start();
    return thread;
  }

  static String snapshot(NewswireConfig config) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(config.get(NewswireConfig.POSTGRES_URL), stack.jdbcUser(), "")) {
      for (String sql : List.of("SELECT id, enrichment_version, title FROM articles ORDER BY id",
          "SELECT article_id, entity_id, mention_count, mention_starts, mention_ends FROM article_entities ORDER BY 1, 2",
          "SELECT article_id, name FROM places ORDER BY 1, 2",
          "SELECT article_id, code FROM article_topics ORDER BY 1, 2",
          "SELECT article_id, start_offset, speaker FROM quotes ORDER BY 1, 2")) {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              out.append(rs.getString(i)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  static long articles(NewswireConfig config) throws Exception {
    try (Connection c = DriverManager.getConnection(config.get(NewswireConfig.POSTGRES_URL), stack.jdbcUser(), "");
        // this test's articles only: other tests of the module write to the same topic
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM articles WHERE id LIKE 'sink-it-%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits until the loop has consumed everything: the expected rows, and then no change for a while. */
  static void drain(NewswireConfig config, SinkLoop... loops) {
    await().atMost(Duration.ofSeconds(90)).until(() -> articles(config) == ARTICLES - 1);
    long[] last = {-1};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
      long total = 0;
      for (SinkLoop loop : loops) {
        total += loop.writtenCount();
      }
      boolean still = total == last[0];
      last[0] = total;
      return still;
    });
  }

  static String expected;

  @Test
  void replayingTheWholeTopicTwiceGivesIdenticalRows(TestInfo info) throws Exception {
    NewswireConfig config = config("sink_replay", "sink-replay-1");
    PostgresStore store = store(config);
    SinkLoop first = new SinkLoop(config, store);
    Thread t1 = run(first);
    drain(config, first);
    first.close();
    t1.join();
    String once = snapshot(config);
    assertThat(once).contains("sink-it-0|2|Revised|").doesNotContain("sink-it-7|").doesNotContain("poison");
    assertThat(first.deadLetteredCount()).isEqualTo(2); // the junk bytes and the NUL article

    SinkLoop replay = new SinkLoop(config.with(Map.of(NewswireConfig.SINK_GROUP_ID, "sink-replay-2")), store);
    Thread t2 = run(replay);
    drain(config, replay);
    replay.close();
    t2.join();

    assertThat(replay.writtenCount()).isGreaterThanOrEqualTo(ARTICLES);
    assertThat(snapshot(config)).isEqualTo(once);
    store.close();
  }

  @Test
  void aCrashBetweenTheDatabaseCommitAndTheOffsetCommitDuplicatesNothing() throws Exception {
    NewswireConfig config = config("sink_crash", "sink-crash");
    PostgresStore store = store(config);
    AtomicInteger batches = new AtomicInteger();
    Store crashing = new Store() {
      @Override
      public void apply(List<ArticleChange> changes) {
        store.apply(changes); // committed in the database ...
        if (batches.incrementAndGet() == 3) {
          throw new IllegalStateException("simulated crash before the offset commit"); // ... offsets are not
        }
      }

      @Override
      public String describe() {
        return store.describe();
      }

      @Override
      public void close() {
      }
    };
    SinkLoop dying = new SinkLoop(config, crashing);
    Thread t1 = run(dying);
    t1.join(60_000);
    assertThat(t1.isAlive()).isFalse();

    SinkLoop restarted = new SinkLoop(config, store);
    Thread t2 = run(restarted);
    drain(config, restarted);
    restarted.close();
    t2.join();

    assertThat(articles(config)).isEqualTo(ARTICLES - 1);
    assertThat(snapshot(config)).isEqualTo(reference());
    store.close();
  }

  @Test
  void aDatabaseRestartMidRunLosesNothing() throws Exception {
    NewswireConfig config = config("sink_restart", "sink-restart");
    PostgresStore store = store(config);
    SinkLoop loop = new SinkLoop(config, store, 1000);
    Thread thread = run(loop);
    await().atMost(Duration.ofSeconds(60)).until(() -> loop.writtenCount() > 0);
    stack.postgres().restart();
    drain(config, loop);
    loop.close();
    thread.join();

    assertThat(loop.deadLetteredCount()).isEqualTo(2); // only the two bad records, nothing for the restart
    assertThat(snapshot(config)).isEqualTo(reference());
    store.close();
  }

  @Test
  void twoInstancesInOneGroupShareTheWorkWithoutDuplicates() throws Exception {
    NewswireConfig config = config("sink_two", "sink-two");
    PostgresStore storeA = store(config);
    PostgresStore storeB = store(config);
    SinkLoop a = new SinkLoop(config, storeA);
    SinkLoop b = new SinkLoop(config, storeB);
    Thread ta = run(a);
    Thread tb = run(b);
    drain(config, a, b);
    a.close();
    b.close();
    ta.join();
    tb.join();

    assertThat(snapshot(config)).isEqualTo(reference());
    storeA.close();
    storeB.close();
  }

  /** What a clean, single run writes, computed once. */
  static synchronized String reference() throws Exception {
    if (expected == null) {
      NewswireConfig config = config("sink_reference", "sink-reference");
      PostgresStore store = store(config);
      SinkLoop loop = new SinkLoop(config, store);
      Thread t = run(loop);
      drain(config, loop);
      loop.close();
      t.join();
      store.close();
      expected = snapshot(config);
    }
    return expected;
  }
}
