package io.newswire.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswire.sink.ArticleFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP side, on the JDK's own server: the page and its assets from the classpath, and a small JSON
 * API the page reads. {@code /api/stream} is Server-Sent Events: one {@code article}, {@code retract},
 * {@code alert} or {@code watch} event per change, and a comment every 15 s so proxies keep the connection.
 */
final class ConsoleServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
  /** Most live streams at once: each holds a thread. */
  static final int MAX_STREAMS = 64;
  private static final Map<String, String> ASSETS = Map.of(
      "/", "index.html", "/console.js", "console.js", "/console.css", "console.css", "/world.json", "world.json");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json");

  private static final Map<String, byte[]> ASSET_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

  /** Answers a search; PostgreSQL or OpenSearch behind it. */
  interface Search {
    ObjectNode find(ArticleFilter filter) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final LiveFeed feed;
  private final Search search;
  private final String enrichUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger streams = new AtomicInteger();
  private volatile boolean closing;

  ConsoleServer(String host, int port, LiveFeed feed, Search search, String enrichUrl) throws IOException {
    this.feed = feed;
    this.search = search;
    this.enrichUrl = enrichUrl;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "console-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
        send(x, 405, "application/json", "{\"error\":\"the console only reads: GET\"}");
      } else if (ASSETS.containsKey(path)) {
        asset(x, ASSETS.get(path));
      } else if (path.equals("/api/stream")) {
        stream(x);
      } else if (path.startsWith("/api/")) {
        ObjectNode answer = api(path.substring(5), io.newswire.ops.OpsServer.params(x.getRequestURI().getRawQuery()));
        int status = answer.path("status").asInt(200);
        answer.remove("status");
        send(x, status, "application/json", answer.toString());
      } else if (path.equals("/health")) {
        boolean up = feed.failure() == null;
        send(x, up ? 200 : 503, "application/json", ArticleView.JSON.createObjectNode()
            .put("status", up ? "UP" : "DOWN").put("caughtUp", feed.caughtUp()).put("articles", feed.articles().size())
            .put("unreadable", feed.unreadable())
            .put("detail", up ? "reading the topics" : String.valueOf(feed.failure())).toString());
      } else {
        send(x, 404, "application/json", "{\"error\":\"no such page: " + path.replace("\"", "") + "\"}");
      }
    } catch (IOException e) {
      log.debug("console client went away: {}", e.toString());
    } catch (Exception e) {
      log.warn("console request {} failed", x.getRequestURI(), e);
    }
  }

  private ObjectNode api(String what, Map<String, String> q) throws Exception {
    ObjectNode out = ArticleView.JSON.createObjectNode();
    switch (what) {
      case "articles" -> {
        awaitCaughtUp();
        ArrayNode list = out.putArray("articles");
        feed.articles().forEach(list::add);
        out.put("caughtUp", feed.caughtUp());
      }
      case "stories" -> out.set("stories", stories());
      case "trends" -> trends(out, q.getOrDefault("window", "1h"));
      case "watches" -> {
        ArrayNode watches = out.putArray("watches");
        feed.watches().forEach(watches::add);
        ArrayNode alerts = out.putArray("alerts");
        feed.alerts().forEach(alerts::add);
      }
      case "search" -> {
        try {
          ArticleFilter filter = new ArticleFilter(q.get("q"), q.get("entity"), q.get("topic"), q.get("lang"),
              day(q.get("from"), Instant.EPOCH), day(q.get("to"), null), Integer.parseInt(q.getOrDefault("limit", "20")));
          out.setAll(search.find(filter));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
          out.put("status", 400).put("error", e.getMessage());
        } catch (Exception e) {
          log.warn("console search failed", e);
          out.put("status", 502).put("error", "the store did not answer: " + e.getMessage());
        }
      }
      default -> out.put("status", 404).put("error", "no such API: /api/" + what);
    }
    return out;
  }

  /** The first view waits a moment for the feed to read what is there, so it does not show half of it. */
  private void awaitCaughtUp() throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!feed.caughtUp() && feed.failure() == null && System.nanoTime() < until) {
      Thread.sleep(50);
    }
  }

  /** Dates as the form gives them (YYYY-MM-DD, the end day included) or instants; no end: tomorrow. */
  static Instant day(String text, Instant otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise != null ? otherwise : Instant.now().plus(Duration.ofDays(1));
    }
    if (text.length() == 10) {
      LocalDate d = LocalDate.parse(text);
      return (otherwise == null ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return Instant.parse(text);
  }

  /**
   * Stories among the articles held: those with more than one article, largest first, each as enrich's story
   * view knows it (every article, not only those held) when enrich answers, else from the articles held.
   */
  private ArrayNode stories() {
    Map<String, List<ObjectNode>> byStory = new LinkedHashMap<>();
    for (ObjectNode a : feed.articles()) {
      if (a.hasNonNull("storyId")) {
        byStory.computeIfAbsent(a.get("storyId").asText(), k -> new ArrayList<>()).add(a);
      }
    }
    List<Map.Entry<String, List<ObjectNode>>> largest = byStory.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size())).limit(12).toList();
    // enrich is asked about every story at once, not one after another
    List<java.util.concurrent.CompletableFuture<JsonNode>> asked = largest.stream()
        .map(e -> java.util.concurrent.CompletableFuture.supplyAsync(() -> enrich("/stories/"
            + java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8).replace("+", "%20")), threads))
        .toList();
    ArrayNode out = ArticleView.JSON.createArrayNode();
    for (int i = 0; i < largest.size(); i++) {
      Map.Entry<String, List<ObjectNode>> e = largest.get(i);
      JsonNode fromEnrich = asked.get(i).join();
      ObjectNode story = out.addObject().put("storyId", e.getKey());
      ArrayNode members = story.putArray("articles");
      if (fromEnrich != null && fromEnrich.has("articles")) {
        fromEnrich.get("articles").forEach(m -> members.addObject().put("id", m.path("id").asText())
            .put("title", m.path("title").asText()).put("source", m.path("source").asText())
            .put("when", m.path("fetchedAt").asText()).put("copy", m.hasNonNull("duplicateOf")));
      } else {
        e.getValue().forEach(m -> members.addObject().put("id", m.path("id").asText())
            .put("title", m.path("title").asText()).put("source", m.path("source").asText())
            .put("when", m.path("when").asText()).put("copy", m.hasNonNull("duplicateOf")));
      }
      story.put("articleCount", members.size());
    }
    return out;
  }

  /** Enrich's trends for a window: entities and topics, each with its per-bucket series. */
  private void trends(ObjectNode out, String window) {
    if (!window.equals("1h") && !window.equals("24h")) {
      out.put("status", 400).put("error", "window is 1h or 24h");
      return;
    }
    var topicsAsked = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> enrich("/trends?window=" + window + "&type=TOPIC&limit=8"), threads);
    JsonNode all = enrich("/trends?window=" + window + "&limit=60");
    JsonNode topics = topicsAsked.join();
    if (topics == null || all == null) {
      out.put("status", 502).put("error", "enrich does not answer at " + enrichUrl + " (console.enrich.url)");
      return;
    }
    out.put("window", window);
    out.set("topics", topics.path("trends"));
    ArrayNode entities = out.putArray("entities");
    for (JsonNode row : all.path("trends")) {
      if (!"TOPIC".equals(row.path("type").asText()) && entities.size() < 10) {
        entities.add(row);
      }
    }
  }

  /** A GET to enrich's queries; null when it does not answer 200. */
  private JsonNode enrich(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(enrichUrl + path))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? ArticleView.JSON.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void stream(HttpExchange x) throws IOException, InterruptedException {
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      send(x, 503, "application/json", "{\"error\":\"too many live streams open; retry later\"}");
      return;
    }
    // A slow client is dropped rather than allowed to hold the feed: it reconnects and reloads the snapshot.
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(1000);
    BiConsumer<String, String> listener = (event, json) -> {
      if (!queue.offer("event: " + event + "\ndata: " + json + "\n\n")) {
        queue.clear();
        queue.offer("event: reload\ndata: {}\n\n");
      }
    };
    feed.listen(listener);
    try {
      x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      x.getResponseHeaders().set("Cache-Control", "no-cache");
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!closing) {
        String message = queue.poll(15, TimeUnit.SECONDS);
        out.write((message == null ? ": keep-alive\n\n" : message).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } finally {
      feed.unlisten(listener);
      streams.decrementAndGet();
    }
  }

  private void asset(HttpExchange x, String name) throws IOException {
    byte[] body = ASSET_BYTES.computeIfAbsent(name, n -> {
      try (InputStream in = ConsoleServer.class.getResourceAsStream("web/" + n)) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        return null;
      }
    });
    if (body == null) {
      send(x, 404, "text/plain", "missing asset " + name);
      return;
    }
    // Revalidated on every load (a new version shows at once), answered 304 when unchanged.
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length + "\"";
    x.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
    x.getResponseHeaders().set("Cache-Control", "no-cache");
    x.getResponseHeaders().set("ETag", etag);
    // The page loads nothing from elsewhere; the policy makes that a rule the browser enforces.
    x.getResponseHeaders().set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'");
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
      x.sendResponseHeaders(304, -1);
      return;
    }
    x.sendResponseHeaders(200, "HEAD".equals(x.getRequestMethod()) ? -1 : body.length);
    if (!"HEAD".equals(x.getRequestMethod())) {
      x.getResponseBody().write(body);
    }
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    closing = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
