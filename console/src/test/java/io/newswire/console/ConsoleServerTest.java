package io.newswire.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleServerTest {
  @Test
  void formDatesIncludeTheWholeEndDay() {
    assertThat(ConsoleServer.day("2026-03-01", Instant.EPOCH)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(ConsoleServer.day("2026-03-01", null)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(ConsoleServer.day("", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    assertThat(ConsoleServer.day(null, null)).isAfter(Instant.now());
    assertThat(ConsoleServer.day("2026-03-01T12:00:00Z", null)).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThatThrownBy(() -> ConsoleServer.day("yesterday", null)).isInstanceOf(java.time.DateTimeException.class);
  }

  @Test
  void queryParametersAreDecoded() {
    assertThat(io.newswire.ops.OpsServer.params("q=red+cross&entity=%C3%89lys%C3%A9e&x")).containsEntry("q", "red cross")
        .containsEntry("entity", "Élysée").doesNotContainKey("x");
  }

  @Test
  void servesThePageRevalidatesItAndSaysWhatIsMissing() throws Exception {
    io.newswire.config.NewswireConfig config = io.newswire.config.NewswireConfig.of(java.util.Map.of(
        "bootstrap.servers", "127.0.0.1:1", "schema.registry.url", "http://127.0.0.1:1"));
    LiveFeed feed = new LiveFeed(config); // not started: these answers need no broker
    ConsoleServer server = new ConsoleServer("127.0.0.1", 0, feed, filter -> {
      throw new IllegalStateException("no store");
    }, "http://127.0.0.1:1");
    try {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      var page = get(http, base + "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Newswire console</title>");
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
      String etag = page.headers().firstValue("ETag").orElseThrow();
      var again = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).header("If-None-Match", etag)
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(get(http, base + "/world.json").body()).contains("\"land\"");
      assertThat(get(http, base + "/nothing").statusCode()).isEqualTo(404);
      assertThat(get(http, base + "/api/nothing").statusCode()).isEqualTo(404);
      var trends = get(http, base + "/api/trends?window=1h");
      assertThat(trends.statusCode()).isEqualTo(502);
      assertThat(trends.body()).contains("enrich does not answer at http://127.0.0.1:1");
      assertThat(get(http, base + "/api/trends?window=2h").statusCode()).isEqualTo(400);
      var search = get(http, base + "/api/search?q=x");
      assertThat(search.statusCode()).isEqualTo(502);
      assertThat(search.body()).contains("no store");
      assertThat(get(http, base + "/api/search?from=yesterday").statusCode()).isEqualTo(400);
      var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/articles"))
          .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    } finally {
      server.close();
    }
  }

  static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws Exception {
    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aReaderThatCannotReachKafkaSaysSoAndKeepsTrying() throws Exception {
    io.newswire.config.NewswireConfig config = io.newswire.config.NewswireConfig.of(java.util.Map.of(
        "bootstrap.servers", "127.0.0.1:1", "schema.registry.url", "http://127.0.0.1:1",
        "default.api.timeout.ms", "300", "request.timeout.ms", "300"));
    LiveFeed feed = new LiveFeed(config);
    ConsoleServer server = new ConsoleServer("127.0.0.1", 0, feed, filter -> null, "http://127.0.0.1:1");
    feed.start();
    try {
      long until = System.nanoTime() + 20_000_000_000L;
      while (feed.failure() == null && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(feed.failure()).isNotNull();
      var health = get(java.net.http.HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port() + "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"");
      Thread.sleep(1500); // past the first wait: still trying
      assertThat(feed.reading()).isTrue();
    } finally {
      server.close();
      feed.close();
    }
    assertThat(feed.reading()).isFalse();
  }

  @Test
  void theAssetsAreThere() {
    for (String name : new String[] {"index.html", "console.js", "console.css", "world.json"}) {
      assertThat(ConsoleServer.class.getResource("web/" + name)).as(name).isNotNull();
    }
  }
}
