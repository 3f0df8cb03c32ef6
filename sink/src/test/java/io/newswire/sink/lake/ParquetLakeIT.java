package io.newswire.sink.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.Fixtures;
import io.newswire.sink.SinkApplication;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet lake beside PostgreSQL on the real broker: one sink, two stores, two consumer groups; the same
 * articles in both, and still after replaying the lake's group twice; a writer killed with SIGKILL mid-write
 * leaves no file a reader can see half of.
 */
class ParquetLakeIT {
  static final int N = 120;
  @TempDir Path temp;

  @Test
  void bothStoresHoldTheSameArticlesAndReplaysChangeNoAnswer() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "lake-it-" + System.nanoTime();
    Map<String, Object> serdes = Map.of("schema.registry.url", stack.registryUrl());
    Topics topics = Topics.create(serdes);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      topics.createMissing(admin, Optional.of((short) 1));
    }
    Topics.registerSchemas(SchemaRegistryClients.create(serdes));
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
        topics.enrichedArticles.keySerde().serializer(), topics.enrichedArticles.valueSerde().serializer())) {
      for (int i = 0; i < N; i++) {
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, run + "-" + i, Fixtures.article(run + "-" + i, 1, "Article " + i)));
      }
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, run + "-3", Fixtures.article(run + "-3", 2, "Revised")));
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, run + "-5", null)); // retracted
    }
    Path lake = temp.resolve("lake");
    NewswireConfig config = NewswireConfig.of(Map.of(
        NewswireConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        NewswireConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        NewswireConfig.POSTGRES_URL, stack.jdbcUrl(),
        NewswireConfig.POSTGRES_USER, stack.jdbcUser(),
        NewswireConfig.SINK_STORE, "postgres,parquet",
        NewswireConfig.SINK_PARQUET_DIR, lake.toString(),
        NewswireConfig.SINK_GROUP_ID, run,
        NewswireConfig.SINK_HTTP_PORT, "-1"));
    String latest = "SELECT id || ' v' || enrichment_version || ' ' || title FROM (" + ParquetStore.LATEST.formatted(lake)
        + ") WHERE id LIKE '" + run + "-%' ORDER BY id";
    List<String> expected;
    try (SinkApplication sink = new SinkApplication(config)) {
      await().atMost(Duration.ofSeconds(90)).until(() -> lines(latest).size() == N - 1 && postgres(stack, run).size() == N - 1);
      expected = postgres(stack, run);
    }
    assertThat(lines(latest)).isEqualTo(expected).contains(run + "-3 v2 Revised").doesNotContain(run + "-5 v1 Article 5");

    for (int replay = 1; replay <= 2; replay++) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
        admin.deleteConsumerGroups(List.of(config.sinkGroupId("parquet"))).all().get();
      }
      long rowsBefore = count("SELECT count(*) FROM read_parquet('" + lake + "/articles/*/*.parquet') WHERE id LIKE '" + run + "-%'");
      try (SinkApplication sink = new SinkApplication(config.with(Map.of(NewswireConfig.SINK_STORE, "parquet")))) {
        await().atMost(Duration.ofSeconds(90)).until(() -> count("SELECT count(*) FROM read_parquet('" + lake
            + "/articles/*/*.parquet') WHERE id LIKE '" + run + "-%'") >= rowsBefore + N - 1); // 5's upsert and retraction may share a batch
      }
      assertThat(lines(latest)).as("after replay " + replay).isEqualTo(expected);
    }
    Compaction.compact(lake, null);
    assertThat(lines(latest)).isEqualTo(expected);
  }

  @Test
  void aWriterKilledMidWriteLeavesNoVisibleHalfFile() throws Exception {
    Path lake = temp.resolve("killed");
    for (int kill = 0; kill < 3; kill++) {
      Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ParquetWriterMain.class.getName(), lake.toString())
          .redirectErrorStream(true).redirectOutput(temp.resolve("writer-" + kill + ".log").toFile()).start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(temp.resolve("writer-" + (0) + ".log")).contains("batch"));
      Thread.sleep(300 + 400L * kill); // a different moment each time
      writer.destroyForcibly().waitFor(); // SIGKILL
      try (var files = Files.walk(lake)) {
        for (Path part : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
          assertThat(count("SELECT count(*) FROM read_parquet('" + part + "')")).as(part.toString()).isGreaterThanOrEqualTo(0);
        }
      }
      assertThat(count("SELECT count(*) FROM (" + ParquetStore.LATEST.formatted(lake) + ")")).isPositive();
    }
  }

  static List<String> postgres(LocalStack stack, String run) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id || ' v' || enrichment_version || ' ' || title FROM articles WHERE id LIKE '"
            + run + "-%' ORDER BY id")) {
      List<String> rows = new java.util.ArrayList<>();
      while (r.next()) {
        rows.add(r.getString(1));
      }
      return rows;
    }
  }

  static List<String> lines(String sql) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new java.util.ArrayList<>();
      while (r.next()) {
        rows.add(r.getString(1));
      }
      return rows;
    }
  }

  static long count(String sql) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
