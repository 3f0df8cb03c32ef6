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
    assertThat(post("{\"body\":\"" + "x".repeat(5000) + "\"}", "application/json", "s3cret").statusCode()).isEqualTo(413);
    assertThat(test.published()).isEmpty();
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
