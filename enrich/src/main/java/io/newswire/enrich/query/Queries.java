package io.newswire.enrich.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.newswire.enrich.EnrichTopology;
import io.newswire.enrich.StoredArticles;
import io.newswire.enrich.stories.StoryView;
import io.newswire.enrich.trends.Trending;
import io.newswire.ops.OpsServer;
import io.newswire.ops.OpsServer.Response;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.TrendCount;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over enrich's state stores, correct with several instances:
 * <ul>
 *   <li>{@code GET /articles/{id}} and {@code GET /stories/{id}}: answered by the instance that owns the key
 *       (Kafka Streams' key metadata), the request forwarded there when it is another one;
 *   <li>{@code GET /trends?window=1h|24h&type=PER|ORG|LOC|MISC|TOPIC&limit=20}: every instance's local
 *       counts for the window that ends with the latest article, merged, highest first; each with its
 *       {@code series}, the counts per window advance (bucket), oldest first.
 * </ul>
 * A forwarded request carries {@value #FORWARDED}, so a key that moved during a rebalance gets a 503 (retry)
 * rather than a loop.
 */
public final class Queries {
  static final String FORWARDED = "X-Newswire-Forwarded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final StoredArticles stored;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public Queries(KafkaStreams streams, HostInfo self, StoredArticles stored) {
    this.stored = stored;
    this.streams = streams;
    this.self = self;
  }

  public void register(OpsServer server) {
    server.route("/articles/", x -> byKey(x, EnrichTopology.ARTICLES_STORE, "/articles/"));
    server.route("/stories/", x -> byKey(x, StoryView.STORE, "/stories/"));
    server.route("/trends", this::trends);
  }

  private Response byKey(HttpExchange exchange, String store, String prefix) throws Exception {
    String key = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(prefix.length()), StandardCharsets.UTF_8);
    if (key.isEmpty()) {
      return Response.json(400, "{\"error\":\"give an id: " + prefix + "{id}\"}");
    }
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return Response.json(503, "{\"error\":\"enrich is " + streams.state() + "; retry shortly\"}");
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (owner == null || owner.activeHost() == null || owner.activeHost().port() < 0) {
      return Response.json(503, "{\"error\":\"no instance owns " + key + " yet; retry shortly\"}");
    }
    if (!owner.activeHost().equals(self)) {
      if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
        return Response.json(503, "{\"error\":\"the owner of " + key + " moved; retry\"}");
      }
      return forward(owner.activeHost(), exchange.getRequestURI().getRawPath());
    }
    if (store.equals(StoryView.STORE)) {
      ReadOnlyKeyValueStore<String, String> stories =
          streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, String>keyValueStore()));
      String story = stories.get(key);
      return story == null ? Response.json(404, "{\"error\":\"no story " + quote(key) + "\"}") : Response.json(200, story);
    }
    ReadOnlyKeyValueStore<String, byte[]> articles = streams.store(StoreQueryParameters.fromNameAndType(
        store, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    EnrichedArticle article = stored.decode(articles.get(key));
    // Avro's JSON rendering of the record, the same shape kcat and the Kafka UI show.
    return article == null ? Response.json(404, "{\"error\":\"no article " + quote(key) + "\"}")
        : Response.json(200, article.toString());
  }

  private Response forward(HostInfo host, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
        .header(FORWARDED, self.host() + ":" + self.port()).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return Response.json(response.statusCode(), response.body());
  }

  private Response trends(HttpExchange exchange) throws Exception {
    Map<String, String> params = OpsServer.params(exchange.getRequestURI().getRawQuery());
    String window = params.getOrDefault("window", "1h");
    Trending.Window w = Trending.WINDOWS.stream().filter(x -> x.name().equals(window)).findFirst().orElse(null);
    if (w == null) {
      return Response.json(400, "{\"error\":\"window must be one of " + Trending.WINDOWS.stream().map(Trending.Window::name).toList() + "\"}");
    }
    String type = params.getOrDefault("type", "").toUpperCase(Locale.ROOT);
    int limit = Integer.parseInt(params.getOrDefault("limit", "20"));
    List<ObjectNode> rows = local(w, type);
    if (!exchange.getRequestHeaders().containsKey(FORWARDED)) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self) && instance.hostInfo().port() >= 0) {
          String query = exchange.getRequestURI().getRawQuery();
          Response remote = forward(instance.hostInfo(), "/trends" + (query == null ? "" : "?" + query.replaceAll("(^|&)limit=\\d+", "") + "&limit=100000"));
          if (remote.status() == 200) {
            JSON.readTree(remote.body()).path("trends").forEach(n -> rows.add((ObjectNode) n));
          }
        }
      }
    }
    rows.sort((a, b) -> Long.compare(b.get("articles").asLong(), a.get("articles").asLong()));
    ObjectNode out = JSON.createObjectNode();
    out.put("window", window);
    ArrayNode list = out.putArray("trends");
    rows.stream().limit(limit).forEach(list::add);
    return Response.json(200, JSON.writeValueAsString(out));
  }

  /** This instance's counts for the latest window of that size, filtered by type (PER ... MISC, TOPIC). */
  private List<ObjectNode> local(Trending.Window w, String type) {
    List<ObjectNode> rows = new ArrayList<>();
    if (streams.metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
        .noneMatch(t -> t.topicPartitions().stream().anyMatch(p -> p.topic().endsWith("trend-articles-repartition")))) {
      return rows; // the counts live in one task, which another instance runs
    }
    ReadOnlyKeyValueStore<String, String> store = streams.store(StoreQueryParameters.fromNameAndType(
        Trending.STORE, QueryableStoreTypes.<String, String>keyValueStore()));
    Map<String, long[]> series = Trending.series(store, w);
    for (TrendCount c : Trending.latest(store, w)) {
      String rowType = c.getEntityType() == null ? "TOPIC" : c.getEntityType();
      if (type.isEmpty() || type.equals(rowType)) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", c.getKey());
        n.put("name", c.getName());
        n.put("type", rowType);
        n.put("articles", c.getArticles());
        n.put("windowStart", c.getWindowStart().toString());
        n.put("windowEnd", c.getWindowEnd().toString());
        ArrayNode counts = n.putArray("series"); // per bucket, oldest first: the sparkline
        for (long count : series.getOrDefault(c.getKey(), new long[0])) {
          counts.add(count);
        }
        rows.add(n);
      }
    }
    return rows;
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
