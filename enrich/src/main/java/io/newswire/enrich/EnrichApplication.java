package io.newswire.enrich;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.tagger.Tagger;
import io.newswire.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
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

  public EnrichApplication(NewswireConfig config, Tagger tagger) {
    Properties props = EnrichTopology.streamsConfig(config);
    Topics topics = Topics.create(config.serdes());
    this.streams = new KafkaStreams(EnrichTopology.build(topics, tagger, Clock.systemUTC(),
        Duration.ofHours(config.getInt(NewswireConfig.ENRICH_DUPLICATE_RETENTION_HOURS))), props);
    streams.setUncaughtExceptionHandler(error -> {
      log.error("Stream thread failed; replacing it", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
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
    streams.close(Duration.ofSeconds(30));
  }
}
