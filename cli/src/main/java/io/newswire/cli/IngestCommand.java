package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.IngestApplication;
import io.newswire.ingest.IngestSummary;
import io.newswire.topics.Topics;
import java.nio.file.Path;
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
public final class IngestCommand extends CommandGroup {

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
        try {
          System.err.println("Following " + String.join(", ", paths) + "; Ctrl-C to stop");
          summary = IngestApplication.follow(config, paths, stop::get);
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
      IngestSummary summary;
      if (once) {
        summary = IngestApplication.feedsOnce(config, feedsFile, new ProgressBar(System.err, "feeds")::update);
      } else {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          stop.set(true);
          awaitQuietly(done);
        }, "feeds-shutdown"));
        try {
          System.err.println("Polling " + IngestApplication.feedCount(config, feedsFile) + " feeds; Ctrl-C to stop");
          summary = IngestApplication.feeds(config, feedsFile, stop::get);
        } finally {
          done.countDown();
        }
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
      boolean token = !config.get(NewswireConfig.INGEST_HTTP_TOKEN).isEmpty();
      IngestApplication.Server server = IngestApplication.serve(config, host, listen);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "serve-shutdown"));
      System.err.println("Listening on " + server.push().scheme() + "://" + host + ":" + server.port() + "/articles"
          + (token ? " (bearer token required)" : " (no token: set ingest.http.token before exposing it)")
          + "; Ctrl-C to stop");
      stopped.await();
      return 0;
    }
  }

  /** Publishes files once, with a progress bar; for the demo and tests too. */
  public static IngestSummary ingest(NewswireConfig config, List<String> paths, ProgressBar progress) {
    return IngestApplication.files(config, paths, progress::update);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
