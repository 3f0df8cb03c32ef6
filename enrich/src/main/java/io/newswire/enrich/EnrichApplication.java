package io.newswire.enrich;

import io.newswire.config.NewswireConfig;
import io.newswire.tagger.Tagger;
import io.newswire.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.newswire.enrich.query.Queries;
import io.newswire.ops.Metrics;
import io.newswire.ops.OpsServer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology. A stream thread that dies of an unexpected error is replaced, with the reason
 * logged, rather than taking the application down, but only {@value #MAX_THREAD_FAILURES} times within
 * {@link #FAILURE_WINDOW}: an error that comes back every time the same record is read again would otherwise
 * loop for ever, so the application stops with the reason instead (state ERROR, {@code /health} DOWN, the
 * command exits 1). {@code /health} is also DOWN while the streams are not RUNNING for longer than {@code
 * enrich.health.grace.ms}. {@link #close()} shuts down gracefully, committing what was processed.
 */
public final class EnrichApplication implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EnrichApplication.class);

  static final int MAX_THREAD_FAILURES = 3;
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);

  private final KafkaStreams streams;
  private final OpsServer http;
  private final AutoCloseable metrics;
  private final io.micrometer.core.instrument.Gauge lagGauge;
  private final long healthGraceMs;
  private final ThreadFailures failures = new ThreadFailures(MAX_THREAD_FAILURES, FAILURE_WINDOW);
  private volatile long notRunningSince = System.currentTimeMillis();
  private volatile String stopReason;
  private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

  public EnrichApplication(NewswireConfig config, Tagger tagger) {
    config.checked();
    Topics.requireTopics(config, "enrich", Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES, Topics.DEAD_LETTERS,
        Topics.TRENDS, Topics.ENRICH_INDEX);
    io.newswire.registry.SchemaRegistryClients.requireReachable(config.serdes(), "enrich");
    Properties props = EnrichTopology.streamsConfig(config);
    Topics topics = Topics.create(config.serdes());
    int port = config.getInt(NewswireConfig.ENRICH_HTTP_PORT);
    HostInfo self = null;
    if (port >= 0) {
      // The HTTP server starts first so its port is known before Streams advertises it (application.server).
      String advertised = config.get(NewswireConfig.HTTP_ADVERTISED_HOST);
      try {
        this.http = OpsServer.start(config.get(NewswireConfig.HTTP_HOST), port, this::liveness, this::readiness);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Cannot listen on " + config.get(NewswireConfig.HTTP_HOST) + ":" + port
            + " for enrich's HTTP endpoints (" + e.getMessage() + "); set " + NewswireConfig.ENRICH_HTTP_PORT
            + " to a free port, 0 for any, or -1 for none", e);
      }
      self = new HostInfo(advertised == null || advertised.isBlank() ? reachableHost(config.get(NewswireConfig.HTTP_HOST))
          : advertised, http.port());
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    } else {
      this.http = null;
    }
    this.streams = new KafkaStreams(EnrichTopology.build(topics, new TimedTagger(tagger), Clock.systemUTC(),
        Duration.ofHours(config.getInt(NewswireConfig.ENRICH_DUPLICATE_RETENTION_HOURS)),
        io.newswire.topics.RecordSizes.recordMaxBytes(config.articleMaxBytes()),
        config.getInt(NewswireConfig.ENRICH_TRENDS_BUCKET_MAX_SUBJECTS),
        Duration.ofMillis(config.getLong(NewswireConfig.ENRICH_COMMIT_INTERVAL_MS)),
        Duration.ofMillis(config.getLong(NewswireConfig.ENRICH_COMMIT_BACKLOG_LAG_MS))), props);
    this.healthGraceMs = config.getLong(NewswireConfig.ENRICH_HEALTH_GRACE_MS);
    streams.setUncaughtExceptionHandler(this::onThreadFailure);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        notRunningSince = -1;
      } else if (notRunningSince < 0) {
        notRunningSince = System.currentTimeMillis();
      }
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    this.metrics = Metrics.bind(streams);
    // Lag in time: while the raw topic has a backlog, the age of the article processed last; 0 once caught up.
    this.lagGauge = Metrics.lagGauge("enrich", props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), () -> {
      long latest = io.newswire.enrich.duplicates.ExactDuplicates.LATEST_TIMESTAMP.get();
      return latest < 0 || rawBacklog() <= 0 ? 0 : Math.max(0, System.currentTimeMillis() - latest) / 1000.0;
    });
    if (http != null) {
      new Queries(streams, self, new StoredArticles(topics)).register(http);
    }
  }

  /** Records of the raw topic this instance's consumers have yet to read (Kafka's records-lag, summed). */
  private double rawBacklog() {
    double lag = 0;
    for (var e : streams.metrics().entrySet()) {
      var name = e.getKey();
      if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
          && io.newswire.topics.Topics.RAW_ARTICLES.equals(name.tags().get("topic"))
          && e.getValue().metricValue() instanceof Double d && !d.isNaN()) {
        lag += d;
      }
    }
    return lag;
  }

  /**
   * The host other instances reach this one's queries at: the listening address, unless that is the wildcard
   * (containers listen on 0.0.0.0), which nobody can connect to: then this machine's own address, so scaled
   * instances (docker compose --scale) each advertise their own.
   */
  static String reachableHost(String listening) {
    if (!"0.0.0.0".equals(listening) && !"::".equals(listening)) {
      return listening;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  private StreamThreadExceptionResponse onThreadFailure(Throwable error) {
    if (failures.tooMany(System.currentTimeMillis())) {
      stopReason = "the stream thread failed " + failures.recent() + " times within " + FAILURE_WINDOW.toMinutes()
          + " minutes; the last error: " + io.newswire.deadletter.DeadLetters.messageOf(error);
      log.error("enrich stops: {} (the same error on every retry would otherwise loop for ever; see"
          + " docs/RELIABILITY.md)", stopReason, error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.error("Stream thread failed ({} of {} allowed within {} minutes); replacing it", failures.recent(),
        MAX_THREAD_FAILURES - 1, FAILURE_WINDOW.toMinutes(), error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private OpsServer.Check liveness() {
    KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR) {
      return new OpsServer.Check(false, "streams " + state + (stopReason == null ? "" : ": " + stopReason));
    }
    long since = notRunningSince;
    if (since > 0 && state != KafkaStreams.State.CREATED && System.currentTimeMillis() - since > healthGraceMs) {
      return new OpsServer.Check(false, "streams " + state + " for " + (System.currentTimeMillis() - since) / 1000
          + " s, longer than enrich.health.grace.ms");
    }
    return new OpsServer.Check(true, "streams " + state);
  }

  /** Waits until the application stops of itself (an error it could not get past); returns why, or null. */
  public String awaitStop() throws InterruptedException {
    stopped.await();
    return stopReason == null ? "streams " + streams.state() : stopReason;
  }

  private OpsServer.Check readiness() {
    KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
    return new OpsServer.Check(state == KafkaStreams.State.RUNNING, "streams " + state);
  }

  /** The port of the HTTP endpoints, or -1 when they are off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public void start() {
    notRunningSince = System.currentTimeMillis();
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    // Leave the group on a clean shutdown: its partitions move at once, and tools (newswire replay,
    // kafka-streams-application-reset) see an empty group instead of waiting for the session to time out.
    streams.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    try {
      metrics.close();
    } catch (Exception e) {
      log.debug("Closing metrics", e);
    }
    Metrics.registry().remove(lagGauge);
    if (http != null) {
      http.close();
    }
  }

  /** Times every tagging for the {@value Metrics#TAG_TIME} metric. */
  private record TimedTagger(Tagger tagger) implements Tagger {
    private static final io.micrometer.core.instrument.Timer TIMER = Metrics.timer(Metrics.TAG_TIME, "Time to tag one article");

    @Override
    public io.newswire.tagger.Tagging tag(String title, String body) {
      return TIMER.record(() -> tagger.tag(title, body));
    }

    @Override
    public String name() {
      return tagger.name();
    }

    @Override
    public int enrichmentVersion() {
      return tagger.enrichmentVersion();
    }
  }
}
