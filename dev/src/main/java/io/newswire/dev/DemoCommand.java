package io.newswire.dev;

import io.newswire.cli.Newswire;
import io.newswire.cli.ProgressBar;
import io.newswire.cli.IngestCommand;
import io.newswire.cli.TopicsCommand;
import io.newswire.cli.EnrichCommand;
import io.newswire.sink.SinkApplication;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.ingest.IngestSummary;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline on a local stack it starts itself; nothing to install.",
        "Starts a Kafka broker, a Schema Registry and PostgreSQL, ingests the sample articles Newswire ships",
        "plus any FILES given, enriches them, writes them to PostgreSQL, prints what was found in each,",
        "and stops."})
final class DemoCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILES", description = "More articles to ingest: files, folders or globs.")
  List<String> files = new ArrayList<>();

  @Option(names = "--keep-running", description = "Leave the stack and the pipeline running after the summary, and serve the web console (its URL is printed).")
  boolean keepRunning;

  @Option(names = "--no-samples", description = "Ingest only the FILES given.")
  boolean noSamples;

  @Option(names = "--dir", defaultValue = ".newswire/demo",
      description = "Where the local servers keep data and logs (emptied on start). Default: ${DEFAULT-VALUE}")
  Path dir;

  @Option(names = "--store", defaultValue = "postgres", paramLabel = "STORE[,STORE]",
      description = "Where the sink writes: postgres, and opensearch and/or parquet beside it (postgres,opensearch starts"
          + " an OpenSearch node too, 6-10 s more). Default: ${DEFAULT-VALUE}")
  String store;

  @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the pipeline. Default: ${DEFAULT-VALUE}")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    say("Starting the local stack in " + dir.toAbsolutePath() + " ...");
    LocalStack stack = LocalStack.start(dir, line -> say("  " + line));
    NewswireConfig config = settingsFor(stack);
    java.util.List<String> stores = java.util.Arrays.stream(store.split(",")).map(String::strip).toList();
    if (!stores.contains("postgres")) {
      throw new IllegalArgumentException("--store must include postgres: the demo prints what it found from there");
    }
    if (stores.contains("opensearch")) {
      config = config.with(Map.of(NewswireConfig.OPENSEARCH_URL, stack.opensearch(line -> say("  " + line)).url()));
    }
    config = config.with(Map.of(NewswireConfig.SINK_STORE, store,
        NewswireConfig.SINK_PARQUET_DIR, stack.dir().resolve("lake").toString())).checked();

    say("Creating topics and registering schemas ...");
    TopicsCommand.ensure(config);

    List<String> inputs = new ArrayList<>(files);
    if (!noSamples) {
      inputs.add(0, extractSamples(stack.dir().resolve("samples")).toString());
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Nothing to ingest: give FILES or drop --no-samples");
    }
    say("Ingesting " + String.join(", ", inputs) + " ...");
    IngestSummary summary = IngestCommand.ingest(config, inputs, new ProgressBar(System.err, "  ingest"));
    say("  " + summary.describe(Topics.DEAD_LETTERS, config.get(NewswireConfig.INGEST_QUARANTINE_DIR)).replace("\n", "\n  "));

    for (var w : new java.util.TreeMap<>(AlertSummaries.DEMO_WATCHES).entrySet()) {
      io.newswire.admin.Watchlist.put(config, io.newswire.watches.WatchFiles.watch(w.getKey(), w.getKey(),
          io.newswire.watches.RuleParser.parse(w.getValue()), 0.0, null, java.time.Instant.now()));
    }
    say("Watching: " + String.join(", ", new java.util.TreeSet<>(AlertSummaries.DEMO_WATCHES.keySet())));

    say("Starting enrich (Kafka Streams, exactly once) and the PostgreSQL sink ...");
    EnrichApplication enrich = new EnrichApplication(config, EnrichCommand.tagger(config));
    enrich.start();
    SinkApplication sink = new SinkApplication(config);
    Runnable stopPipeline = () -> {
      sink.close();
      enrich.close();
    };

    long expected = summary.publishedCount();
    long stored = waitForRows(stack, expected, timeoutSeconds);
    System.out.println();
    System.out.println(ArticleSummaries.render(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword()));
    System.out.println(AlertSummaries.render(AlertSummaries.read(config)));
    if (stores.contains("opensearch")) {
      System.out.println(searchExample(config, expected));
      System.out.println("  OpenSearch        " + config.get(NewswireConfig.OPENSEARCH_URL) + "/"
          + config.get(NewswireConfig.OPENSEARCH_INDEX) + "/_search  (./newswire query search --set sink.store=opensearch"
          + " --set opensearch.url=" + config.get(NewswireConfig.OPENSEARCH_URL) + " WORDS)");
    }
    if (stores.contains("parquet")) {
      System.out.println("  Parquet lake      " + config.get(NewswireConfig.SINK_PARQUET_DIR) + "  (the query in docs/SINK.md)");
    }
    System.out.println(whereThingsLive(stack, enrich.httpPort(), sink.httpPort()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%nDemo: %d articles ingested, %d in PostgreSQL, %d dead-lettered, in %.1f s (stack start %.1f s).%n",
        expected, stored, summary.failedCount() + sink.deadLetteredCount(), seconds, stack.startMillis() / 1000.0);
    if (stored < expected) {
      System.err.println("Not every article reached PostgreSQL within " + timeoutSeconds + " s; logs are in "
          + stack.dir());
    }
    if (keepRunning) {
      io.newswire.console.ConsoleApplication console = new io.newswire.console.ConsoleApplication(config.with(Map.of(
          NewswireConfig.CONSOLE_HTTP_PORT, "0", NewswireConfig.CONSOLE_ENRICH_URL, "http://127.0.0.1:" + enrich.httpPort())));
      System.out.println("\n  Web console       " + console.url());
      System.err.println("\nStill running (--keep-running); Ctrl-C stops the pipeline and the stack.");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          console.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        stopPipeline.run();
      }, "demo-shutdown"));
      new CountDownLatch(1).await();
    }
    say("Stopping ...");
    stopPipeline.run();
    stack.close();
    return stored >= expected ? 0 : 1;
  }

  /** A search in OpenSearch once it holds every article: what 'newswire query search' prints there. */
  private static String searchExample(NewswireConfig config, long expected) throws InterruptedException {
    var search = new io.newswire.sink.search.ArticleSearch(config.get(NewswireConfig.OPENSEARCH_URL), "", "",
        config.get(NewswireConfig.OPENSEARCH_INDEX));
    java.time.Instant from = java.time.Instant.EPOCH;
    java.time.Instant to = java.time.Instant.now().plusSeconds(86_400);
    for (int i = 0; i < 100 && search.search("*", from, to, 0).total() < expected; i++) {
      Thread.sleep(200);
    }
    var result = search.search("officials OR said", from, to, 3);
    StringBuilder out = new StringBuilder("OpenSearch: 'officials OR said' finds " + result.total() + " articles\n");
    for (var h : result.hits()) {
      out.append("  ").append(h.title()).append('\n');
      h.snippets().stream().limit(1).forEach(snippet -> out.append("      … ").append(snippet).append(" …\n"));
    }
    result.facets().forEach((facet, counts) -> out.append("  ").append(String.format("%-14s", facet))
        .append(String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()))
        .append('\n'));
    return out.toString();
  }

  /** Settings that point every stage at the local stack. */
  static NewswireConfig settingsFor(LocalStack stack) {
    java.util.Map<String, String> settings = new java.util.HashMap<>(Map.of(
        NewswireConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        NewswireConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        NewswireConfig.REPLICATION_FACTOR, "1",
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve("streams").toString(),
        NewswireConfig.TOPICS_AUTO_CREATE, "true",
        NewswireConfig.INGEST_QUARANTINE_DIR, stack.dir().resolve("quarantine").toString(),
        NewswireConfig.INGEST_STATE_DIR, stack.dir().resolve("ingest").toString()));
    // Any free ports for the HTTP endpoints: a local stack shares the machine with whatever else runs.
    settings.put(NewswireConfig.ENRICH_HTTP_PORT, "0");
    settings.put(NewswireConfig.SINK_HTTP_PORT, "0");
    settings.put(NewswireConfig.INGEST_OPS_PORT, "0");
    settings.put(NewswireConfig.NOTIFY_HTTP_PORT, "0");
    if (stack.hasPostgres()) {
      settings.putAll(Map.of(
          NewswireConfig.POSTGRES_URL, stack.jdbcUrl(),
          NewswireConfig.POSTGRES_USER, stack.jdbcUser(),
          NewswireConfig.POSTGRES_PASSWORD, stack.jdbcPassword()));
    }
    return NewswireConfig.of(settings);
  }

  private static void say(String line) {
    System.err.println(line);
  }

  /** Copies the sample articles shipped in the jar to a folder, so they are ingested like any other files. */
  static Path extractSamples(Path target) throws IOException {
    Files.createDirectories(target);
    try (InputStream list = DemoCommand.class.getResourceAsStream("/samples/samples.list")) {
      for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
        if (name.isBlank()) {
          continue;
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
          Files.copy(in, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  private static long waitForRows(LocalStack stack, long expected, int timeoutSeconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    long count = 0;
    ProgressBar bar = new ProgressBar(System.err, "  enriched and stored");
    while (System.currentTimeMillis() < deadline) {
      try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
          var rs = c.createStatement().executeQuery("SELECT count(*) FROM articles")) {
        rs.next();
        count = rs.getLong(1);
      } catch (SQLException notYet) {
        // the sink has not created its tables yet
      }
      bar.update(Math.min(count, expected), expected);
      if (count >= expected) {
        return count;
      }
      Thread.sleep(250);
    }
    return count;
  }

  static String whereThingsLive(LocalStack stack, int enrichPort, int sinkPort) {
    return whereThingsLive(stack, enrichPort, sinkPort, true);
  }

  /** @param servicesRunning whether enrich and the sink run here (the demo) or are for the user to start (stack) */
  static String whereThingsLive(LocalStack stack, int enrichPort, int sinkPort, boolean servicesRunning) {
    String bootstrap = stack.bootstrapServers();
    int pgPort = stack.postgres().port();
    String later = servicesRunning ? "" : "  (once started)";
    return String.join("\n",
        "Where everything lives",
        "  Kafka bootstrap   " + bootstrap,
        "  Topics            " + Topics.RAW_ARTICLES + ", " + Topics.ENRICHED_ARTICLES + ", " + Topics.DEAD_LETTERS
            + ", " + Topics.WATCHES + ", " + Topics.ALERTS,
        "  Schema Registry   " + stack.registryUrl() + "  (Confluent API; subjects <topic>-value)",
        "  PostgreSQL        " + stack.jdbcUrl() + "  (user " + stack.jdbcUser() + ", no password)",
        "  Data and logs     " + stack.dir(),
        servicesRunning ? "  Enrich and sink   running in this process"
            : "  Enrich and sink   not run by this command: start ./newswire enrich and ./newswire sink",
        "  Enrich queries    http://127.0.0.1:" + enrichPort + "/trends?window=1h&type=PER  (/articles/{id}, /stories/{id})"
            + later,
        "  Metrics           http://127.0.0.1:" + enrichPort + "/metrics (enrich), http://127.0.0.1:" + sinkPort
            + "/metrics (sink)" + later,
        "Look for yourself while it runs" + (servicesRunning ? " (--keep-running):" : ":"),
        "  ./newswire status --set bootstrap.servers=" + bootstrap
            + (servicesRunning ? " --enrich-url http://127.0.0.1:" + enrichPort : ""),
        "  kcat -b " + bootstrap + " -C -t " + Topics.ENRICHED_ARTICLES + " -s value=avro -r " + stack.registryUrl() + " -e"
            + "   # a kcat built with Avro (Debian's is not)",
        "  kcat -b " + bootstrap + " -C -t " + Topics.ENRICHED_ARTICLES + " -e -f '%k %S bytes at %p/%o\\n'"
            + "   # any kcat: keys and sizes; values are Avro in Confluent's wire format",
        "  ./newswire watch list --set bootstrap.servers=" + bootstrap + " --set schema.registry.url=" + stack.registryUrl(),
        "  psql -h 127.0.0.1 -p " + pgPort + " -U " + stack.jdbcUser() + " newswire -c 'SELECT title, language FROM articles'");
  }
}
