package io.newswire.dev.bench;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.IngestContext;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.ingest.files.FileIngest;
import io.newswire.ingest.publish.ArticlePublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Ingest throughput from a large JSON Lines file against Kafka's own ProducerPerformance on the same broker,
 * with the same number of records of the same size, the same producer settings (acks=all, idempotent, zstd,
 * linger.ms=100, batch.size=256 KB), keyed records and topics with the same partition count. ProducerPerformance runs in a
 * child JVM like a user would run kafka-producer-perf-test; ingest runs in this one.
 */
public final class IngestBenchmark {
  /**
   * One run's figures; {@code cpuSeconds} and {@code cpuShares} (the share of those CPU-seconds per kind of
   * thread) are ingest's own process, measured for ingest only (0 and empty for ProducerPerformance);
   * {@code cpuMicrosPerRecord} is the CPU time per record of the process (for ProducerPerformance, while it
   * sent the measured records: see {@link SendingCpu}).
   */
  public record Result(String what, long records, double seconds, double recordsPerSecond, double mbPerSecond,
      double cpuSeconds, Map<String, Double> cpuShares, double cpuMicrosPerRecord) {
    @Override
    public String toString() {
      return String.format("%s: %d records in %.2f s, %.0f records/s, %.1f MB/s%s", what, records, seconds,
          recordsPerSecond, mbPerSecond, cpuSeconds > 0 ? String.format(", %.2f CPU-s", cpuSeconds) : "");
    }
  }

  private static final Pattern PERF_LINE = Pattern.compile(
      "(\\d+)( steady state)? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

  private IngestBenchmark() {}

  /** Runs ingest once on a fresh state and returns its figures. */
  public static Result ingest(NewswireConfig config, Path jsonl, Path stateDir) {
    // The corpus file is one input of up to hundreds of MB: its reader below takes any size, while the records
    // it makes are a few KB, so ingest.max.bytes (and the record sizes derived from it) keeps its default.
    NewswireConfig fresh = config.with(Map.of(NewswireConfig.INGEST_STATE_DIR, stateDir.toString()));
    long bytes;
    try {
      bytes = Files.size(jsonl);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    CpuTime.Watch cpu = CpuTime.watch();
    long t0 = System.nanoTime();
    IngestSummary summary;
    try (IngestContext context = new IngestContext(fresh)) {
      summary = new FileIngest(new ArticleFiles(Long.MAX_VALUE / 2), context.intake())
          .run(List.of(jsonl.toString()), (d, t) -> { });
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    CpuTime cpuAfter = cpu.stop();
    CpuTime cpuBefore = cpu.start();
    long n = summary.publishedCount();
    if (summary.failedCount() > 0) {
      throw new IllegalStateException("Benchmark ingest had failures: " + summary.failures());
    }
    return new Result("newswire ingest files", n, seconds, n / seconds, bytes / seconds / 1e6,
        cpuAfter.secondsSince(cpuBefore), cpuAfter.sharesSince(cpuBefore, KINDS),
        cpuAfter.secondsSince(cpuBefore) * 1e6 / Math.max(1, n));
  }

  private static final java.util.function.Function<String, String> KINDS = CpuTime.kinds(
      "kafka-producer-network-thread", "producer I/O (batches compressed and sent)",
      "ingest-worker", "workers (parse, normalise, hash, serialise, append)",
      "main", "reading thread (splits lines; works too when the workers are behind)");

  /**
   * Runs Kafka's ProducerPerformance with each line of {@code payloads} as a record value, keyed like ingest
   * keys articles (random keys from as many as there are records, so records spread over every partition),
   * after {@code warmUp} records that are not counted (its steady-state figure), as ingest is measured warm.
   */
  public static Result producerPerformance(String bootstrap, Path payloads, long records, long warmUp, String topic,
      int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(Set.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
      }
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
        System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
        "--topic", topic, "--num-records", Long.toString(records + warmUp), "--throughput", "-1",
        "--key-distribution", "random", "--record-key-range", Long.toString(records), "--random-seed", "42",
        "--payload-file", payloads.toString(), "--producer-props", "bootstrap.servers=" + bootstrap));
    if (warmUp > 0) {
      command.addAll(command.indexOf("--throughput"), List.of("--warmup-records", Long.toString(warmUp)));
    }
    ArticlePublisher.producerConfig(Map.of(), "producer-performance").forEach((k, v) -> {
      if (!k.equals("client.id")) {
        command.add(k + "=" + v);
      }
    });
    long before = endOffsets(bootstrap, topic);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    SendingCpu cpu = new SendingCpu(process, bootstrap, topic, before + warmUp, before + warmUp + records);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    cpu.stop();
    String[] last = null;
    String[] steady = null;
    Matcher m = PERF_LINE.matcher(output);
    while (m.find()) {
      last = new String[] {m.group(1), m.group(3), m.group(4)}; // the final line is the whole run's figure
      if (m.group(2) != null) {
        steady = last; // the figure after the warm-up records
      }
    }
    if (steady != null) {
      last = steady;
    }
    if (last == null) {
      throw new IllegalStateException("ProducerPerformance printed no result:\n" + output);
    }
    long sent = Long.parseLong(last[0]);
    double rate = Double.parseDouble(last[1]);
    double mb = Double.parseDouble(last[2]);
    return new Result("Kafka ProducerPerformance", sent, sent / rate, rate, mb * 1.048576, 0, Map.of(),
        cpu.microsPerRecord());
  }

  private static long endOffsets(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return endOffsets(admin, topic);
    }
  }

  private static long endOffsets(Admin admin, String topic) throws Exception {
    return TopicOffsets.ends(admin, Set.of(topic)).get(topic);
  }

  /**
   * ProducerPerformance's CPU time per record while it sends the measured records: its process's CPU time is
   * read every 20 ms beside the topic's end offsets, and the CPU used between the end of the warm-up records
   * and the last measured record is divided by the records written in between. Its start (JVM, reading the
   * payload file) and warm-up are left out, as they are for ingest.
   */
  private static final class SendingCpu {
    private final Thread reader;
    private volatile boolean running = true;
    private long firstOffset = -1;
    private long firstCpu;
    private long lastOffset = -1;
    private long lastCpu;

    SendingCpu(Process process, String bootstrap, String topic, long from, long to) {
      reader = new Thread(() -> {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
          while (running && process.isAlive()) {
            long cpu = process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
            long offset = endOffsets(admin, topic);
            // A process that is exiting may no longer report its CPU time: such a sample says nothing (read as
            // zero, it once made the figure negative).
            synchronized (this) {
              if (cpu >= 0 && offset >= from && firstOffset < 0) {
                firstOffset = offset;
                firstCpu = cpu;
              }
              if (cpu >= 0 && offset <= to && firstOffset >= 0) {
                lastOffset = offset;
                lastCpu = cpu;
              }
            }
            Thread.sleep(20);
          }
        } catch (Exception e) {
          // no figure, rather than a failed benchmark
        }
      }, "producer-performance-cpu");
      reader.setDaemon(true);
      reader.start();
    }

    void stop() throws InterruptedException {
      running = false;
      reader.join(5_000);
    }

    /** Microseconds of CPU per record sent in the measured stretch, or NaN when it was too short to see. */
    synchronized double microsPerRecord() {
      return lastOffset - firstOffset < 1_000 || lastCpu < firstCpu ? Double.NaN
          : (lastCpu - firstCpu) / 1e3 / (lastOffset - firstOffset);
    }
  }
}
