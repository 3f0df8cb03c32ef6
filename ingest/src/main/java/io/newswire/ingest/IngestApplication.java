package io.newswire.ingest;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.feeds.FeedList;
import io.newswire.ingest.feeds.FeedPoller;
import io.newswire.ingest.feeds.FeedState;
import io.newswire.ingest.feeds.FeedSubscription;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.ingest.files.FileIngest;
import io.newswire.ingest.http.PushServer;
import io.newswire.ops.OpsServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Ingest as an application, one method per way of running it: settings checked and topics checked (by {@link
 * IngestContext}), /metrics, /health and /ready on {@code ingest.ops.port} for the long-running ones, and
 * everything flushed and closed at the end, so what was acknowledged is remembered as published.
 */
public final class IngestApplication {
  private IngestApplication() {}

  /** Publishes the articles of files, folders and globs once; {@code progress} gets (done, total). */
  public static IngestSummary files(NewswireConfig config, List<String> paths, BiConsumer<Integer, Integer> progress) {
    try (IngestContext context = new IngestContext(config)) {
      return new FileIngest(new ArticleFiles(context.maxBytes()), context.intake()).run(paths, progress);
    }
  }

  /** Publishes the files' articles, then new and changed files as they appear, until {@code stop} says so. */
  public static IngestSummary follow(NewswireConfig config, List<String> paths, BooleanSupplier stop)
      throws InterruptedException {
    try (IngestContext context = new IngestContext(config); var ops = ops(config)) {
      return new FileIngest(new ArticleFiles(context.maxBytes()), context.intake())
          .follow(paths, config.getInt(NewswireConfig.INGEST_FOLLOW_INTERVAL_SECONDS) * 1000L, stop, (d, t) -> { });
    }
  }

  /** Polls every feed of the feeds file (or OPML export) once; {@code progress} gets (done, total). */
  public static IngestSummary feedsOnce(NewswireConfig config, Path feedsFile, BiConsumer<Integer, Integer> progress)
      throws java.io.IOException, InterruptedException {
    try (IngestContext context = new IngestContext(config)) {
      return poller(config, feedsFile, context).pollOnce(progress);
    }
  }

  /** Polls the feeds, each at its interval, until {@code stop} says so. */
  public static IngestSummary feeds(NewswireConfig config, Path feedsFile, BooleanSupplier stop)
      throws java.io.IOException, InterruptedException {
    try (IngestContext context = new IngestContext(config); var ops = ops(config)) {
      return poller(config, feedsFile, context).run(stop);
    }
  }

  /** The number of feeds a feeds file lists. */
  public static int feedCount(NewswireConfig config, Path feedsFile) throws java.io.IOException {
    return subscriptions(config, feedsFile).size();
  }

  /** The HTTP push endpoint, started; {@link Server#close()} stops it and flushes what was accepted. */
  public static Server serve(NewswireConfig config, String host, int port) throws java.io.IOException {
    IngestContext context = new IngestContext(config);
    PushServer push = new PushServer(new InetSocketAddress(host, port), context.intake(),
        config.get(NewswireConfig.INGEST_HTTP_TOKEN), context.maxBytes(), tls(config));
    Ops ops = ops(config);
    push.start();
    return new Server(push, context, ops);
  }

  /** A running push endpoint. */
  public record Server(PushServer push, IngestContext context, Ops ops) implements AutoCloseable {
    public int port() {
      return push.port();
    }

    @Override
    public void close() {
      ops.close();
      push.close();
      context.close();
    }
  }

  /** Ingest's probes: up while the process runs (its sources retry on their own). */
  public record Ops(OpsServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The push endpoint's TLS from {@code ingest.http.ssl.*}, or null for plain http. */
  static javax.net.ssl.SSLContext tls(NewswireConfig config) {
    String location = config.get(NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_LOCATION);
    if (location == null || location.isBlank()) {
      return null;
    }
    char[] password = config.get(NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_PASSWORD).toCharArray();
    try (var in = java.nio.file.Files.newInputStream(Path.of(location))) {
      java.security.KeyStore store = java.security.KeyStore.getInstance(config.get(NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_TYPE));
      store.load(in, password);
      javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
          javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot serve https with the key store " + location + " ("
          + NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_LOCATION + "): " + e.getMessage(), e);
    }
  }

  private static Ops ops(NewswireConfig config) {
    return new Ops(OpsServer.startOn(config.get(NewswireConfig.HTTP_HOST), config.getInt(NewswireConfig.INGEST_OPS_PORT),
        NewswireConfig.INGEST_OPS_PORT, () -> new OpsServer.Check(true, "running"),
        () -> new OpsServer.Check(true, "running")));
  }

  private static List<FeedSubscription> subscriptions(NewswireConfig config, Path feedsFile) throws java.io.IOException {
    return FeedList.read(feedsFile, Duration.ofSeconds(config.getInt(NewswireConfig.INGEST_FEED_INTERVAL_SECONDS)));
  }

  private static FeedPoller poller(NewswireConfig config, Path feedsFile, IngestContext context)
      throws java.io.IOException {
    return new FeedPoller(subscriptions(config, feedsFile), context.fetcher(), context.intake(),
        FeedState.open(context.stateDir().resolve("feeds.json")), Clock.systemUTC(), 4);
  }
}
