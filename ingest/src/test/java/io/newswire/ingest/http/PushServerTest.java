package io.newswire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.ingest.TestIntake;
import io.newswire.schema.RawArticle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushServerTest {
  @TempDir Path dir;
  TestIntake test;
  PushServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    test = new TestIntake(dir);
    server = new PushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), test.intake, "s3cret", 2048);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> post(String body, String contentType, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsOneArticleABatchOrJsonLinesOnceKafkaHasThem() throws Exception {
    HttpResponse<String> one = post("{\"title\":\"Tram line opens\",\"body\":\"The new tram line opened.\","
        + "\"url\":\"https://city.example/tram\"}", "application/json", "s3cret");
    assertThat(one.statusCode()).isEqualTo(202);
    assertThat(one.body()).contains("\"published\":1");

    HttpResponse<String> batch = post("[{\"body\":\"First.\"},{\"body\":\"Second.\"}]", "application/json", "s3cret");
    assertThat(batch.statusCode()).isEqualTo(202);
    HttpResponse<String> lines = post("{\"body\":\"Third.\"}\n{\"body\":\"First.\"}\n", "application/x-ndjson", "s3cret");
    assertThat(lines.body()).contains("\"published\":1", "\"skipped\":1");
    assertThat(test.published()).extracting(RawArticle::getBody).containsExactly("The new tram line opened.", "First.",
        "Second.", "Third.");
  }

  @Test
  void invalidInputIs400WithTheReasonAndIsDeadLettered() throws Exception {
    HttpResponse<String> notJson = post("{\"title\": ", "application/json", "s3cret");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");

    HttpResponse<String> noBody = post("[{\"body\":\"Fine.\"},{\"title\":\"No body\"}]", "application/json", "s3cret");
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(noBody.body()).contains("1 of 2 articles are invalid", "item 1", "no \\\"body\\\"");
    assertThat(test.published()).isEmpty();
    assertThat(test.deadLettered()).hasSize(2);
  }

  @Test
  void withoutTheTokenIs401AndTooLargeIs413() throws Exception {
    assertThat(post("{\"body\":\"x\"}", "application/json", null).statusCode()).isEqualTo(401);
    assertThat(post("{\"body\":\"x\"}", "application/json", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> large = post("{\"body\":\"" + "x".repeat(5000) + "\"}", "application/json", "s3cret");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(large.body()).contains("2048-byte limit");
    assertThat(test.published()).isEmpty();
    // Dead-lettered with the head of the request only, and the reason.
    assertThat(test.deadLettered()).singleElement().satisfies(l -> {
      assertThat(l.getErrorMessage()).contains("2048-byte limit");
      assertThat(l.getValue().remaining()).isLessThanOrEqualTo(io.newswire.topics.RecordSizes.REFUSED_HEAD_BYTES);
    });
  }

  /** An intake whose producer fails every article with the given error, as Kafka would. */
  PushServer failingWith(RuntimeException error) throws Exception {
    io.newswire.registry.InMemorySchemaRegistry.drop("push-failing");
    var topics = io.newswire.topics.Topics.create(java.util.Map.of("schema.registry.url", "mock://push-failing"));
    var articles = new org.apache.kafka.clients.producer.MockProducer<String, RawArticle>(true, null,
        topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer()) {
      @Override
      public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
          org.apache.kafka.clients.producer.ProducerRecord<String, RawArticle> record,
          org.apache.kafka.clients.producer.Callback callback) {
        callback.onCompletion(null, error);
        return java.util.concurrent.CompletableFuture.failedFuture(error);
      }
    };
    var deadLetters = new org.apache.kafka.clients.producer.MockProducer<String, io.newswire.schema.DeadLetter>(true,
        null, topics.deadLetters.keySerde().serializer(), topics.deadLetters.valueSerde().serializer());
    var intake = new io.newswire.ingest.Intake(new io.newswire.ingest.Normaliser(),
        new io.newswire.ingest.publish.ArticlePublisher(articles, deadLetters, topics, 10),
        io.newswire.ingest.SeenArticles.inMemory(), new io.newswire.ingest.Quarantine(dir));
    PushServer failing = new PushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), intake, null, 1 << 20);
    failing.start();
    return failing;
  }

  HttpResponse<String> postTo(PushServer to, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/articles"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onlyWhatARetryCanFixIs503() throws Exception {
    try (PushServer tooLarge = failingWith(new org.apache.kafka.common.errors.RecordTooLargeException("too large"))) {
      HttpResponse<String> r = postTo(tooLarge, "{\"body\":\"Big.\"}");
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    }
    try (PushServer invalid = failingWith(new org.apache.kafka.common.errors.SerializationException("bad"))) {
      assertThat(postTo(invalid, "{\"body\":\"Odd.\"}").statusCode()).isEqualTo(400);
    }
    try (PushServer down = failingWith(new org.apache.kafka.common.errors.TimeoutException("no broker"))) {
      HttpResponse<String> r = postTo(down, "{\"body\":\"Later.\"}");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).contains("30");
    }
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
