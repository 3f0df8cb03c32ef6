package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.feeds.FeedPoller;
import io.newswire.ingest.feeds.FeedState;
import io.newswire.ingest.feeds.FeedSubscription;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.ingest.files.FileIngest;
import io.newswire.ingest.http.PushServer;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source against the real broker and registry. */
class IngestIT {
  static LocalStack stack;
  @TempDir Path dir;

  @BeforeAll
  static void topics() throws Exception {
    stack = LocalStack.shared();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      Topics.create(Map.of("schema.registry.url", stack.registryUrl())).createMissing(admin, Optional.of((short) 1));
    }
    Topics.registerSchemas(SchemaRegistryClients.create(Map.of("schema.registry.url", stack.registryUrl())));
  }

  NewswireConfig config(String state) {
    return NewswireConfig.of(Map.of(
        NewswireConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        NewswireConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        NewswireConfig.INGEST_STATE_DIR, dir.resolve(state).toString(),
        NewswireConfig.INGEST_QUARANTINE_DIR, dir.resolve("quarantine").toString(),
        NewswireConfig.INGEST_HOST_DELAY_MS, "0"));
  }

  /** Raw records with the given ids, read back from the topic. */
  static Map<String, ConsumerRecord<String, RawArticle>> read(Set<String> ids) {
    Topics topics = Topics.create(Map.of("schema.registry.url", stack.registryUrl()));
    Map<String, ConsumerRecord<String, RawArticle>> found = new HashMap<>();
    try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", "ingest-it-" + System.nanoTime(),
        "auto.offset.reset", "earliest"), new StringDeserializer(), topics.rawArticles.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.RAW_ARTICLES));
      long deadline = System.currentTimeMillis() + 30_000;
      int extra = 0;
      while (System.currentTimeMillis() < deadline && (!found.keySet().containsAll(ids) || extra++ < 4)) {
        for (ConsumerRecord<String, RawArticle> r : consumer.poll(Duration.ofMillis(500))) {
          if (ids.contains(r.key())) {
            found.merge(r.key(), r, (a, b) -> {
              throw new AssertionError("article " + r.key() + " published twice");
            });
          }
        }
      }
    }
    return found;
  }

  @Test
  void filesArePublishedOnceKeyedByIdWithHeadersAndRememberedAcrossRestarts() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.md"), "---\nurl: https://it.example/lighthouse?utm_source=x\n---\n"
        + "# Lighthouse restored\n\nThe lighthouse on the point shines again after repairs.\n");
    Files.writeString(inbox.resolve("b.json"), "{\"title\":\"Lighthouse restored\",\"url\":\"https://it.example/lighthouse\","
        + "\"body\":\"Same story, syndicated.\"}");
    Files.writeString(inbox.resolve("c.txt"), "Night buses return\n\nNight buses return to the city on Friday.\n");

    IngestSummary first;
    try (IngestContext context = new IngestContext(config("state"))) {
      // One worker: which of two files with the same article id is published first is then their order.
      first = new FileIngest(new ArticleFiles(), context.intake(), 1).run(List.of(inbox.toString()), (d, t) -> { });
    }
    assertThat(first.publishedCount()).isEqualTo(2);
    assertThat(first.skippedCount()).isEqualTo(1);

    IngestSummary restarted;
    try (IngestContext context = new IngestContext(config("state"))) {
      restarted = new FileIngest(new ArticleFiles(), context.intake()).run(List.of(inbox.toString()), (d, t) -> { });
    }
    assertThat(restarted.publishedCount()).isZero();
    assertThat(restarted.skippedCount()).isEqualTo(3);

    String lighthouse = new Normaliser().normalise(new ArticleDraft("x", "https://it.example/lighthouse", null, "t", "b",
        null, "text/plain", Map.of())).getId();
    var records = read(Set.of(lighthouse));
    ConsumerRecord<String, RawArticle> record = records.get(lighthouse);
    assertThat(record.value().getUrl()).isEqualTo("https://it.example/lighthouse");
    assertThat(new String(record.headers().lastHeader("newswire.source").value(), StandardCharsets.UTF_8)).endsWith("a.md");
    assertThat(new String(record.headers().lastHeader("newswire.content.type").value(), StandardCharsets.UTF_8))
        .isEqualTo("text/markdown");
    assertThat(record.headers().lastHeader("newswire.ingested.at")).isNotNull();
  }

  @Test
  void feedsArePolledIntoTheTopic() throws Exception {
    com.sun.net.httpserver.HttpServer feedServer = com.sun.net.httpserver.HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] atom = IngestIT.class.getResourceAsStream("/feeds/atom.xml").readAllBytes();
    feedServer.createContext("/atom", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
      exchange.sendResponseHeaders(200, atom.length);
      exchange.getResponseBody().write(atom);
      exchange.close();
    });
    feedServer.start();
    try (IngestContext context = new IngestContext(config("feeds-state"))) {
      URI url = URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/atom");
      IngestSummary summary = new FeedPoller(List.of(new FeedSubscription(url, "Science", Duration.ofMinutes(5), false)),
          context.fetcher(), context.intake(), FeedState.open(context.stateDir().resolve("feeds.json")),
          Clock.systemUTC(), 2).pollOnce((d, t) -> { });
      assertThat(summary.publishedCount() + summary.skippedCount()).isEqualTo(1);
    } finally {
      feedServer.stop(0);
    }
    String comet = new Normaliser().normalise(new ArticleDraft("x", "https://science.example/comet", null, "t", "b",
        null, "text/plain", Map.of())).getId();
    assertThat(read(Set.of(comet)).get(comet).value().getFeed()).isEqualTo("Science");
  }

  @Test
  void theHttpEndpointAnswers202OnlyOnceTheRecordIsInKafka() throws Exception {
    try (IngestContext context = new IngestContext(config("http-state"));
        PushServer server = new PushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), context.intake(),
            "token", context.maxBytes())) {
      server.start();
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/articles"))
          .header("Authorization", "Bearer token").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Harbour crane arrives\",\"body\":\"A new crane"
              + " arrived at the harbour by barge.\",\"url\":\"https://it.example/crane-" + System.nanoTime() + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(202);
      String id = response.body().replaceAll(".*\"ids\":\\[\"([^\"]+)\"].*", "$1");
      assertThat(read(Set.of(id))).containsKey(id);
    }
  }
}
