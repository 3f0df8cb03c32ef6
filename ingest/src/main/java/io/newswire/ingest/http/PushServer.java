package io.newswire.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.Intake;
import io.newswire.ingest.InvalidArticleException;
import io.newswire.ingest.JsonArticle;
import io.newswire.ingest.SourceItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP push endpoint. {@code POST /articles} takes one article as a JSON object, several as a JSON array,
 * or JSON Lines ({@code Content-Type: application/x-ndjson}); it answers 202 once Kafka has acknowledged
 * every article, 400 with the reason for each invalid one (the request is then refused as a whole, and the
 * invalid input dead-lettered), 401 without the bearer token, 413 when the body is over the limit (its head
 * dead-lettered), 503 with {@code Retry-After} only when Kafka is unavailable, which a retry can fix: an
 * article that can never be published is a 4xx, so clients do not retry it for ever. {@code GET /health} answers 200 while the server runs.
 */
public final class PushServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PushServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Intake intake;
  private final byte[] token;
  private final long maxBytes;
  private final IngestSummary summary = new IngestSummary();
  private final String scheme;

  public PushServer(InetSocketAddress address, Intake intake, String token, long maxBytes) throws IOException {
    this(address, intake, token, maxBytes, null);
  }

  /** Over https when {@code tls} is given (its key store holds the server's certificate), else http. */
  public PushServer(InetSocketAddress address, Intake intake, String token, long maxBytes, javax.net.ssl.SSLContext tls)
      throws IOException {
    this.intake = intake;
    this.token = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.maxBytes = maxBytes;
    if (tls == null) {
      this.server = HttpServer.create(address, 64);
    } else {
      com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
      this.server = https;
    }
    this.scheme = tls == null ? "http" : "https";
    this.executor = Executors.newFixedThreadPool(8, r -> new Thread(r, "ingest-http"));
    server.setExecutor(executor);
    server.createContext("/articles", this::articles);
    server.createContext("/health", this::health);
    server.createContext("/", exchange -> reply(exchange, 404, error("No such endpoint; POST /articles or GET /health")));
  }

  public void start() {
    server.start();
    log.info("Listening on {}://{}:{}/articles", scheme, server.getAddress().getHostString(), port());
  }

  /** http or https. */
  public String scheme() {
    return scheme;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public IngestSummary summary() {
    return summary;
  }

  private void health(HttpExchange exchange) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("status", "UP")
        .put("published", summary.publishedCount()).put("skipped", summary.skippedCount())
        .put("failed", summary.failedCount());
    reply(exchange, 200, body);
  }

  private void articles(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        reply(exchange, 405, error("Use POST to send articles"));
        return;
      }
      if (token != null && !authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        reply(exchange, 401, error("Missing or wrong bearer token (Authorization: Bearer <ingest.http.token>)"));
        return;
      }
      String origin = "http " + exchange.getRemoteAddress().getAddress().getHostAddress();
      Body request = readCapped(exchange);
      byte[] body = request.bytes();
      if (request.over()) {
        String message = "Request body over the " + maxBytes + "-byte limit (ingest.max.bytes)";
        intake.accept(new SourceItem.Unreadable(origin, java.util.Arrays.copyOf(body,
            Math.min(body.length, io.newswire.topics.RecordSizes.REFUSED_HEAD_BYTES)), new InvalidArticleException(message)),
            summary).join();
        reply(exchange, 413, error(message + "; the head of the request was dead-lettered"));
        return;
      }
      List<SourceItem> items = items(origin, body, exchange.getRequestHeaders().getFirst("Content-Type"));
      List<SourceItem.Unreadable> invalid = items.stream()
          .filter(i -> i instanceof SourceItem.Unreadable).map(i -> (SourceItem.Unreadable) i).toList();
      if (!invalid.isEmpty()) {
        ArrayNode errors = JSON.createArrayNode();
        for (SourceItem.Unreadable bad : invalid) {
          errors.add(JSON.createObjectNode().put("item", bad.origin()).put("error", bad.reason().getMessage()));
          intake.accept(bad, summary).join();
        }
        ObjectNode answer = error(invalid.size() + " of " + items.size() + " articles are invalid; nothing was"
            + " published. Fix them and send the request again.");
        answer.set("errors", errors);
        reply(exchange, 400, answer);
        return;
      }
      List<CompletableFuture<Intake.Result>> results = new ArrayList<>();
      for (SourceItem item : items) {
        results.add(intake.accept(item, summary));
      }
      intake.flush();
      ArrayNode ids = JSON.createArrayNode();
      int published = 0;
      int skipped = 0;
      List<Intake.Result> failed = new ArrayList<>();
      for (CompletableFuture<Intake.Result> result : results) {
        Intake.Result r = result.join();
        ids.add(r.id());
        switch (r.outcome()) {
          case PUBLISHED -> published++;
          case SKIPPED -> skipped++;
          default -> failed.add(r);
        }
      }
      if (!failed.isEmpty()) {
        ArrayNode errors = JSON.createArrayNode();
        failed.forEach(r -> errors.add(JSON.createObjectNode().put("id", r.id()).put("error", r.reason())));
        ObjectNode answer;
        int status;
        if (failed.stream().anyMatch(Intake.Result::retriable)) {
          exchange.getResponseHeaders().add("Retry-After", "30");
          status = 503;
          answer = error("Kafka did not acknowledge every article; the failed ones were set aside with the reason."
              + " Retry later: articles already published are skipped.");
        } else {
          status = failed.stream().allMatch(Intake.Result::tooLarge) ? 413 : 400;
          answer = error(failed.size() + " of " + items.size() + " articles can never be published (dead-lettered"
              + " with the reason); do not send them again as they are.");
        }
        answer.set("errors", errors);
        reply(exchange, status, answer);
        return;
      }
      ObjectNode answer = JSON.createObjectNode().put("accepted", items.size()).put("published", published)
          .put("skipped", skipped);
      answer.set("ids", ids);
      reply(exchange, 202, answer);
    } catch (RuntimeException e) {
      log.error("Unexpected failure handling a request", e);
    }
  }

  /** The articles of a request: an object, an array, or JSON Lines; anything unreadable becomes an Unreadable item. */
  static List<SourceItem> items(String origin, byte[] body, String contentType) {
    List<SourceItem> items = new ArrayList<>();
    if (contentType != null && (contentType.contains("ndjson") || contentType.contains("jsonlines"))) {
      String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          items.add(item(origin + " line " + (i + 1), lines[i].getBytes(StandardCharsets.UTF_8)));
        }
      }
      return items;
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of(new SourceItem.Unreadable(origin, body, new InvalidArticleException(
          "The body is not valid JSON: " + e.getMessage().split("\n")[0])));
    }
    if (root != null && root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        JsonNode node = root.get(i);
        items.add(draftOrError(origin + " item " + i, node, node.toString().getBytes(StandardCharsets.UTF_8)));
      }
      if (items.isEmpty()) {
        items.add(new SourceItem.Unreadable(origin, body, new InvalidArticleException("The array holds no articles")));
      }
      return items;
    }
    items.add(draftOrError(origin, root, body));
    return items;
  }

  private static SourceItem item(String origin, byte[] raw) {
    try {
      return draftOrError(origin, JSON.readTree(raw), raw);
    } catch (IOException e) {
      return new SourceItem.Unreadable(origin, raw, new InvalidArticleException("Not valid JSON: "
          + e.getMessage().split("\n")[0]));
    }
  }

  private static SourceItem draftOrError(String origin, JsonNode node, byte[] raw) {
    try {
      ArticleDraft draft = JsonArticle.draft(origin, node);
      return new SourceItem.Draft(draft);
    } catch (InvalidArticleException e) {
      return new SourceItem.Unreadable(origin, raw, e);
    }
  }

  private boolean authorised(String header) {
    return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
  }

  /** A request body, or only its head when it is {@code over} the limit. */
  private record Body(byte[] bytes, boolean over) {}

  /** The request body; over the limit, its head only: a declared length over the limit is believed, and reading stops. */
  private Body readCapped(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean over = declared != null && Long.parseLong(declared.trim()) > maxBytes;
    long cap = over ? io.newswire.topics.RecordSizes.REFUSED_HEAD_BYTES : maxBytes + 1;
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while (out.size() < cap && (n = in.read(buffer, 0, (int) Math.min(buffer.length, cap - out.size()))) >= 0) {
        out.write(buffer, 0, n);
      }
      boolean tooLarge = over || out.size() > maxBytes;
      if (tooLarge) {
        // Read the rest and drop it (up to a bound), so the client, still sending, gets the 413 rather than a
        // connection reset; beyond the bound the connection is closed.
        long drained = 0;
        int read;
        while (drained < 4 * maxBytes && (read = in.read(buffer)) >= 0) {
          drained += read;
        }
      }
      return new Body(out.toByteArray(), tooLarge);
    }
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.getResponseBody().close();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
  }
}
