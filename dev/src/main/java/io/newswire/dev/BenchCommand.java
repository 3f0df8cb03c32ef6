package io.newswire.dev;

import io.newswire.cli.CommandGroup;
import io.newswire.cli.TopicsCommand;
import io.newswire.sink.SinkApplication;

import io.newswire.dev.bench.Corpus;
import io.newswire.dev.bench.IngestBenchmark;
import io.newswire.config.NewswireConfig;
import io.newswire.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks on a local stack; prints a Markdown table for docs/PERFORMANCE.md.",
    subcommands = {BenchCommand.Extract.class, BenchCommand.Ingest.class, BenchCommand.Sink.class, BenchCommand.Lake.class, BenchCommand.Search.class, BenchCommand.Queries.class, BenchCommand.Tag.class, BenchCommand.Watches.class, BenchCommand.Enrich.class, BenchCommand.EndToEnd.class,
        BenchSuiteCommand.class, BenchCommand.CorpusFile.class, BenchCommand.Profile.class})
final class BenchCommand extends CommandGroup {

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = {"Main-text extraction on a folder of real pages with snippets their main text must and must not",
          "contain (evaldata.json and eval/ or cache/ beside it): precision, recall and F1 over all snippets, and",
          "pages per CPU-second on one thread. No stack needed; the pages are yours (none ship with Newswire)."})
  static final class Extract implements Callable<Integer> {
    @Option(names = "--pages", required = true, paramLabel = "DIR", description = "The folder holding evaldata.json.")
    Path pages;

    @Option(names = "--worst", defaultValue = "0", description = "Also list the N pages that scored worst, with what was missed or taken.")
    int worst;

    @Override
    public Integer call() throws Exception {
      io.newswire.dev.bench.ExtractBenchmark.run(pages); // warm-up: the JIT, jsoup's tables
      var result = io.newswire.dev.bench.ExtractBenchmark.run(pages);
      for (var p : io.newswire.dev.bench.ExtractBenchmark.worst(result, worst)) {
        System.out.printf(java.util.Locale.ROOT, "%.2f  %s  (%s, %d characters)%n      missed %s%n      taken  %s%n",
            p.f1(), p.url(), p.file(), p.length(), p.missed(), p.taken());
      }
      System.out.printf(java.util.Locale.ROOT, "pages %d (failed %d)  snippets: tp %d fn %d fp %d tn %d%n",
          result.pages().size(), result.failed(), result.tp(), result.fn(), result.fp(), result.tn());
      System.out.printf(java.util.Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f  %.0f pages per CPU-second%n",
          result.precision(), result.recall(), result.f1(), result.pagesPerCpuSecond());
      for (var field : java.util.Map.of("title", result.title(), "author", result.author(), "date", result.date())
          .entrySet()) {
        field.getValue().misses.stream().limit(worst).forEach(m -> System.out.println(field.getKey() + " miss: " + m));
      }
      System.out.println("title   " + result.title());
      System.out.println("author  " + result.author());
      System.out.println("date    " + result.date());
      return 0;
    }
  }

  @Command(name = "lake", mixinStandardHelpOptions = true,
      description = {"The Parquet lake store (sink.store=parquet) against DuckDB's COPY ... TO of the same rows:",
          "tagged corpus articles of 3 KB in batches, then the rows it wrote copied to one file. No stack needed."})
  static final class Lake implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "20000", description = "Articles per run. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--batch", defaultValue = "500", description = "Articles per batch. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each. Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--dir", defaultValue = ".newswire/bench-lake", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      System.err.println("Tagging " + articles + " corpus articles ...");
      var enriched = io.newswire.dev.bench.SinkBenchmark.articles(articles, 3000, new io.newswire.tagger.NewswireTagger());
      List<io.newswire.dev.bench.LakeBenchmark.Result> stores = new ArrayList<>();
      List<io.newswire.dev.bench.LakeBenchmark.Result> copies = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Path lake = dir.resolve("run-" + run);
        if (Files.exists(lake)) {
          try (var files = Files.walk(lake)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
        stores.add(io.newswire.dev.bench.LakeBenchmark.store(lake, enriched, batch));
        copies.add(io.newswire.dev.bench.LakeBenchmark.copy(lake, dir.resolve("copy-" + run + ".parquet")));
        System.err.printf(java.util.Locale.ROOT, "  run %d: store %.0f articles/s, COPY %.0f articles/s%n", run,
            stores.get(run - 1).articlesPerSecond(), copies.get(run - 1).articlesPerSecond());
      }
      var s = stores.stream().sorted(Comparator.comparingDouble(io.newswire.dev.bench.LakeBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
      var c = copies.stream().sorted(Comparator.comparingDouble(io.newswire.dev.bench.LakeBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
      System.out.printf("%n%s, %d cores, Java %s; `./newswire bench lake --articles %d --batch %d --runs %d`%n%n",
          LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), articles, batch, runs);
      System.out.println("| writer | articles/s (median of " + runs + ") | bytes on disk | ratio |");
      System.out.println("|---|---|---|---|");
      System.out.printf(java.util.Locale.ROOT, "| %s | %.0f | %,d | 1.00 |%n", c.what(), c.articlesPerSecond(), c.bytes());
      System.out.printf(java.util.Locale.ROOT, "| %s | %.0f | %,d | %.2f |%n", s.what(), s.articlesPerSecond(), s.bytes(),
          s.articlesPerSecond() / c.articlesPerSecond());
      return 0;
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = {"The OpenSearch store (sink.store=opensearch) against a plain _bulk of the same documents, on a",
          "local OpenSearch node it starts: tagged corpus articles of 3 KB, alternating runs, each into a fresh index."})
  static final class Search implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "10000", description = "Articles per run. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--batch", defaultValue = "500", description = "Articles per bulk request. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each. Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--dir", defaultValue = ".newswire/bench-search", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      System.err.println("Tagging " + articles + " corpus articles ...");
      var enriched = io.newswire.dev.bench.SinkBenchmark.articles(articles, 3000, new io.newswire.tagger.NewswireTagger());
      try (LocalStack stack = LocalStack.start(dir, EnumSet.noneOf(LocalStack.Component.class), line -> System.err.println("  " + line))) {
        String url = stack.opensearch(line -> System.err.println("  " + line)).url();
        List<io.newswire.dev.bench.SearchBenchmark.Result> stores = new ArrayList<>();
        List<io.newswire.dev.bench.SearchBenchmark.Result> bulks = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          bulks.add(io.newswire.dev.bench.SearchBenchmark.bulk(url, "bench-bulk-" + run, enriched, batch));
          stores.add(io.newswire.dev.bench.SearchBenchmark.store(url, "bench-store-" + run, enriched, batch));
          System.err.printf(java.util.Locale.ROOT, "  run %d: plain _bulk %.0f articles/s, store %.0f articles/s%n", run,
              bulks.get(run - 1).articlesPerSecond(), stores.get(run - 1).articlesPerSecond());
        }
        var s = stores.stream().sorted(Comparator.comparingDouble(io.newswire.dev.bench.SearchBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
        var b = bulks.stream().sorted(Comparator.comparingDouble(io.newswire.dev.bench.SearchBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
        System.out.printf("%n%s, %d cores, Java %s, OpenSearch 2.19.6 (one node, 512 MB heap); `./newswire bench search"
            + " --articles %d --batch %d --runs %d`%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), articles, batch, runs);
        System.out.println("| writer | articles/s (median of " + runs + ") | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf(java.util.Locale.ROOT, "| %s | %.0f | 1.00 |%n", b.what(), b.articlesPerSecond());
        System.out.printf(java.util.Locale.ROOT, "| %s | %.0f | %.2f |%n", s.what(), s.articlesPerSecond(),
            s.articlesPerSecond() / b.articlesPerSecond());
      }
      return 0;
    }
  }

  @Command(name = "watches", mixinStandardHelpOptions = true,
      description = {"Matching articles against many watches, as enrich does for every article: the corpus's articles",
          "tagged, then matched against N generated watches of every kind (some built from the articles, so they",
          "match). Prints microseconds per article with the index, and with every watch tried in turn. No stack."})
  static final class Watches implements Callable<Integer> {
    @Option(names = "--watches", defaultValue = "10000", description = "How many watches. Default: ${DEFAULT-VALUE}")
    int watches;

    @Option(names = "--rounds", defaultValue = "20", description = "Passes over the articles. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The annotated corpus (default: training/corpus in the repository).")
    Path corpus = TagTrainCommand.defaultCorpus();

    @Override
    public Integer call() throws Exception {
      var articles = io.newswire.dev.bench.WatchBenchmark.articles(corpus);
      var result = io.newswire.dev.bench.WatchBenchmark.run(articles,
          io.newswire.dev.bench.WatchBenchmark.watches(articles, watches, 7), rounds);
      System.out.printf(java.util.Locale.ROOT, "| watches | of them tried on every article | articles | match, indexed"
          + " | every watch in turn | alerts per article | index built in | index heap |%n|---|---|---|---|---|---|---|---|%n"
          + "| %,d | %,d | %,d | %.1f µs | %.0f µs | %.2f | %.0f ms | %.1f MB |%n", result.watches(), result.unindexed(),
          result.articles(), result.indexedMicros(), result.bruteMicros(), result.matchesPerArticle(), result.buildMillis(),
          result.heapBytes() / 1e6);
      return 0;
    }
  }

  @Command(name = "corpus", mixinStandardHelpOptions = true,
      description = "Writes the benchmark corpus as JSON Lines: deterministic generated articles (names, places, "
          + "organisations, quotes, several topics), for `newswire ingest files` or your own tests.")
  static final class CorpusFile implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "10000", description = "How many. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--body-bytes", defaultValue = "0", description = "Body length of each article (0: between 1 and 10 KB, varying). Default: ${DEFAULT-VALUE}")
    int bodyBytes;

    @Option(names = "--seed", defaultValue = "7", description = "The same seed gives the same articles. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, description = "The JSON Lines file to write.")
    Path out;

    @Option(names = "--other-languages", defaultValue = "0", paramLabel = "PERCENT",
        description = "About this share of the articles in German, French, Spanish, Italian, Portuguese or Dutch "
            + "(0 to 100). Default: ${DEFAULT-VALUE}")
    int otherLanguages;

    @Override
    public Integer call() throws Exception {
      if (otherLanguages < 0 || otherLanguages > 100) {
        System.err.println("--other-languages must be between 0 and 100, not " + otherLanguages);
        return 2;
      }
      long bytes = new Corpus(seed, otherLanguages).writeJsonLines(out, articles, bodyBytes);
      System.err.printf("%d articles, %d bytes written to %s%n", articles, bytes, out);
      return 0;
    }
  }

  @Command(name = "profile", mixinStandardHelpOptions = true,
      description = "What a stream of articles asks of enrich beyond tagging: length, names per article and how often "
          + "they came before, how often a fingerprint band matches an earlier article and how often that is a "
          + "near-copy. Give a JSON Lines file of your own feed (title and body in each line) to compare it with the "
          + "benchmark corpus (the default). Exit code 2 if the file cannot be read.")
  static final class Profile implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines with title and body (default: the benchmark corpus).")
    Path file;

    @Option(names = "--articles", defaultValue = "2000", description = "How many articles (of the file: its first N). Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--body-bytes", defaultValue = "3000", description = "Body length of corpus articles (0: between 1 and 10 KB, varying). Default: ${DEFAULT-VALUE}")
    int bodyBytes;

    @Override
    public Integer call() throws Exception {
      var texts = new java.util.ArrayList<io.newswire.dev.bench.CorpusProfile.Text>();
      if (file == null) {
        Corpus corpus = new Corpus(7);
        for (int i = 0; i < articles; i++) {
          var a = corpus.article(i, bodyBytes);
          texts.add(new io.newswire.dev.bench.CorpusProfile.Text(a.get("title").asText(), a.get("body").asText()));
        }
      } else {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int lineNumber = 0;
        try (var reader = java.nio.file.Files.newBufferedReader(file)) {
          for (String line = reader.readLine(); line != null && texts.size() < articles; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
              var a = json.readTree(line);
              texts.add(new io.newswire.dev.bench.CorpusProfile.Text(a.path("title").asText(""), a.path("body").asText("")));
            }
          }
        } catch (java.io.IOException e) {
          System.err.printf("newswire bench profile: cannot read %s%s: %s%n", file,
              lineNumber > 0 ? " at line " + lineNumber : "",
              e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage().lines().findFirst().orElse(""));
          return 2;
        }
      }
      System.out.print(io.newswire.dev.bench.CorpusProfile.of(texts, new io.newswire.tagger.NewswireTagger()).table());
      return 0;
    }
  }

  @Command(name = "e2e", mixinStandardHelpOptions = true,
      description = {"End-to-end latency from ingest to the row visible in PostgreSQL at fixed input rates, with",
          "enrich and the sink running on a local stack; peak RSS of each process."})
  static final class EndToEnd implements Callable<Integer> {
    @Option(names = "--rates", defaultValue = "10,25,50", split = ",", description = "Articles/s. Default: ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of each run. Default: ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--warm-up", defaultValue = "30", description = "Seconds at 50 articles/s before the "
        + "measured runs, not reported: a fresh JVM compiles for its first minute. Default: ${DEFAULT-VALUE}")
    int warmUpSeconds;

    @Option(names = "--body-bytes", defaultValue = "2000", description = "Body length of each article (0: between 1 and 10 KB, varying). Default: ${DEFAULT-VALUE}")
    int bodyBytes;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads of enrich "
        + "(enrich.streams.num.stream.threads). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A Newswire setting for enrich and the sink, "
        + "e.g. --set enrich.commit.interval.ms=500 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--dir", defaultValue = ".newswire/bench", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      try (LocalStack stack = LocalStack.start(dir.resolve("stack"), line -> System.err.println("  " + line))) {
        String run = "bench-e2e-" + System.currentTimeMillis();
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.put(NewswireConfig.ENRICH_STREAMS_PREFIX + "num.stream.threads", String.valueOf(threads));
        NewswireConfig config = DemoCommand.settingsFor(stack).with(overrides);
        TopicsCommand.ensure(config);
        List<io.newswire.dev.bench.EndToEndBenchmark.Result> results = new ArrayList<>();
        List<Map<String, Double>> cores = new ArrayList<>();
        try (SinkApplication sink = new SinkApplication(config);
            io.newswire.enrich.EnrichApplication enrich = new io.newswire.enrich.EnrichApplication(config,
                new io.newswire.tagger.NewswireTagger())) {
          enrich.start();
          long wait = System.currentTimeMillis() + 60_000;
          while (enrich.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING && System.currentTimeMillis() < wait) {
            Thread.sleep(200);
          }
          if (warmUpSeconds > 0) {
            System.err.println("  warm-up: " + io.newswire.dev.bench.EndToEndBenchmark.run(config, stack.jdbcUrl(),
                stack.jdbcUser(), stack.jdbcPassword(), 50, warmUpSeconds, bodyBytes, run + "-warm-up"));
          }
          for (int rate : rates) {
            Map<String, Long> cpuBefore = processCpu(stack);
            long wallBefore = System.nanoTime();
            // the run's number in the ids: a rate given twice sends new articles, not the same ones again
            var r = io.newswire.dev.bench.EndToEndBenchmark.run(config, stack.jdbcUrl(), stack.jdbcUser(),
                stack.jdbcPassword(), rate, seconds, bodyBytes, run + "-r" + rate + "-" + results.size());
            Map<String, Long> cpuAfter = processCpu(stack);
            double wall = System.nanoTime() - wallBefore;
            Map<String, Double> used = new LinkedHashMap<>();
            cpuAfter.forEach((process, nanos) -> used.put(process, (nanos - cpuBefore.getOrDefault(process, 0L)) / wall));
            cores.add(used);
            results.add(r);
            System.err.println("  " + r);
          }
        }
        System.out.printf("%n%s, %d cores, Java %s; `./newswire bench e2e --rates %s --seconds %d --warm-up %d --body-bytes %d --threads %d%s`%n%n",
            LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            String.join(",", rates.stream().map(String::valueOf).toList()), seconds, warmUpSeconds, bodyBytes, threads,
            settings.entrySet().stream().map(e -> " --set " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining()));
        System.out.println("| input rate (articles/s) | sent | in PostgreSQL | latency p50 | p99 | p99.9 |");
        System.out.println("|---|---|---|---|---|---|");
        for (var r : results) {
          System.out.printf("| %d | %d | %d%s | %d ms | %d ms | %d ms |%n", r.rate(), r.sent(), r.seen(),
              r.keptUp() ? "" : " (fell behind)", r.p50(), r.p99(), r.p999());
        }
        System.out.printf("%nThe p99 of the articles sent in each %d s of a run, in ms:%n%n",
            io.newswire.dev.bench.EndToEndBenchmark.SLICE_SECONDS);
        for (var r : results) {
          System.out.printf("- %d/s: %s%n", r.rate(), String.join(", ", r.p99BySlice().stream().map(String::valueOf).toList()));
        }
        System.out.printf("%nThe backlog of enrich / the sink at the end of each %d s, in records of its input topic"
            + " (commit and transaction markers included):%n%n", io.newswire.dev.bench.EndToEndBenchmark.SLICE_SECONDS);
        for (var r : results) {
          System.out.printf("- %d/s: %s%n", r.rate(), String.join(", ", r.backlogBySlice()));
        }
        System.out.printf("%nCores each process used during each run (CPU time over wall time, from /proc):%n%n");
        System.out.println("| input rate | " + String.join(" | ", cores.get(0).keySet()) + " | all |");
        System.out.println("|---" + "|---".repeat(cores.get(0).size() + 1) + "|");
        for (int i = 0; i < results.size(); i++) {
          Map<String, Double> used = cores.get(i);
          System.out.printf("| %d/s | %s | %.2f |%n", results.get(i).rate(), String.join(" | ",
              used.values().stream().map(c -> String.format("%.2f", c)).toList()),
              used.values().stream().mapToDouble(Double::doubleValue).sum());
        }
        System.out.printf("%nPeak RSS: broker %d MB; the JVM running enrich and the sink %d MB%n",
            Enrich.rss(stack.kafka().pid()) / 1024, Enrich.rss(ProcessHandle.current().pid()) / 1024);
      }
      return 0;
    }
  }

  /**
   * CPU time so far of each process of an end-to-end run: this JVM (enrich, the sink and the harness), the
   * broker and PostgreSQL (the postmaster and its backends, which live as long as their
   * connection: the sink's and the harness's outlive a run).
   */
  static Map<String, Long> processCpu(LocalStack stack) {
    Map<String, Long> cpu = new LinkedHashMap<>();
    cpu.put("enrich, sink and harness (one JVM)", cpuNanos(ProcessHandle.current()));
    cpu.put("broker", ProcessHandle.of(stack.kafka().pid()).map(BenchCommand::cpuNanos).orElse(0L));
    cpu.put("PostgreSQL", ProcessHandle.of(stack.postgres().pid())
        .map(p -> cpuNanos(p) + p.descendants().mapToLong(BenchCommand::cpuNanos).sum()).orElse(0L));
    return cpu;
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = {"The enrich topology on a local broker against the bare tagger on the same articles (one",
          "stream thread, exactly once), then input-to-output latency at fixed rates."})
  static final class Enrich implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "20000", description = "Articles for the throughput runs. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--body-bytes", defaultValue = "3000", description = "Body length of each article (0: between 1 and 10 KB, varying). Default: ${DEFAULT-VALUE}")
    int bodyBytes;

    @Option(names = "--warm-up", defaultValue = "20000", description = "Articles enrich processes before the "
        + "timed run, so the JIT has compiled Kafka's code paths as in a running service. Default: ${DEFAULT-VALUE}")
    int warmUpArticles;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads of the enrich instance "
        + "(enrich.streams.num.stream.threads). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--rates", defaultValue = "50,200", split = ",", description = "Articles/s for the latency runs. Default: ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A Newswire setting for enrich, e.g. --set "
        + "enrich.commit.backlog.interval.ms=200 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each latency run. Default: ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--dir", defaultValue = ".newswire/bench", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      try (LocalStack stack = LocalStack.start(dir.resolve("stack"),
          EnumSet.of(LocalStack.Component.KAFKA, LocalStack.Component.REGISTRY), line -> System.err.println("  " + line))) {
        String run = "bench-enrich-" + System.currentTimeMillis();
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.put(NewswireConfig.ENRICH_APPLICATION_ID, run);
        overrides.put(NewswireConfig.ENRICH_STATE_DIR, dir.resolve(run).toString());
        overrides.put(NewswireConfig.ENRICH_STREAMS_PREFIX + "num.stream.threads", String.valueOf(threads));
        NewswireConfig config = DemoCommand.settingsFor(stack).with(overrides).checked();
        TopicsCommand.ensure(config);
        var tagger = new io.newswire.tagger.NewswireTagger();
        var input = io.newswire.dev.bench.EnrichBenchmark.articles(run, articles, bodyBytes);
        var bareRun = io.newswire.dev.bench.EnrichBenchmark.bare(tagger, input);
        var bareBefore = bareRun;
        System.err.printf("  bare tagger: %.0f articles/s, %.0f per CPU-second%n", bareRun.articlesPerSecond(),
            bareRun.articlesPerCpuSecond());
        var warmUp = io.newswire.dev.bench.EnrichBenchmark.articles(run + "-warm-up", articles, warmUpArticles, bodyBytes);
        var run1 = io.newswire.dev.bench.EnrichBenchmark.topology(config, tagger, warmUp, input);
        double topology = run1.articlesPerSecond();
        System.err.printf("  topology: %.0f articles/s, %.0f articles per CPU-second%n", topology, run1.articlesPerCpuSecond());
        run1.cpuShares().forEach((kind, share) -> System.err.printf("    %s: %.0f %% of its CPU%n", kind, 100 * share));
        // The same loop again in the same JVM, now that Kafka's code is compiled and the broker has data:
        // tells a slower tagger inside the stream thread from a slower machine or JVM.
        var bareAfter = io.newswire.dev.bench.EnrichBenchmark.bare(tagger, input);
        System.err.printf("  bare tagger after the topology run: %.0f articles/s, %.0f per CPU-second%n",
            bareAfter.articlesPerSecond(), bareAfter.articlesPerCpuSecond());
        // The topology is compared with the faster of the two bare runs: the first one sometimes runs before the
        // JIT has finished with the tagger (half the speed of the second), which flattered the ratio.
        if (bareAfter.articlesPerCpuSecond() > bareRun.articlesPerCpuSecond()) {
          bareRun = bareAfter;
        }
        double bare = bareRun.articlesPerSecond();
        Runtime rt = Runtime.getRuntime();
        List<io.newswire.dev.bench.EnrichBenchmark.Latency> latencies = new ArrayList<>();
        for (int rate : rates) {
          // the same application, already caught up with the topic: only the new articles are pending
          latencies.add(io.newswire.dev.bench.EnrichBenchmark.latency(config, tagger, rate, seconds, bodyBytes, run + "-l" + rate));
          System.err.println("  " + latencies.get(latencies.size() - 1));
        }
        long rss = rss();
        StringBuilder set = new StringBuilder();
        settings.forEach((k, v) -> set.append(" --set ").append(k).append('=').append(v));
        System.out.printf("%n%s, %d cores, Java %s; `./newswire bench enrich --articles %d --warm-up %d --threads %d --body-bytes %d%s`%n%n",
            LocalDate.now(), rt.availableProcessors(), System.getProperty("java.version"), articles, warmUpArticles, threads,
            bodyBytes, set);
        System.out.println("| measure | articles/s | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| bare tagger, one thread (the faster of the runs before and after the topology's) | %.0f | 1.00 |%n",
            bare);
        System.out.printf("| enrich topology, %s, exactly once, on the broker | %.0f | %.2f |%n",
            threads == 1 ? "one stream thread" : threads + " stream threads", topology, topology / bare);
        System.out.printf("| bare tagger, per CPU-second of its process | %.0f | 1.00 |%n", bareRun.articlesPerCpuSecond());
        System.out.printf("| enrich topology, per CPU-second of the enrich process (all its threads) | %.0f | %.2f |%n",
            run1.articlesPerCpuSecond(), run1.articlesPerCpuSecond() / bareRun.articlesPerCpuSecond());
        System.out.println();
        System.out.println("| the tagger alone, per CPU-second of the thread that tags | articles | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| bare loop, before the topology run | %.0f | %.2f |%n", bareBefore.articlesPerThreadCpuSecond(),
            bareBefore.articlesPerThreadCpuSecond() / bareRun.articlesPerThreadCpuSecond());
        System.out.printf("| inside the stream thread, during the topology run (%.0f %% of enrich's CPU) | %.0f | %.2f |%n",
            100 * run1.taggingShareOfCpu(), run1.taggedPerTaggingCpuSecond(),
            run1.taggedPerTaggingCpuSecond() / bareRun.articlesPerThreadCpuSecond());
        System.out.printf("| bare loop, after the topology run (same JVM) | %.0f | %.2f |%n", bareAfter.articlesPerThreadCpuSecond(),
            bareAfter.articlesPerThreadCpuSecond() / bareRun.articlesPerThreadCpuSecond());
        double perArticle = 1000 / run1.articlesPerCpuSecond();
        double tagging = perArticle * run1.taggingShareOfCpu();
        double streamThread = perArticle * run1.cpuShares().getOrDefault("stream thread", 0.0);
        System.out.printf("%nCPU per article in the enrich process: %.2f ms, of which tagging %.2f ms, the stream thread's "
            + "other work (Streams, serdes, stores, stories, trends) %.2f ms and the other threads (producer I/O, JIT, "
            + "GC, ...) %.2f ms.%n", perArticle, tagging, streamThread - tagging, perArticle - streamThread);
        System.out.println();
        System.out.println("| records written per article during the run, by topic (transaction markers included) | records |");
        System.out.println("|---|---|");
        run1.recordsPerArticle().forEach((topic, n) -> System.out.printf("| %s | %.2f |%n", topic, n));
        System.out.printf("| all | %.2f |%n", run1.recordsPerArticle().values().stream().mapToDouble(Double::doubleValue).sum());
        System.out.println();
        System.out.println("| enrich's CPU time during the run, by thread | share |");
        System.out.println("|---|---|");
        run1.cpuShares().forEach((kind, share) -> System.out.printf("| %s | %.0f %% |%n", kind, 100 * share));
        System.out.println();
        System.out.println("| input rate (articles/s) | records | latency p50 | p99 | p99.9 |");
        System.out.println("|---|---|---|---|---|");
        for (var l : latencies) {
          System.out.printf("| %d | %d | %d ms | %d ms | %d ms |%n", l.rate(), l.records(), l.p50(), l.p99(), l.p999());
        }
        System.out.printf("%nPeak RSS of the benchmark JVM (enrich, its producer and consumer): %d MB%n", rss / 1024);
      }
      return 0;
    }

    private static long rss() {
      return rss(ProcessHandle.current().pid());
    }

    /** Peak resident set size of a process in kB (Linux), or -1. */
    static long rss(long pid) {
      try {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (java.io.IOException e) {
        return -1;
      }
      return -1;
    }
  }

  @Command(name = "tag", mixinStandardHelpOptions = true,
      description = {"JMH benchmark of the full tagging of one article (entities, places, topics, quotes, language)",
          "on the project's own annotated news articles, one thread; plus start-up time and the heap the tagger's",
          "models and gazetteers take. No stack needed."})
  static final class Tag implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", description = "The annotated corpus (default: training/corpus in the repository).")
    Path corpus = TagTrainCommand.defaultCorpus();

    @Option(names = "--quick", description = "Shorter warm-up and measurement (for a smoke run).")
    boolean quick;

    @Option(names = "--dir", defaultValue = ".newswire/bench", description = "Working folder. Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long heapBefore = rt.totalMemory() - rt.freeMemory();
      long started = System.nanoTime();
      io.newswire.tagger.NewswireTagger tagger = new io.newswire.tagger.NewswireTagger();
      tagger.tag("Warm", "A first article in Paris.");
      double startSeconds = (System.nanoTime() - started) / 1e9;
      System.gc();
      long heapAfter = rt.totalMemory() - rt.freeMemory();
      List<io.newswire.tagger.AnnotatedCorpus.Article> articles = new ArrayList<>();
      articles.addAll(io.newswire.tagger.AnnotatedCorpus.readNews(corpus.resolve("news-train.txt")));
      articles.addAll(io.newswire.tagger.AnnotatedCorpus.readNews(corpus.resolve("news-heldout.txt")));
      Files.createDirectories(dir);
      Path file = dir.resolve("tagger-articles.tsv");
      long tokens = 0;
      long chars = 0;
      List<String> lines = new ArrayList<>();
      for (var a : articles) {
        lines.add(a.title().replace('\t', ' ') + "\t" + a.body().replace("\n", "\\n"));
        tokens += io.newswire.tagger.NewswireTagger.tokenCount(a.text());
        chars += a.text().length();
      }
      Files.write(file, lines);
      double tokensPerArticle = (double) tokens / articles.size();
      var options = new org.openjdk.jmh.runner.options.OptionsBuilder()
          .include(io.newswire.dev.bench.TaggerBenchmark.class.getName())
          .forks(1).threads(1)
          .warmupIterations(quick ? 1 : 3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(quick ? 2 : 5))
          .measurementIterations(quick ? 2 : 5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(quick ? 2 : 5))
          .jvmArgsAppend("-Dnewswire.bench.articles=" + file.toAbsolutePath(), "-Xmx1g", "-XX:+UseSerialGC")
          .build();
      var results = new org.openjdk.jmh.runner.Runner(options).run();
      var score = results.iterator().next().getPrimaryResult();
      double perSecond = score.getScore();
      System.out.println();
      System.out.println("| measure | value |");
      System.out.println("|---|---|");
      System.out.printf("| articles tagged per second (1 thread, %d articles of %.0f tokens / %.0f chars on average) | %,.0f ± %,.0f |%n",
          articles.size(), tokensPerArticle, (double) chars / articles.size(), perSecond, score.getScoreError());
      System.out.printf("| tokens per second per core | %,.0f |%n", perSecond * tokensPerArticle);
      System.out.printf("| start-up: first tagger built and first article tagged | %.2f s |%n", startSeconds);
      System.out.printf("| heap held by the tagger's model, gazetteer and lists (after GC) | %.0f MB |%n", (heapAfter - heapBefore) / 1e6);
      System.out.printf("%nMachine: %d cores, Java %s; %s; command: newswire bench tag%s%n", rt.availableProcessors(),
          System.getProperty("java.version"), LocalDate.now(), quick ? " --quick" : "");
      return 0;
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {"Ingest throughput from a large JSON Lines file, against Kafka's ProducerPerformance on",
          "the same broker with the same record count, sizes and producer settings. Runs alternate; medians."})
  static final class Ingest implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "20000", description = "Articles per run. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--body-bytes", defaultValue = "3000", description = "Body length of each article (0: between 1 and 10 KB, varying). Default: ${DEFAULT-VALUE}")
    int bodyBytes;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each. Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--warm-up", defaultValue = "2",
        description = "Ingest runs before the measured ones, not counted: ingest is a long-running service, "
            + "measured once the JIT has compiled it. Default: ${DEFAULT-VALUE}")
    int warmUp;

    @Option(names = "--dir", defaultValue = ".newswire/bench", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      try (LocalStack stack = LocalStack.start(dir.resolve("stack"),
          EnumSet.of(LocalStack.Component.KAFKA, LocalStack.Component.REGISTRY), line -> System.err.println("  " + line))) {
        NewswireConfig config = DemoCommand.settingsFor(stack);
        TopicsCommand.ensure(config);
        Path corpus = dir.resolve("corpus.jsonl");
        long bytes = new Corpus(42).writeJsonLines(corpus, articles, bodyBytes);
        System.err.printf("Corpus: %d articles, %.1f MB, %s%n", articles, bytes / 1e6, corpus);
        for (int run = 1; run <= warmUp; run++) {
          Path state = dir.resolve("state-warm-up");
          io.newswire.stack.Folders.deleteTree(state);
          System.err.println("  warm-up " + run + ": " + IngestBenchmark.ingest(config, corpus, state));
        }
        List<IngestBenchmark.Result> ingest = new ArrayList<>();
        List<IngestBenchmark.Result> baseline = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          baseline.add(IngestBenchmark.producerPerformance(stack.bootstrapServers(), corpus, articles,
              (long) warmUp * articles,
              "bench.producer-performance", 6));
          System.err.println("  run " + run + ": " + baseline.get(baseline.size() - 1));
          Path state = dir.resolve("state-" + run);
          io.newswire.stack.Folders.deleteTree(state);
          ingest.add(IngestBenchmark.ingest(config, corpus, state));
          System.err.println("  run " + run + ": " + ingest.get(ingest.size() - 1));
        }
        IngestBenchmark.Result i = median(ingest);
        IngestBenchmark.Result b = median(baseline);
        System.out.printf("%n%s, %d cores, Java %s; `./newswire bench ingest --articles %d --body-bytes %d --runs %d"
                + " --warm-up %d`%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), articles, bodyBytes, runs, warmUp);
        System.out.println("| producer | records | articles/s (median of " + runs + ") | MB/s | ratio |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| %s | %d | %.0f | %.1f | 1.00 |%n", b.what(), b.records(), b.recordsPerSecond(), b.mbPerSecond());
        System.out.printf("| %s | %d | %.0f | %.1f | %.2f |%n", i.what(), i.records(), i.recordsPerSecond(),
            i.mbPerSecond(), i.recordsPerSecond() / b.recordsPerSecond());
        System.out.println("\nAll runs: ProducerPerformance " + rates(baseline) + "; ingest " + rates(ingest));
        System.out.printf("%nIngest per CPU-second of its process (median run): %.0f articles; its CPU by thread:%n%n",
            i.records() / i.cpuSeconds());
        System.out.println("| thread | share |");
        System.out.println("|---|---|");
        i.cpuShares().forEach((kind, share) -> System.out.printf("| %s | %.0f %% |%n", kind, 100 * share));
        System.out.printf("%nCPU per record: ingest %.1f µs (median run, every thread of its process); ProducerPerformance"
            + " %.1f µs (median run, every thread of its process while it sent the measured records)%n",
            i.cpuMicrosPerRecord(), b.cpuMicrosPerRecord());
      }
      return 0;
    }

    private static IngestBenchmark.Result median(List<IngestBenchmark.Result> results) {
      List<IngestBenchmark.Result> sorted = new ArrayList<>(results);
      sorted.sort(Comparator.comparingDouble(IngestBenchmark.Result::recordsPerSecond));
      return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<IngestBenchmark.Result> results) {
      return results.stream().map(r -> String.format("%.0f", r.recordsPerSecond())).toList().toString();
    }
  }

  @Command(name = "queries", mixinStandardHelpOptions = true,
      description = {"The queries of docs/QUERYING.md on a database the sink's store filled with corpus articles:",
          "each query's plan (EXPLAIN ANALYZE) and its median time over five runs."})
  static final class Queries implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "100000", description = "Articles stored first. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--dir", defaultValue = ".newswire/bench-queries", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--plans", description = "Print each query's whole plan.")
    boolean plans;

    @Override
    public Integer call() throws Exception {
      try (LocalStack stack = LocalStack.start(dir, EnumSet.of(LocalStack.Component.POSTGRES),
          line -> System.err.println("  " + line))) {
        String url = Sink.database(stack, "queries");
        System.err.println("Tagging and storing " + articles + " corpus articles ...");
        io.newswire.dev.bench.QueryBenchmark.fill(url, stack.jdbcUser(), articles, new io.newswire.tagger.NewswireTagger());
        var results = io.newswire.dev.bench.QueryBenchmark.run(url, stack.jdbcUser());
        System.out.printf("%n%s, %d cores, Java %s; `./newswire bench queries --articles %d`%n%n", LocalDate.now(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), articles);
        System.out.println("| query | median of 5 | plan (top node) |");
        System.out.println("|---|---|---|");
        for (var r : results) {
          System.out.printf(java.util.Locale.ROOT, "| %s | %.1f ms | %s |%n", r.name(), r.medianMs(),
              r.plan().lines().findFirst().orElse("").strip());
        }
        if (plans) {
          results.forEach(r -> System.out.println("\n-- " + r.name() + "\n" + r.plan()));
        }
      }
      return 0;
    }
  }

  @Command(name = "sink", mixinStandardHelpOptions = true,
      description = {"PostgreSQL store throughput and batch latency, against a raw COPY of the same article",
          "rows into the same server. Each run writes into a fresh database."})
  static final class Sink implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "20000", description = "Articles per run. Default: ${DEFAULT-VALUE}")
    int articles;

    @Option(names = "--batch", defaultValue = "500", description = "Articles per transaction. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each. Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--dir", defaultValue = ".newswire/bench-sink", description = "Working folder (emptied). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
      try (LocalStack stack = LocalStack.start(dir, EnumSet.of(LocalStack.Component.POSTGRES),
          line -> System.err.println("  " + line))) {
        System.err.println("Tagging " + articles + " corpus articles ...");
        var enriched = io.newswire.dev.bench.SinkBenchmark.articles(articles, 3000,
            new io.newswire.tagger.NewswireTagger());
        List<io.newswire.dev.bench.SinkBenchmark.Result> stores = new ArrayList<>();
        List<io.newswire.dev.bench.SinkBenchmark.Result> copies = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          copies.add(io.newswire.dev.bench.SinkBenchmark.copy(database(stack, "copy_" + run), stack.jdbcUser(), enriched));
          System.err.println("  run " + run + ": " + copies.get(copies.size() - 1));
          stores.add(io.newswire.dev.bench.SinkBenchmark.store(database(stack, "store_" + run), stack.jdbcUser(),
              enriched, batch));
          System.err.println("  run " + run + ": " + stores.get(stores.size() - 1));
        }
        var s = stores.stream().sorted(java.util.Comparator.comparingDouble(
            io.newswire.dev.bench.SinkBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
        var c = copies.stream().sorted(java.util.Comparator.comparingDouble(
            io.newswire.dev.bench.SinkBenchmark.Result::articlesPerSecond)).toList().get(runs / 2);
        System.out.printf("%n%s, %d cores, Java %s; `./newswire bench sink --articles %d --batch %d --runs %d`%n%n",
            LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            articles, batch, runs);
        System.out.println("| writer | articles/s (median of " + runs + ") | rows written | WAL per article"
            + " | batch p50 / p99 | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| %s | %.0f | %d | %.1f KB | | 1.00 |%n", c.what(), c.articlesPerSecond(), c.rows(),
            c.walKbPerArticle());
        System.out.printf("| %s | %.0f | %d | %.1f KB | %.0f / %.0f ms | %.2f |%n", s.what(), s.articlesPerSecond(),
            s.rows(), s.walKbPerArticle(), s.p50Ms(), s.p99Ms(), s.articlesPerSecond() / c.articlesPerSecond());
        System.out.println("\nAll runs (articles/s): COPY " + copies.stream().map(r -> String.format("%.0f",
            r.articlesPerSecond())).toList() + "; store " + stores.stream().map(r -> String.format("%.0f",
            r.articlesPerSecond())).toList() + ". Heap in use after the runs: "
            + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MB; heap the"
            + " store's runs added at their peak: " + stores.stream().map(r -> String.format("%.0f MB", r.extraHeapMb()))
                .toList() + ".");
      }
      return 0;
    }

    private static String database(LocalStack stack, String name) throws Exception {
      try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), "");
          var st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      return stack.jdbcUrl().replaceAll("/[^/]+$", "/" + name);
    }
  }
}
