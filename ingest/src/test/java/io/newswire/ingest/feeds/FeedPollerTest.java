package io.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.TestIntake;
import io.newswire.ingest.fetch.HostLimiter;
import io.newswire.ingest.fetch.HttpFetcher;
import io.newswire.schema.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a local HTTP server that serves fixture feeds and pages, well and badly. */
class FeedPollerTest {
  @TempDir Path dir;
  HttpServer server;
  TestIntake test;
  FeedState state;
  Map<String, Integer> hits = new ConcurrentHashMap<>();
  List<Long> pageRequestTimes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
    test = new TestIntake(dir.resolve("quarantine"));
    state = FeedState.open(dir.resolve("feeds.json"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.merge(path, 1, Integer::sum);
    switch (path) {
      case "/rss2" -> {
        if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          send(exchange, 304, null, null);
        } else {
          exchange.getResponseHeaders().add("ETag", "\"v1\"");
          send(exchange, 200, "application/rss+xml", FeedParserTest.fixture("rss2.xml"));
        }
      }
      case "/gzip" -> {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
          gzip.write(FeedParserTest.fixture("rdf.xml"));
        }
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        send(exchange, 200, "application/rdf+xml", zipped.toByteArray());
      }
      case "/moved" -> {
        exchange.getResponseHeaders().add("Location", base() + "/atom");
        send(exchange, 301, null, null);
      }
      case "/atom" -> send(exchange, 200, "application/atom+xml", FeedParserTest.fixture("atom.xml"));
      case "/latin1" -> send(exchange, 200, "text/xml; charset=utf-8", FeedParserTest.fixture("latin1.xml"));
      case "/busy" -> {
        exchange.getResponseHeaders().add("Retry-After", "120");
        send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
      }
      case "/slow" -> {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          for (int i = 0; i < 40; i++) {
            out.write("<".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(100);
          }
        } catch (InterruptedException | IOException stopped) {
          // the client gave up, as it should
        }
      }
      case "/huge" -> send(exchange, 200, "application/rss+xml", new byte[200_000]);
      case "/malformed" -> send(exchange, 200, "application/rss+xml", FeedParserTest.fixture("malformed.xml"));
      case "/summaries" -> send(exchange, 200, "application/rss+xml", new String(FeedParserTest.fixture("summaries.xml"),
          StandardCharsets.UTF_8).replace("https://HOST", base()).getBytes(StandardCharsets.UTF_8));
      case "/pages/bridge", "/pages/other" -> {
        pageRequestTimes.add(System.currentTimeMillis());
        send(exchange, 200, "text/html", FeedParserTest.fixture("bridge.html"));
      }
      case "/robots.txt" -> send(exchange, robotsTxt == null ? 404 : 200, "text/plain",
          (robotsTxt == null ? "no" : robotsTxt).getBytes(StandardCharsets.UTF_8));
      case "/news-sitemap" -> send(exchange, 200, "application/xml", ("""
          <?xml version="1.0" encoding="UTF-8"?>
          <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                  xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>BASE/pages/bridge</loc><news:news><news:publication><news:name>Harbour Gazette</news:name>
              <news:language>en</news:language></news:publication>
              <news:publication_date>2026-01-05T08:00:00Z</news:publication_date>
              <news:title>Bridge closes for repairs</news:title></news:news></url>
            <url><loc>BASE/pages/other</loc><news:news><news:publication><news:name>Harbour Gazette</news:name>
              <news:language>en</news:language></news:publication>
              <news:publication_date>2026-01-05T07:00:00Z</news:publication_date>
              <news:title>Second bridge story</news:title></news:news></url>
            <url><loc>BASE/private/secret</loc><news:news><news:publication><news:name>Harbour Gazette</news:name>
              <news:language>en</news:language></news:publication>
              <news:publication_date>2026-01-05T06:00:00Z</news:publication_date>
              <news:title>Not for crawlers</news:title></news:news></url>
          </urlset>""").replace("BASE", base()).getBytes(StandardCharsets.UTF_8));
      default -> send(exchange, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8));
    }
  }

  volatile String robotsTxt;

  @Test
  void newsSitemapsGiveTheirPagesAndRobotsTxtIsObeyed() throws Exception {
    robotsTxt = "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n";
    IngestSummary summary = poller(0, "/news-sitemap").pollOnce((d, t) -> { });

    assertThat(test.published()).extracting(RawArticle::getTitle)
        .containsExactlyInAnyOrder("Bridge closes for repairs", "Second bridge story");
    assertThat(test.published()).allSatisfy(a -> assertThat(a.getBody()).isNotBlank());
    assertThat(hits).doesNotContainKey("/private/secret");
    assertThat(test.deadLettered()).singleElement()
        .satisfies(l -> assertThat(l.getErrorMessage()).contains("disallowed", "robots.txt"));
    assertThat(summary.publishedCount()).isEqualTo(2);
    // Crawl-delay: 1 spaces the two page requests by a second at least
    assertThat(pageRequestTimes).hasSize(2);
    assertThat(Math.abs(pageRequestTimes.get(1) - pageRequestTimes.get(0))).isGreaterThanOrEqualTo(900);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      exchange.getResponseHeaders().add("Content-Type", type);
    }
    exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  FeedPoller poller(long delayMs, String... paths) {
    List<FeedSubscription> feeds = java.util.Arrays.stream(paths)
        .map(p -> new FeedSubscription(URI.create(base() + p), p, Duration.ofMinutes(5), p.equals("/summaries")))
        .toList();
    HttpFetcher fetcher = new HttpFetcher("Newswire-test", Duration.ofMillis(1500), 100_000, new HostLimiter(2, delayMs));
    return new FeedPoller(feeds, fetcher, test.intake, state, Clock.systemUTC(), 4);
  }

  @Test
  void pollsRssRdfAndAtomThroughGzipAndRedirects() throws Exception {
    IngestSummary summary = poller(0, "/rss2", "/gzip", "/moved").pollOnce((d, t) -> { });

    assertThat(summary.publishedCount()).isEqualTo(4);
    assertThat(test.published()).extracting(RawArticle::getTitle).containsExactlyInAnyOrder(
        "Ferry service resumes after winter storms", "Fish market moves to the old customs house",
        "Engineers inspect the valley dam after heavy rain", "Telescope spots a comet on its first night");
    assertThat(test.published()).filteredOn(a -> a.getTitle().startsWith("Ferry")).singleElement()
        .satisfies(a -> assertThat(a.getUrl()).isEqualTo("https://gazette.example/ferry-resumes"));
  }

  @Test
  void aSecondPollIsConditionalAndPublishesNothingTwice() throws Exception {
    poller(0, "/rss2").pollOnce((d, t) -> { });
    IngestSummary second = poller(0, "/rss2").pollOnce((d, t) -> { });

    assertThat(second.publishedCount()).isZero();
    assertThat(state.of(base() + "/rss2").etag).isEqualTo("\"v1\"");
    assertThat(test.published()).hasSize(2);
  }

  @Test
  void aBusyServerIsLeftAloneForItsRetryAfter() throws Exception {
    long before = System.currentTimeMillis();
    poller(0, "/busy").pollOnce((d, t) -> { });
    FeedState.Entry busy = state.of(base() + "/busy");
    assertThat(busy.failures).isEqualTo(1);
    assertThat(busy.nextPollAt - before).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(test.deadLettered()).isEmpty();
  }

  @Test
  void aSlowServerTimesOutAndIsRetriedLater() throws Exception {
    poller(0, "/slow").pollOnce((d, t) -> { });
    assertThat(state.of(base() + "/slow").failures).isEqualTo(1);
    assertThat(test.published()).isEmpty();
  }

  @Test
  void hugeAndMalformedFeedsAreDeadLetteredOncePerError() throws Exception {
    poller(0, "/huge", "/malformed").pollOnce((d, t) -> { });
    poller(0, "/huge", "/malformed").pollOnce((d, t) -> { });

    assertThat(test.deadLettered()).hasSize(2);
    assertThat(test.deadLettered()).anySatisfy(l -> assertThat(l.getErrorMessage()).contains("100000-byte limit"));
    assertThat(test.deadLettered()).anySatisfy(l -> {
      assertThat(l.getOrigin()).endsWith("/malformed");
      assertThat(l.getErrorMessage()).contains("Not a readable RSS/Atom feed");
      assertThat(l.getStage()).isEqualTo("ingest");
    });
  }

  @Test
  void aWrongCharsetHeaderDoesNotGarbleTheText() throws Exception {
    poller(0, "/latin1").pollOnce((d, t) -> { });
    assertThat(test.published()).extracting(RawArticle::getTitle).containsExactly("Café in São Paulo wins award");
  }

  @Test
  void summaryOnlyItemsGetTheirPagesMainText() throws Exception {
    poller(0, "/summaries").pollOnce((d, t) -> { });
    assertThat(test.published()).singleElement().satisfies(a -> assertThat(a.getBody()).isEqualTo(
        "Repairs to the old stone bridge finished two weeks ahead of schedule on Wednesday, the council said.\n\n"
            + "The bridge reopens to cars on Saturday; cyclists may use it from Thursday."));
  }

  @Test
  void requestsToOneHostAreSpacedOut() throws Exception {
    HttpFetcher fetcher = new HttpFetcher("Newswire-test", Duration.ofSeconds(2), 100_000, new HostLimiter(1, 300));
    fetcher.get(URI.create(base() + "/pages/bridge"), null, null);
    fetcher.get(URI.create(base() + "/pages/other"), null, null);
    assertThat(pageRequestTimes.get(1) - pageRequestTimes.get(0)).isGreaterThanOrEqualTo(280);
  }
}
