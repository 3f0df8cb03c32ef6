package io.newswire.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.config.NewswireConfig;
import io.newswire.sink.postgres.ArticleQueries;
import io.newswire.sink.search.ArticleSearch;
import io.newswire.topics.Topics;

/**
 * The web console: {@link LiveFeed} follows the topics, {@link ConsoleServer} serves the page and its API.
 * Search goes to OpenSearch when {@code sink.store} includes it, else to PostgreSQL; trends and stories come
 * from enrich's queries at {@code console.enrich.url}.
 */
public final class ConsoleApplication implements AutoCloseable {
  private final LiveFeed feed;
  private final ConsoleServer server;
  private final String host;

  public ConsoleApplication(NewswireConfig config) throws java.io.IOException {
    config.checked();
    Topics.requireTopics(config, "console", Topics.ENRICHED_ARTICLES, Topics.ALERTS, Topics.WATCHES);
    this.host = config.get(NewswireConfig.HTTP_HOST);
    String enrichUrl = config.get(NewswireConfig.CONSOLE_ENRICH_URL);
    if (enrichUrl.isBlank()) {
      enrichUrl = "http://127.0.0.1:" + config.getInt(NewswireConfig.ENRICH_HTTP_PORT);
    }
    int port = config.getInt(NewswireConfig.CONSOLE_HTTP_PORT);
    this.feed = new LiveFeed(config);
    try {
      this.server = new ConsoleServer(host, port, feed, search(config), enrichUrl.replaceAll("/+$", ""));
    } catch (java.net.BindException e) {
      throw new IllegalArgumentException("the console cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); set " + NewswireConfig.CONSOLE_HTTP_PORT + " (--port) to a free port, or 0 for any");
    }
    feed.start();
  }

  /** Where a browser finds the page. */
  public String url() {
    return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port() + "/";
  }

  public int port() {
    return server.port();
  }

  static ConsoleServer.Search search(NewswireConfig config) {
    if (config.sinkStores().contains("opensearch")) {
      ArticleSearch search = new ArticleSearch(config.get(NewswireConfig.OPENSEARCH_URL),
          config.get(NewswireConfig.OPENSEARCH_USER), config.get(NewswireConfig.OPENSEARCH_PASSWORD),
          config.get(NewswireConfig.OPENSEARCH_INDEX));
      return filter -> {
        ArticleSearch.Result result = search.find(filter);
        ObjectNode out = ArticleView.JSON.createObjectNode().put("store", "opensearch").put("total", result.total());
        ArrayNode hits = out.putArray("hits");
        result.hits().forEach(h -> {
          ObjectNode hit = hits.addObject().put("id", h.id()).put("title", h.title()).put("url", h.url())
              .put("when", h.when() == null ? null : h.when().toString());
          h.snippets().forEach(hit.withArray("snippets")::add);
        });
        out.set("facets", ArticleView.JSON.valueToTree(result.facets()));
        return out;
      };
    }
    ArticleQueries queries = new ArticleQueries(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
    return filter -> {
      ObjectNode out = ArticleView.JSON.createObjectNode().put("store", "postgres");
      ArrayNode hits = out.putArray("hits");
      for (ArticleQueries.Found f : queries.find(filter)) {
        ObjectNode hit = hits.addObject().put("id", f.id()).put("title", f.title()).put("url", f.url())
            .put("when", f.when() == null ? null : f.when().toString()).put("source", f.source())
            .put("language", f.language());
        f.snippets().forEach(hit.withArray("snippets")::add);
      }
      out.put("total", hits.size());
      return out;
    };
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
    feed.close();
  }
}
