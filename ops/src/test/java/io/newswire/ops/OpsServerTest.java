package io.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> get(OpsServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesFollowTheServiceAndMetricsAreInPrometheusFormat() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (OpsServer server = OpsServer.start("127.0.0.1", 0, () -> new OpsServer.Check(true, "running"),
        () -> new OpsServer.Check(ready.get(), ready.get() ? "processing" : "store unavailable, retrying"))) {
      assertThat(get(server, "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(server, "/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("store unavailable");
      ready.set(true);
      assertThat(get(server, "/ready").statusCode()).isEqualTo(200);

      Metrics.articles("sink", "written").increment(3);
      Metrics.deadLetters("sink").increment();
      Metrics.latency("sink", Duration.ofMillis(250));
      String metrics = get(server, "/metrics").body();
      assertThat(metrics).contains("newswire_articles_total{application=\"newswire\",outcome=\"written\",stage=\"sink\"} 3.0")
          .contains("newswire_deadletters_total{application=\"newswire\",stage=\"sink\"} 1.0")
          .contains("newswire_latency_seconds").contains("jvm_memory_used_bytes");

      server.route("/boom", x -> {
        throw new IllegalStateException("went wrong");
      });
      HttpResponse<String> boom = get(server, "/boom");
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.body()).contains("went wrong");
      assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
  }
}
