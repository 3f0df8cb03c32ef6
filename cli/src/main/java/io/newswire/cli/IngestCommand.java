package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.IngestContext;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.feeds.FeedList;
import io.newswire.ingest.feeds.FeedPoller;
import io.newswire.ingest.feeds.FeedState;
import io.newswire.ingest.feeds.FeedSubscription;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.ingest.files.FileIngest;
import io.newswire.ingest.http.PushServer;
import io.newswire.topics.Topics;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read articles from files, feeds or HTTP and publish them to " + Topics.RAW_ARTICLES + ".",
    subcommands = {IngestCommand.Files.class, IngestCommand.Feeds.class, IngestCommand.Serve.class},
    footer = {"", "Each article is published once, keyed by its id (from its canonical URL, or its content): ids are",
        "remembered in ingest.state.dir across restarts. Unreadable input goes to " + Topics.DEAD_LETTERS,
        "with the reason, or to ingest.quarantine.dir if Kafka cannot take it either."})
final class IngestCommand extends CommandGroup {

  @Command(name = "files", mixinStandardHelpOptions = true,
      description = {"Publish articles from files: .txt, .md, .html, .json, .jsonl.",
          "Folders are read recursively; globs such as 'news/**/*.md' are expanded."})
  static final class Files implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs.")
    List<String> paths;

    @Option(names = "--follow", description = "Keep running and ingest new or changed files as they appear.")
    boolean follow;

    @Override
    public Integer call() throws Exception {
      NewswireConfig config = options.load();
      IngestSummary summary;
      if (follow) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          stop.set(true);
          awaitQuietly(done);
        }, "ingest-shutdown"));
        try (IngestContext context = new IngestContext(config);
            var ops = closeable(Ops.start(config, NewswireConfig.INGEST_OPS_PORT, Ingests::up, Ingests::up))) {
          System.err.println("Following " + String.join(", ", paths) + "; Ctrl-C to stop");
          summary = new FileIngest(new ArticleFiles(context.maxBytes()), context.intake())
              .follow(paths, config.getInt(NewswireConfig.INGEST_FOLLOW_INTERVAL_SECONDS) * 1000L, stop::get,
                  (d, t) -> { });
        } finally {
          done.countDown();
        }
      } else {
        summary = ingest(config, paths, new ProgressBar(System.err, "ingest"));
      }
      System.out.println(summary.describe(Topics.DEAD_LETTERS, config.get(NewswireConfig.INGEST_QUARANTINE_DIR)));
      return summary.failedCount() == 0 ? 0 : 2;
    }
  }

  @Command(name = "feeds", mixinStandardHelpOptions = true,
      description = {"Poll RSS 2.0, RSS 1.0 (RDF) and Atom feeds listed in FEEDS_FILE (or an OPML export),",
          "each at its own interval, with conditional requests, backoff on errors and per-host limits.",
          "Feeds file lines: URL [every=10m] [pages=true] [name=\"...\"]"})
  static final class Feeds implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "FEEDS_FILE", description = "Feeds file or .opml file.")
    Path feedsFile;

    @Option(names = "--once", description = "Poll every feed once, then stop.")
    boolean once;

    @Override
    public Integer call() throws Exception {
      NewswireConfig config = options.load();
      List<FeedSubscription> feeds = FeedList.read(feedsFile,
          Duration.ofSeconds(config.getInt(NewswireConfig.INGEST_FEED_INTERVAL_SECONDS)));
      IngestSummary summary;
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(1);
      try (IngestContext context = new IngestContext(config)) {
        FeedPoller poller = new FeedPoller(feeds, context.fetcher(), context.intake(),
            FeedState.open(context.stateDir().resolve("feeds.json")), Clock.systemUTC(), 4);
        if (once) {
          summary = poller.pollOnce(new ProgressBar(System.err, "feeds")::update);
        } else {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            awaitQuietly(done);
          }, "feeds-shutdown"));
          System.err.println("Polling " + feeds.size() + " feeds; Ctrl-C to stop");
          try (var ops = closeable(Ops.start(config, NewswireConfig.INGEST_OPS_PORT, Ingests::up, Ingests::up))) {
            summary = poller.run(stop::get);
          }
        }
      } finally {
        done.countDown();
      }
      System.out.println(summary.describe(Topics.DEAD_LETTERS, config.get(NewswireConfig.INGEST_QUARANTINE_DIR)));
      return summary.failedCount() == 0 ? 0 : 2;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Run the HTTP push endpoint: POST /articles (a JSON object, an array, or JSON Lines),",
          "GET /health. Answers 202 once Kafka has acknowledged the articles."})
  static final class Serve implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--port", description = "Port to listen on (default: ingest.http.port, 8090).")
    Integer port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Override
    public Integer call() throws Exception {
      NewswireConfig config = options.load();
      int listen = port != null ? port : config.getInt(NewswireConfig.INGEST_HTTP_PORT);
      String token = config.get(NewswireConfig.INGEST_HTTP_TOKEN);
      IngestContext context = new IngestContext(config);
      PushServer server = new PushServer(new InetSocketAddress(host, listen), context.intake(), token,
          context.maxBytes());
      CountDownLatch stopped = new CountDownLatch(1);
      io.newswire.ops.OpsServer ops = Ops.start(config, NewswireConfig.INGEST_OPS_PORT, Ingests::up, Ingests::up);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        if (ops != null) {
          ops.close();
        }
        server.close();
        context.close();
        stopped.countDown();
      }, "serve-shutdown"));
      server.start();
      System.err.println("Listening on http://" + host + ":" + server.port() + "/articles"
          + (token.isEmpty() ? " (no token: set ingest.http.token before exposing it)" : " (bearer token required)")
          + "; Ctrl-C to stop");
      stopped.await();
      return 0;
    }
  }

  /** Ingest's probes: up while the process runs (its sources retry on their own). */
  static final class Ingests {
    static io.newswire.ops.OpsServer.Check up() {
      return new io.newswire.ops.OpsServer.Check(true, "running");
    }
  }

  private static AutoCloseable closeable(io.newswire.ops.OpsServer server) {
    return () -> {
      if (server != null) {
        server.close();
      }
    };
  }

  static IngestSummary ingest(NewswireConfig config, List<String> paths, ProgressBar progress) {
    try (IngestContext context = new IngestContext(config)) {
      return new FileIngest(new ArticleFiles(context.maxBytes()), context.intake()).run(paths, progress::update);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
