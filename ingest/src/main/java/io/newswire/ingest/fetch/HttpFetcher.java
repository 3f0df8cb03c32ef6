package io.newswire.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * GET for feeds and pages, politely and defensively: conditional requests (ETag / If-Modified-Since), gzip,
 * redirects, a user agent, per-host limits, a deadline on the whole exchange (so a slow server cannot hold a
 * thread), and a cap on the (decompressed) size.
 */
public final class HttpFetcher {
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fetch-deadlines");
    t.setDaemon(true);
    return t;
  });

  /** An answer: 200 with a body, 304 without, or an error status with Retry-After when the server sent one. */
  public record Response(int status, byte[] body, String contentType, String etag, String lastModified,
      Duration retryAfter, URI uri) {}

  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final long maxBytes;
  private final HostLimiter limiter;
  private final String agent;

  public HttpFetcher(String userAgent, Duration timeout, long maxBytes, HostLimiter limiter) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.userAgent = userAgent;
    // robots.txt groups name a crawler by its product token: "Newswire" in "Newswire/0.2 (feed reader)".
    this.agent = userAgent.split("[/ ]", 2)[0].toLowerCase(java.util.Locale.ROOT);
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.limiter = limiter;
  }

  /**
   * Fetches a URL, after checking the host's robots.txt (fetched once a day per host): a disallowed path is a
   * permanent error, a Crawl-delay slows every request to that host down.
   */
  public Response get(URI uri, String etag, String lastModified) throws FetchException, InterruptedException {
    if (!"/robots.txt".equals(uri.getPath())) {
      crawlercommons.robots.BaseRobotRules rules = robots(uri);
      if (!rules.isAllowed(uri.toString())) {
        throw new FetchException(uri + " is disallowed for " + agent + " by its robots.txt", false, null);
      }
    }
    return fetch(uri, etag, lastModified);
  }

  private record Robots(crawlercommons.robots.BaseRobotRules rules, long fetchedAt) {}

  private final java.util.Map<String, Robots> robots = new java.util.concurrent.ConcurrentHashMap<>();
  private static final crawlercommons.robots.SimpleRobotRulesParser ROBOTS = new crawlercommons.robots.SimpleRobotRulesParser();

  /** The host's robots.txt rules: its file when it has one, everything allowed without (4xx), nothing on 5xx. */
  private crawlercommons.robots.BaseRobotRules robots(URI uri) throws InterruptedException {
    String site = uri.getScheme() + "://" + uri.getRawAuthority();
    Robots known = robots.get(site);
    if (known != null && System.currentTimeMillis() - known.fetchedAt() < 24 * 3600 * 1000L) {
      return known.rules();
    }
    URI file = URI.create(site + "/robots.txt");
    crawlercommons.robots.BaseRobotRules rules;
    try {
      Response response = fetch(file, null, null);
      rules = response.status() == 200
          ? ROBOTS.parseContent(file.toString(), response.body(), response.contentType(), java.util.List.of(agent))
          : ROBOTS.failedFetch(response.status());
    } catch (FetchException unreachable) {
      // Unreachable robots.txt: the request itself will say what is wrong with the host.
      rules = new crawlercommons.robots.SimpleRobotRules(crawlercommons.robots.SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }
    if (rules.getCrawlDelay() > 0) {
      limiter.slowDown(uri.getHost() == null ? "" : uri.getHost(), rules.getCrawlDelay());
    }
    robots.put(site, new Robots(rules, System.currentTimeMillis()));
    return rules;
  }

  private Response fetch(URI uri, String etag, String lastModified) throws FetchException, InterruptedException {
    String host = uri.getHost() == null ? "" : uri.getHost();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Accept-Encoding", "gzip")
        .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
            + " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    limiter.acquire(host);
    try {
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body = response.statusCode() == 304 ? new byte[0] : read(uri, response);
      return new Response(response.statusCode(), body,
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
          response.uri());
    } catch (HttpTimeoutException e) {
      throw new FetchException(uri + " did not answer within " + timeout.toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new FetchException(uri + " could not be fetched: " + e, true, e);
    } finally {
      limiter.release(host);
    }
  }

  private byte[] read(URI uri, HttpResponse<InputStream> response) throws IOException, FetchException {
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      response.body().close();
      throw new FetchException(uri + " answered with " + declared + " bytes, over the " + maxBytes
          + "-byte limit (ingest.max.bytes)", false, null);
    }
    InputStream raw = response.body();
    // The request timeout covers the headers only; this deadline covers the body too.
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      try {
        raw.close();
      } catch (IOException ignored) {
        // closing is all we want
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    long started = System.nanoTime();
    try (InputStream in = "gzip".equalsIgnoreCase(response.headers().firstValue("Content-Encoding").orElse(""))
        ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw new FetchException(uri + " sent more than the " + maxBytes + "-byte limit (ingest.max.bytes)", false, null);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (System.nanoTime() - started >= timeout.toNanos() - TimeUnit.MILLISECONDS.toNanos(50)) {
        throw new FetchException(uri + " was too slow: the body did not arrive within " + timeout.toMillis() + " ms",
            true, e);
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), at);
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}
