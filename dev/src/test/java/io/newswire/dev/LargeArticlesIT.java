package io.newswire.dev;

import io.newswire.cli.TopicsCommand;
import io.newswire.sink.SinkApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.ingest.IngestContext;
import io.newswire.ingest.http.PushServer;
import io.newswire.stack.LocalStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One size limit, end to end, on the real stack: articles of 0.9, 1.5, 5 and 9.9 MB pushed over HTTP with the
 * default ingest.max.bytes (10 MB) are published, enriched and stored, and a small article sent after them
 * still flows; 10.5 MB is refused with 413. Before the limit was derived everywhere, a 1 MB article stopped
 * enrich on every partition and a 3 MB one was answered 503 for ever.
 */
class LargeArticlesIT {
  static final Map<String, Double> SIZES_MB = new LinkedHashMap<>();

  static {
    SIZES_MB.put("0.9", 0.9);
    SIZES_MB.put("1.5", 1.5);
    SIZES_MB.put("5", 5.0);
    SIZES_MB.put("9.9", 9.9);
  }

  /**
   * A body of about {@code bytes} bytes: sentences of made-up words and case numbers, so it has many distinct
   * words as real long documents do (a tsvector of those once overflowed PostgreSQL's 1 MB limit).
   */
  static String body(long bytes, long seed) {
    Random random = new Random(seed);
    String[] syllables = {"ka", "lo", "mi", "ra", "ten", "vo", "shu", "pe", "dri", "nam", "ost", "ul"};
    StringBuilder out = new StringBuilder((int) bytes + 200);
    while (out.length() < bytes) {
      out.append("Officials in Lagos said the ");
      for (int w = 0; w < 6; w++) {
        int n = 2 + random.nextInt(3);
        for (int s = 0; s < n; s++) {
          out.append(syllables[random.nextInt(syllables.length)]);
        }
        out.append(' ');
      }
      out.append("case ").append(1_000_000 + random.nextInt(9_000_000)).append(" was closed.");
      out.append(random.nextInt(8) == 0 ? "\n\n" : " ");
    }
    return out.toString();
  }

  static String json(String title, String body) {
    return "{\"title\":\"" + title + "\",\"body\":\"" + body.replace("\n", "\\n") + "\"}";
  }

  @Test
  void articlesUpToTheLimitFlowIntoPostgresAndLargerOnesAre413(@TempDir java.nio.file.Path dir) throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "large-" + System.nanoTime();
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run,
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run).toString(),
        NewswireConfig.SINK_GROUP_ID, run + "-sink",
        NewswireConfig.INGEST_STATE_DIR, dir.resolve("ingest").toString(),
        NewswireConfig.INGEST_QUARANTINE_DIR, dir.resolve("quarantine").toString(),
        NewswireConfig.SINK_HTTP_PORT, "-1",
        NewswireConfig.ENRICH_HTTP_PORT, "-1"));
    TopicsCommand.ensure(config); // also raises max.message.bytes of topics earlier tests created
    HttpClient http = HttpClient.newHttpClient();
    try (EnrichApplication enrich = new EnrichApplication(config, new NewswireTagger());
        SinkApplication sink = new SinkApplication(config);
        IngestContext ingest = new IngestContext(config)) {
      enrich.start();
      PushServer server = new PushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ingest.intake(),
          null, ingest.maxBytes());
      server.start();
      try {
        Map<String, Long> bodies = new LinkedHashMap<>();
        long seed = 1;
        for (var size : SIZES_MB.entrySet()) {
          String body = body((long) (size.getValue() * 1_000_000), seed++);
          String title = run + " " + size.getKey() + " MB";
          HttpResponse<String> answer = post(http, server, json(title, body));
          assertThat(answer.statusCode()).as(size.getKey() + " MB: " + answer.body()).isEqualTo(202);
          bodies.put(title, (long) body.strip().length());
        }
        assertThat(post(http, server, json(run + " small", "Officials in Lagos said the river fell.")).statusCode())
            .isEqualTo(202);
        HttpResponse<String> over = post(http, server, json(run + " over", body(10_500_000, 9)));
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("ingest.max.bytes");

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2))
            .until(() -> count("SELECT count(*) FROM articles WHERE title LIKE '" + run + " %'", stack) == 5);
        for (var b : bodies.entrySet()) {
          assertThat(count("SELECT length(body) FROM articles WHERE title = '" + b.getKey() + "'", stack))
              .as(b.getKey()).isEqualTo(b.getValue());
        }
        assertThat(count("SELECT count(*) FROM articles WHERE title LIKE '" + run + " %' AND search @@"
            + " to_tsquery('english', 'officials & lagos')", stack)).isEqualTo(5);
      } finally {
        server.close();
      }
    }
  }

  static HttpResponse<String> post(HttpClient http, PushServer server, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static long count(String sql, LocalStack stack) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }
}
