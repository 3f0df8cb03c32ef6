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
  public static final String LATENCY = "newswire.latency";
  public static final String SINK_BATCH = "newswire.sink.batch";

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
