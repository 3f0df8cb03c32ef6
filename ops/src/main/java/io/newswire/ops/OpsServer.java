package io.newswire.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints every Newswire service exposes, on the JDK's own server: {@code /metrics} (Prometheus
 * text format), {@code /health} (liveness: 200 while the process can do its work at all) and {@code /ready}
 * (readiness: 200 once it is processing), plus whatever routes the service adds (enrich's queries).
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  /** A service's answer to "are you alive / ready?", with a short reason for the response body. */
  public record Check(boolean ok, String detail) {}

  /** Handles a request under a route; returns the response. */
  @FunctionalInterface
  public interface Route {
    Response handle(HttpExchange exchange) throws Exception;
  }

  public record Response(int status, String contentType, String body) {
    public static Response json(int status, String body) {
      return new Response(status, "application/json", body);
    }
  }

  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts on {@code host:port} (port 0: any free port). {@code liveness} and {@code readiness} are asked on
   * every probe.
   */
  /**
   * A stage's /metrics, /health and /ready on the port its setting {@code portKey} names: null when the port is
   * -1 (off); a port taken is an error that says which setting to change.
   */
  public static OpsServer startOn(String host, int port, String portKey, Supplier<Check> liveness,
      Supplier<Check> readiness) {
    if (port < 0) {
      return null;
    }
    try {
      OpsServer server = start(host, port, liveness, readiness);
      System.err.println("metrics and health on http://" + host + ":" + server.port() + "/metrics (/health, /ready)");
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); set "
          + portKey + " to a free port, 0 for any, or -1 for none", e);
    }
  }

  public static OpsServer start(String host, int port, Supplier<Check> liveness, Supplier<Check> readiness)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "newswire-http");
      t.setDaemon(true);
      return t;
    }));
    OpsServer ops = new OpsServer(server);
    ops.route("/metrics", x -> new Response(200, "text/plain; version=0.0.4; charset=utf-8", Metrics.scrape()));
    ops.route("/health", x -> probe(liveness.get()));
    ops.route("/ready", x -> probe(readiness.get()));
    server.start();
    log.info("HTTP endpoints on http://{}:{} (/metrics, /health, /ready)", host, ops.port());
    return ops;
  }

  private static Response probe(Check check) {
    return Response.json(check.ok() ? 200 : 503, "{\"status\":\"" + (check.ok() ? "UP" : "DOWN") + "\",\"detail\":\""
        + check.detail().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }

  public void route(String path, Route route) {
    server.createContext(path, exchange -> {
      Response response;
      try {
        if (!exchange.getRequestMethod().equals("GET")) {
          response = Response.json(405, "{\"error\":\"only GET\"}");
        } else {
          response = route.handle(exchange);
        }
      } catch (Exception e) {
        log.warn("{} failed", exchange.getRequestURI(), e);
        response = Response.json(500, "{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** A request's query string ({@code a=1&b=x%20y}) as decoded names and values; a name without '=' is left out. */
  public static java.util.Map<String, String> params(String rawQuery) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
