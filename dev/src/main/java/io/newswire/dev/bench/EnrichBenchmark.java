package io.newswire.dev.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.Tagger;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The whole enrich topology on the real broker against the bare tagger on the same articles: what Kafka
 * Streams, exactly-once and the duplicate, story and trend branches cost. Then latency from input to
 * committed output at a fixed rate (an enriched record keeps its input's timestamp, so the latency is the
 * time it became readable minus that timestamp).
 */
public final class EnrichBenchmark {
  private EnrichBenchmark() {}

  public record Throughput(double bareArticlesPerSecond, double topologyArticlesPerSecond, long heapMb) {}

  public record Latency(int rate, int records, long p50, long p99, long p999) {}

  public static List<RawArticle> articles(String run, int count, int bodyBytes) {
    return articles(run, 0, count, bodyBytes);
  }

  /** Articles {@code from} to {@code from + count - 1} of the benchmark corpus. */
  public static List<RawArticle> articles(String run, int from, int count, int bodyBytes) {
    Corpus corpus = new Corpus(7);
    List<RawArticle> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ObjectNode a = corpus.article(i, bodyBytes);
      String id = run + "-" + i;
      out.add(RawArticle.newBuilder().setId(id).setSource("bench").setTitle(a.get("title").asText())
          .setBody(a.get("body").asText()).setFetchedAt(Instant.now()).setContentType("text/plain")
          .setContentHash("h-" + id).build());
    }
    return out;
  }

  /**
   * The tagger alone, one thread (the topology runs one stream thread too): articles per second of wall-clock
   * time, and per CPU-second of this process (the tagging thread, GC, JIT) — the like-for-like denominator
   * of the topology's per-CPU-second figure, unaffected by whatever else the two cores are doing.
   */
  public record Bare(double articlesPerSecond, double articlesPerCpuSecond, double articlesPerThreadCpuSecond) {}

  /**
   * Tags up to 10,000 of the articles once to warm up, then three times timed; the median pass counts (one pass
   * alone moved by 30 % with what the broker, starting beside it, was compiling).
   */
  public static Bare bare(Tagger tagger, List<RawArticle> articles) {
    List<RawArticle> sample = articles.subList(0, Math.min(10_000, articles.size()));
    for (RawArticle a : sample) {
      tagger.tag(a.getTitle(), a.getBody()); // warm-up
    }
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double[] wall = new double[3];
    double[] cpu = new double[3];
    double[] thread = new double[3];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < 3; pass++) {
      long threadStart = threads.getCurrentThreadCpuTime();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      for (RawArticle a : sample) {
        tagger.tag(a.getTitle(), a.getBody());
      }
      wall[pass] = sample.size() / ((System.nanoTime() - start) / 1e9);
      cpu[pass] = sample.size() / ((os.getProcessCpuTime() - cpuStart) / 1e9);
      thread[pass] = sample.size() / ((threads.getCurrentThreadCpuTime() - threadStart) / 1e9);
    }
    java.util.Arrays.sort(wall);
    java.util.Arrays.sort(cpu);
    java.util.Arrays.sort(thread);
    return new Bare(wall[1], cpu[1], thread[1]);
  }

  /**
   * A topology run: wall-clock articles/s, articles per CPU-second of the enrich instance, and where that CPU
   * went (share of the process's CPU time per kind of thread); articles per CPU-second spent inside the
   * tagger and that time's share of the process's CPU; and the records written per article, by topic.
   */
  public record TopologyRun(double articlesPerSecond, double articlesPerCpuSecond, Map<String, Double> cpuShares,
      double taggedPerTaggingCpuSecond, double taggingShareOfCpu, Map<String, Double> recordsPerArticle) {}

  /**
   * Starts one enrich instance and lets it catch up with {@code warmUp} articles first: a fresh JVM spends
   * its first tens of seconds compiling Kafka's and Streams' code paths, and a running service does not.
   * Then pauses the instance, produces the measured articles, resumes it and times it until it has committed
   * all of them: the raw articles and its own repartition topics (trends, stories), so every branch is
   * counted. Producing while paused keeps the harness's own work (serialising and sending the input) out of
   * the measured window, which is then a backlog being caught up, as in a replay. CPU time is this
   * process's (stream thread, producer I/O, global thread, GC, JIT, RocksDB), which is the honest "per core"
   * figure on a machine whose other core runs the broker.
   */
  public static TopologyRun topology(NewswireConfig config, Tagger tagger, List<RawArticle> warmUp,
      List<RawArticle> articles) throws Exception {
    Topics topics = Topics.create(config.serdes());
    // Stream time at a fixed pace, ending now: the trends topic takes a record per subject and minute of stream
    // time, so with the send time as timestamp its count followed how long producing the backlog took (1.7 to 5.5
    // records per article in three runs of one build).
    long first = System.currentTimeMillis() - (warmUp.size() + articles.size()) * STREAM_MILLIS_PER_ARTICLE;
    produce(config, topics, warmUp, first);
    TimedTagger timed = new TimedTagger(tagger);
    try (EnrichApplication app = new EnrichApplication(config, timed);
        org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config.kafkaClients())) {
      app.start();
      awaitCaughtUp(admin, config.get(NewswireConfig.ENRICH_APPLICATION_ID), Duration.ofMinutes(15));
      // A quiet stream's trend counts go out on wall-clock time: the warm-up's, before the measured records.
      Thread.sleep(TREND_FLUSH.toMillis());
      app.streams().pause();
      produce(config, topics, articles, first + warmUp.size() * STREAM_MILLIS_PER_ARTICLE);
      Map<String, Long> offsetsBefore = endOffsets(admin);
      CpuTime before = CpuTime.now();
      timed.takeCpuNanosAndCalls();
      long start = System.nanoTime();
      app.streams().resume();
      awaitCaughtUp(admin, config.get(NewswireConfig.ENRICH_APPLICATION_ID), Duration.ofMinutes(15));
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuTime after = CpuTime.now();
      long[] tagging = timed.takeCpuNanosAndCalls();
      Thread.sleep(TREND_FLUSH.toMillis()); // the measured articles' own quiet flush is theirs: counted, not timed
      Map<String, Double> written = new java.util.TreeMap<>();
      String internal = config.get(NewswireConfig.ENRICH_APPLICATION_ID) + "-";
      endOffsets(admin).forEach((topic, end) -> {
        long n = end - offsetsBefore.getOrDefault(topic, 0L);
        if (n > 0 && !topic.equals(Topics.RAW_ARTICLES)) {
          written.put(topic.startsWith(internal) ? topic.substring(internal.length()) : topic, n / (double) articles.size());
        }
      });
      return new TopologyRun(articles.size() / seconds, articles.size() / after.secondsSince(before),
          after.sharesSince(before, KINDS), tagging[1] / (tagging[0] / 1e9),
          tagging[0] / 1e9 / after.secondsSince(before), written);
    }
  }

  /** Time for a quiet stream's trend counts to go out (io.newswire.enrich.trends.Trending.FLUSH_EVERY) and more. */
  private static final Duration TREND_FLUSH = io.newswire.enrich.trends.Trending.FLUSH_EVERY.plusSeconds(2);

  /** Every topic's records, as the sum of its end offsets. */
  private static Map<String, Long> endOffsets(org.apache.kafka.clients.admin.Admin admin) throws Exception {
    return TopicOffsets.ends(admin, admin.listTopics().names().get());
  }

  private static final java.util.function.Function<String, String> KINDS = CpuTime.kinds(
      "kafka-producer-network-thread", "producer I/O",
      "GlobalStreamThread", "global thread",
      "StreamThread", "stream thread",
      "StateUpdater", "state updater");

  /** Waits until the group has committed offsets on the raw topic and has no lag on any topic it reads. */
  static void awaitCaughtUp(org.apache.kafka.clients.admin.Admin admin, String group, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      boolean raw = committed.keySet().stream().anyMatch(tp -> tp.topic().equals(Topics.RAW_ARTICLES));
      if (raw) {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new java.util.HashMap<>();
        committed.keySet().forEach(tp -> request.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(request).all().get();
        long lag = 0;
        for (var e : committed.entrySet()) {
          lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
        // A transaction's commit marker takes an offset of its own: a lag of one per partition is caught up.
        if (lag <= committed.size()) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("enrich did not catch up within " + max);
  }

  /** With enrich running, produces at a fixed rate and records each article's input-to-committed-output latency. */
  public static Latency latency(NewswireConfig config, Tagger tagger, int rate, int seconds, int bodyBytes, String run)
      throws Exception {
    Topics topics = Topics.create(config.serdes());
    List<RawArticle> articles = articles(run, rate * seconds, bodyBytes);
    List<Long> latencies = new ArrayList<>();
    try (EnrichApplication app = new EnrichApplication(config, tagger);
        KafkaConsumer<String, EnrichedArticle> consumer = consumer(config, topics, run);
        KafkaProducer<String, RawArticle> producer = producer(config, topics)) {
      app.start();
      consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
      long wait = System.currentTimeMillis() + 60_000;
      while (app.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING && System.currentTimeMillis() < wait) {
        consumer.poll(Duration.ofMillis(200));
      }
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config.kafkaClients())) {
        awaitCaughtUp(admin, config.get(NewswireConfig.ENRICH_APPLICATION_ID), Duration.ofMinutes(15));
      }
      consumer.poll(Duration.ofMillis(500));
      long start = System.nanoTime();
      int sent = 0;
      Set<String> pending = new HashSet<>();
      while (sent < articles.size() || !pending.isEmpty()) {
        long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
        while (sent < articles.size() && sent < due) {
          RawArticle a = articles.get(sent++);
          pending.add(a.getId());
          producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, null, System.currentTimeMillis(), a.getId(), a));
        }
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(5))) {
          if (pending.remove(r.key())) {
            latencies.add(System.currentTimeMillis() - r.timestamp());
          }
        }
        if (System.nanoTime() - start > (seconds + 120) * 1e9) {
          break;
        }
      }
    }
    latencies.sort(Long::compare);
    return new Latency(rate, latencies.size(), pct(latencies, 0.5), pct(latencies, 0.99), pct(latencies, 0.999));
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /** The stream time between two articles of the throughput runs: 50 articles per second, as in TrendRecordsTest. */
  static final long STREAM_MILLIS_PER_ARTICLE = 20;

  /** Produces the articles stamped {@link #STREAM_MILLIS_PER_ARTICLE} apart from {@code firstTimestamp}. */
  private static void produce(NewswireConfig config, Topics topics, List<RawArticle> articles, long firstTimestamp) {
    try (KafkaProducer<String, RawArticle> producer = producer(config, topics)) {
      long timestamp = firstTimestamp;
      for (RawArticle a : articles) {
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, null, timestamp, a.getId(), a));
        timestamp += STREAM_MILLIS_PER_ARTICLE;
      }
    }
  }

  private static KafkaProducer<String, RawArticle> producer(NewswireConfig config, Topics topics) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS), "acks", "all",
        "linger.ms", 5, "compression.type", "zstd"), topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
  }

  private static KafkaConsumer<String, EnrichedArticle> consumer(NewswireConfig config, Topics topics, String run) {
    return new KafkaConsumer<>(Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS),
        "group.id", run + "-reader-" + System.nanoTime(), "auto.offset.reset", "latest", "isolation.level", "read_committed"),
        new StringDeserializer(), topics.enrichedArticles.valueSerde().deserializer());
  }
}
