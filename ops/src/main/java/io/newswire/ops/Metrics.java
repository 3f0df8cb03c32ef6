package io.newswire.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Newswire's metrics: one Prometheus registry per process, added to Micrometer's global registry so any
 * stage records into it without wiring, with JVM and process metrics bound. Metric names are documented in
 * docs/OPERATIONS.md; Kafka's own client and Streams metrics come through the Micrometer Kafka binders
 * (prefix {@code kafka_}).
 */
public final class Metrics {
  public static final String DEAD_LETTERS = "newswire.deadletters";
  public static final String ARTICLES = "newswire.articles";
  public static final String TAG_TIME = "newswire.enrich.tag";
  public static final String TREND_BUCKETS = "newswire.enrich.trend.buckets";
  public static final String TREND_SUBJECTS_DROPPED = "newswire.enrich.trend.subjects.dropped";
  public static final String LATENCY = "newswire.latency";
  public static final String SINK_BATCH = "newswire.sink.batch";
  public static final String CONSUMER_LAG = "newswire.consumer.lag";
  private static final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> LAG_MILLIS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final PrometheusMeterRegistry PROMETHEUS = create();

  private Metrics() {}

  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "newswire");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    io.micrometer.core.instrument.Metrics.addRegistry(registry);
    return registry;
  }

  public static MeterRegistry registry() {
    return PROMETHEUS;
  }

  public static String scrape() {
    return PROMETHEUS.scrape();
  }

  /** Articles a stage handled, by stage and outcome (published, duplicate, written, failed, ...). */
  public static Counter articles(String stage, String outcome) {
    return Counter.builder(ARTICLES).tag("stage", stage).tag("outcome", outcome)
        .description("Articles handled, by stage and outcome").register(PROMETHEUS);
  }

  /** Records a stage sent to the dead-letter topic or quarantine. */
  public static Counter deadLetters(String stage) {
    return Counter.builder(DEAD_LETTERS).tag("stage", stage)
        .description("Records sent to the dead-letter topic (or quarantine), by stage").register(PROMETHEUS);
  }

  /** Time from an article's ingest (fetchedAt) to the moment a stage finished with it. */
  public static void latency(String stage, Duration sinceIngest) {
    Timer.builder(LATENCY).tag("stage", stage).publishPercentiles(0.5, 0.99).publishPercentileHistogram(false)
        .description("End-to-end latency from ingest to this stage").register(PROMETHEUS)
        .record(sinceIngest.isNegative() ? Duration.ZERO : sinceIngest);
  }

  /**
   * How far behind a consumer group is, in time: the age of the newest record its last poll returned, growing
   * while the group waits (a store down, say), and 0 once a poll returns nothing because it has read everything.
   * Lag in records says how much is waiting; this says how late what users see is.
   *
   * @param newestTimestamp the timestamp of the newest record the poll returned, or -1 when it returned none
   */
  public static void lag(String stage, String group, long newestTimestamp) {
    LAG_MILLIS.computeIfAbsent(stage + "|" + group, key -> {
      java.util.concurrent.atomic.AtomicLong newest = new java.util.concurrent.atomic.AtomicLong(-1);
      io.micrometer.core.instrument.Gauge.builder(CONSUMER_LAG + ".seconds", newest,
              n -> n.get() < 0 ? 0 : Math.max(0, System.currentTimeMillis() - n.get()) / 1000.0)
          .tag("stage", stage).tag("group", group)
          .description("Age of the newest record the group's last poll returned; 0 when it has read everything")
          .register(PROMETHEUS);
      return newest;
    }).set(newestTimestamp);
  }

  /**
   * {@link #lag}'s gauge for a stage that cannot see its polls (a Kafka Streams application): {@code seconds} is
   * asked at each scrape. Remove the returned gauge from {@link #registry()} when the stage closes.
   */
  public static io.micrometer.core.instrument.Gauge lagGauge(String stage, String group,
      java.util.function.DoubleSupplier seconds) {
    return io.micrometer.core.instrument.Gauge.builder(CONSUMER_LAG + ".seconds", seconds,
            java.util.function.DoubleSupplier::getAsDouble)
        .strongReference(true).tag("stage", stage).tag("group", group)
        .description("Age of the newest record the group's last poll returned; 0 when it has read everything")
        .register(PROMETHEUS);
  }

  /** The timestamp of the newest record polled, or -1 for none: what {@link #lag} takes. */
  public static long newest(Iterable<? extends org.apache.kafka.clients.consumer.ConsumerRecord<?, ?>> records) {
    long newest = -1;
    for (var r : records) {
      newest = Math.max(newest, r.timestamp());
    }
    return newest;
  }

  public static Timer timer(String name, String description) {
    return Timer.builder(name).publishPercentiles(0.5, 0.99).description(description).register(PROMETHEUS);
  }

  /** Binds a Kafka client's own metrics (lag, request rates, ...); close the returned binder with the client. */
  public static AutoCloseable bind(Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(PROMETHEUS);
    return metrics;
  }

  public static AutoCloseable bind(Consumer<?, ?> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(PROMETHEUS);
    return metrics;
  }

  /** Binds a Kafka Streams application's metrics (threads, tasks, stores, its consumers and producers). */
  public static AutoCloseable bind(org.apache.kafka.streams.KafkaStreams streams) {
    io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics metrics =
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams);
    metrics.bindTo(PROMETHEUS);
    return metrics;
  }
}
