package io.newswire.enrich;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.tagger.Tagger;
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
 * logged, rather than taking the application down; {@link #close()} shuts down gracefully, committing what
 * was processed.
 */
public final class EnrichApplication implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EnrichApplication.class);

  private final KafkaStreams streams;
  private final OpsServer http;
  private final AutoCloseable metrics;

  public EnrichApplication(NewswireConfig config, Tagger tagger) {
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
      self = new HostInfo(advertised == null || advertised.isBlank() ? config.get(NewswireConfig.HTTP_HOST) : advertised,
          http.port());
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    } else {
      this.http = null;
    }
    this.streams = new KafkaStreams(EnrichTopology.build(topics, new TimedTagger(tagger), Clock.systemUTC(),
        Duration.ofHours(config.getInt(NewswireConfig.ENRICH_DUPLICATE_RETENTION_HOURS))), props);
    streams.setUncaughtExceptionHandler(error -> {
      log.error("Stream thread failed; replacing it", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.metrics = Metrics.bind(streams);
    if (http != null) {
      new Queries(streams, self).register(http);
    }
  }

  private OpsServer.Check liveness() {
    KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
    return new OpsServer.Check(state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING,
        "streams " + state);
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
    if (http != null) {
      http.close();
    }
  }

  /** Times every tagging for the {@value Metrics#TAG_TIME} metric. */
  private record TimedTagger(Tagger tagger) implements Tagger {
    private static final io.micrometer.core.instrument.Timer TIMER = Metrics.timer(Metrics.TAG_TIME, "Time to tag one article");

    @Override
    public io.newswire.enrich.tagger.Tagging tag(String title, String body) {
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
