package io.newswire.dev;

import io.newswire.admin.DeadLetterQueue;

import io.newswire.cli.Newswire;
import io.newswire.cli.ProgressBar;
import io.newswire.cli.IngestCommand;
import io.newswire.cli.TopicsCommand;
import io.newswire.sink.SinkApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.ingest.IngestSummary;
import io.newswire.schema.DeadLetter;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton on the real stack: files → ingest → raw topic → enrich (exactly once) → enriched
 * topic → sink → PostgreSQL, with bad input dead-lettered at each stage and a second run changing nothing.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PipelineIT {
  static LocalStack stack;
  static NewswireConfig config;
  static EnrichApplication enrich;
  static SinkApplication sink;
  /** Where the dead-letter topic ended when this class began: other tests share it. */
  static long dlqStart;

  @BeforeAll
  static void startPipeline() throws Exception {
    stack = LocalStack.shared();
    config = DemoCommand.settingsFor(stack);
    TopicsCommand.ensure(config);
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      var partition = new org.apache.kafka.common.TopicPartition(Topics.DEAD_LETTERS, 0);
      dlqStart = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
          .partitionResult(partition).get().offset();
    }
    enrich = new EnrichApplication(config, new NewswireTagger());
    enrich.start();
    sink = new SinkApplication(config);
  }

  @AfterAll
  static void stopPipeline() throws InterruptedException {
    sink.close();
    enrich.close();
  }

  /** The folder the samples were ingested from: other tests share the database, so rows are counted by source. */
  static String samplesSource = "";

  static String ours() {
    return "(SELECT id FROM articles WHERE source LIKE '" + samplesSource.replace("'", "''") + "%')";
  }

  static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String snapshot() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())) {
      for (String sql : List.of("SELECT id, enrichment_version, title, enriched_at FROM articles WHERE id IN " + ours() + " ORDER BY id",
          "SELECT article_id, entity_id, mention_count FROM article_entities WHERE article_id IN " + ours() + " ORDER BY 1, 2",
          "SELECT article_id, code FROM article_topics WHERE article_id IN " + ours() + " ORDER BY 1, 2",
          "SELECT article_id, start_offset, speaker FROM quotes WHERE article_id IN " + ours() + " ORDER BY 1, 2")) {
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

  @Test
  @org.junit.jupiter.api.Order(1)
  void samplesFlowIntoPostgresOnceAndBadInputIsDeadLettered(@TempDir Path dir) throws Exception {
    Path samples = DemoCommand.extractSamples(dir.resolve("samples"));
    samplesSource = samples.toString();
    Files.writeString(dir.resolve("broken.json"), "{\"title\": \"cut off");

    IngestSummary first = IngestCommand.ingest(config, List.of(samples.toString(), dir.resolve("broken.json").toString()),
        new ProgressBar(System.err, "ingest"));
    assertThat(first.publishedCount()).isEqualTo(8);
    assertThat(first.deadLetteredCount()).isEqualTo(1);

    // foreign bytes on the raw topic: enrich dead-letters them and carries on
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, "junk", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }

    await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM articles WHERE id IN " + ours()) == 8);
    // scoped to this test's articles: the module's other tests write the same sample stories under other ids
    assertThat(count("SELECT count(*) FROM places WHERE name = 'Kharkiv' AND country_code = 'UA' AND article_id IN " + ours()))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quotes WHERE speaker = 'Taras Hrytsenko' AND article_id IN " + ours())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM article_topics WHERE code = 'medtop:16000000' AND article_id IN " + ours()))
        .isGreaterThanOrEqualTo(1);

    // The trend counts reach their topic although no later article moves stream time on (a punctuator on
    // wall-clock time emits them; they once waited for the next article a minute of stream time later).
    try (KafkaConsumer<String, byte[]> trends = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
        "group.id", "pipeline-trends-" + System.nanoTime(), "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new StringDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      trends.subscribe(List.of(Topics.TRENDS));
      boolean kharkiv = false;
      long deadline = System.currentTimeMillis() + 60_000;
      while (!kharkiv && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> r : trends.poll(Duration.ofMillis(500))) {
          kharkiv |= r.key() != null && r.key().contains("|LOC:kharkiv|");
        }
      }
      assertThat(kharkiv).as("Kharkiv's count in " + Topics.TRENDS).isTrue();
    }

    List<DeadLetter> letters = deadLetters(2);
    assertThat(letters).extracting(DeadLetter::getStage).containsExactlyInAnyOrder("ingest", "enrich");
    assertThat(letters).filteredOn(l -> l.getStage().equals("ingest")).singleElement()
        .satisfies(l -> assertThat(l.getOrigin()).endsWith("broken.json"))
        .satisfies(l -> assertThat(l.getErrorMessage()).contains("Not valid JSON"));
    assertThat(letters).filteredOn(l -> l.getStage().equals("enrich")).singleElement()
        .satisfies(l -> assertThat(l.getTopic()).isEqualTo(Topics.RAW_ARTICLES))
        .satisfies(l -> assertThat(StandardCharsets.UTF_8.decode(l.getValue()).toString()).isEqualTo("not avro"));

    // The same files again: ingest remembers what it published and skips them.
    String before = snapshot();
    IngestSummary again = IngestCommand.ingest(config, List.of(samples.toString()), new ProgressBar(System.err, "ingest"));
    assertThat(again.skippedCount()).isEqualTo(8);
    assertThat(again.publishedCount()).isZero();

    // With its memory lost, ingest republishes the same articles; enrich drops them as exact duplicates.
    NewswireConfig forgetful = config.with(Map.of(NewswireConfig.INGEST_STATE_DIR, dir.resolve("fresh-state").toString()));
    assertThat(IngestCommand.ingest(forgetful, List.of(samples.toString()), new ProgressBar(System.err, "ingest"))
        .publishedCount()).isEqualTo(8);
    await().atMost(Duration.ofSeconds(60)).until(() -> enrich.streams().metrics().entrySet().stream()
        .filter(m -> m.getKey().name().equals("duplicates-total"))
        .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum() == 8.0);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM articles WHERE id IN " + ours())).isEqualTo(8);
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void deadLettersCanBeListedExportedAndRedriven(@TempDir Path dir) throws Exception {
    String[] settings = {"--set", "bootstrap.servers=" + stack.bootstrapServers(),
        "--set", "schema.registry.url=" + stack.registryUrl()};
    java.io.ByteArrayOutputStream listed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(listed, true, StandardCharsets.UTF_8));
    try {
      assertThat(Newswire.commandLine().execute(concat(new String[] {"dlq", "list"}, settings))).isZero();
      assertThat(Newswire.commandLine().execute(concat(new String[] {"dlq", "redrive", "--stage", "enrich"}, settings)))
          .isZero();
      assertThat(Newswire.commandLine().execute(concat(new String[] {"dlq", "export", "--stage", "ingest",
          dir.toString()}, settings))).isZero();
    } finally {
      System.setOut(stdout);
    }
    assertThat(listed.toString(StandardCharsets.UTF_8)).contains("enrich", "ingest", "broken.json",
        "sending 0@");
    assertThat(Files.readString(dir.resolve("letter-0-" + dlqStart + ".json"))).isEqualTo("{\"title\": \"cut off");
    assertThat(Files.readString(dir.resolve("letter-0-" + dlqStart + ".reason"))).contains("Not valid JSON");

    // the re-driven junk is back on the raw topic, marked, and enrich dead-letters it again
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "group.id", "pipeline-it-redrive", "auto.offset.reset", "earliest"),
        new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.RAW_ARTICLES));
      boolean found = false;
      long deadline = System.currentTimeMillis() + 30_000;
      while (!found && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          found |= r.headers().lastHeader(DeadLetterQueue.REDRIVEN_FROM) != null
              && new String(r.value(), StandardCharsets.UTF_8).equals("not avro");
        }
      }
      assertThat(found).isTrue();
    }
    assertThat(deadLetters(3)).hasSize(3);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void aFiftyMegabyteFileAndBinaryJunkAreRefusedAndInvalidUtf8IsDecodedWhileTheRestFlows(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("odd-" + System.nanoTime()));
    StringBuilder paragraph = new StringBuilder();
    while (paragraph.length() < 1 << 20) {
      paragraph.append("Parliament debated the budget again on Thursday. ");
    }
    try (var out = Files.newBufferedWriter(folder.resolve("huge.txt"))) {
      for (int i = 0; i < 50; i++) { // 50 MB
        out.write(paragraph.toString());
      }
    }
    // Windows-1252 bytes, not valid UTF-8: "Café owners in Montréal..."
    Files.write(folder.resolve("latin1.txt"), ("Caf\u00e9 owners protest in Montr\u00e9al\n\nCaf\u00e9 owners marched in "
        + "Montr\u00e9al on Friday against a new tax, their association said.\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
    byte[] junk = new byte[20_000];
    new java.util.Random(11).nextBytes(junk); // binary junk under a text name
    junk[5] = 0;
    Files.write(folder.resolve("photo.txt"), junk);
    Files.writeString(folder.resolve("fine.txt"), "Ferry service resumes in Mombasa\n\nThe ferry between Mombasa and "
        + "Likoni resumed on Saturday after repairs, the operator said.\n");

    IngestSummary summary = IngestCommand.ingest(config, List.of(folder.toString()), new ProgressBar(System.err, "ingest"));
    assertThat(summary.publishedCount()).isEqualTo(2);
    assertThat(summary.deadLetteredCount()).isEqualTo(2);

    String source = "(SELECT id FROM articles WHERE source LIKE '" + folder.toString().replace("'", "''") + "%')";
    await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM articles WHERE id IN " + source) == 2);
    assertThat(count("SELECT count(*) FROM articles WHERE id IN " + source + " AND title = 'Caf\u00e9 owners protest in Montr\u00e9al'"))
        .isEqualTo(1);
    assertThat(deadLettersUntil(l -> l.getOrigin() != null && l.getOrigin().endsWith("huge.txt")))
        .filteredOn(l -> l.getOrigin() != null && l.getOrigin().endsWith("huge.txt")).singleElement().satisfies(l -> {
          assertThat(l.getStage()).isEqualTo("ingest");
          assertThat(l.getErrorMessage()).contains("over the").contains("ingest.max.bytes");
          assertThat(l.getValue().remaining()).isLessThan(1 << 20); // the head of the file, not 50 MB
        });
    assertThat(deadLettersUntil(l -> l.getOrigin() != null && l.getOrigin().endsWith("photo.txt")))
        .filteredOn(l -> l.getOrigin() != null && l.getOrigin().endsWith("photo.txt")).singleElement()
        .satisfies(l -> assertThat(l.getErrorMessage()).startsWith("Not text: a NUL byte at offset 5"));
  }

  /** Every dead letter on the topic, read until one matches (or a minute has passed). */
  static List<DeadLetter> deadLettersUntil(java.util.function.Predicate<DeadLetter> wanted) {
    Topics topics = Topics.create(config.serdes());
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "group.id", "pipeline-it-" + System.nanoTime(), "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new StringDeserializer(), topics.deadLetters.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.DEAD_LETTERS));
      long deadline = System.currentTimeMillis() + 60_000;
      while (letters.stream().noneMatch(wanted) && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
          letters.add(r.value());
        }
      }
    }
    return letters;
  }

  /** The dead letters written since this class began (the topic has one partition). */
  static List<DeadLetter> deadLetters(int expected) {
    Topics topics = Topics.create(config.serdes());
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "isolation.level", "read_committed"), new StringDeserializer(),
        topics.deadLetters.valueSerde().deserializer())) {
      var partition = new org.apache.kafka.common.TopicPartition(Topics.DEAD_LETTERS, 0);
      consumer.assign(List.of(partition));
      consumer.seek(partition, dlqStart);
      long deadline = System.currentTimeMillis() + 60_000;
      while (letters.size() < expected && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
          letters.add(r.value());
        }
      }
    }
    return letters;
  }
}
