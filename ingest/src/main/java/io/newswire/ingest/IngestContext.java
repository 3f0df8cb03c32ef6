package io.newswire.ingest;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.fetch.HostLimiter;
import io.newswire.ingest.fetch.HttpFetcher;
import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;

/** What every ingest source shares, built from the configuration: the publisher, the memory of published ids, the intake. */
public final class IngestContext implements AutoCloseable {
  private final NewswireConfig config;
  private final ArticlePublisher publisher;
  private final SeenArticles seen;
  private final Quarantine quarantine;
  private final Intake intake;

  public IngestContext(NewswireConfig config) {
    config.checked();
    Topics.requireTopics(config, "ingest", Topics.RAW_ARTICLES, Topics.DEAD_LETTERS);
    io.newswire.registry.SchemaRegistryClients.requireReachable(config.serdes(), "ingest");
    this.config = config;
    Path stateDir = Path.of(config.get(NewswireConfig.INGEST_STATE_DIR));
    this.publisher = new ArticlePublisher(config.producerClients(), Topics.create(config.serdes()),
        config.getInt(NewswireConfig.INGEST_MAX_IN_FLIGHT),
        io.newswire.topics.RecordSizes.deadLetterPayloadBytes(config.articleMaxBytes()));
    this.seen = SeenArticles.open(stateDir.resolve("published-ids"), config.getInt(NewswireConfig.INGEST_SEEN_MAX));
    this.quarantine = new Quarantine(Path.of(config.get(NewswireConfig.INGEST_QUARANTINE_DIR)));
    this.intake = new Intake(new Normaliser(), publisher, seen, quarantine);
  }

  public Intake intake() {
    return intake;
  }

  public Quarantine quarantine() {
    return quarantine;
  }

  public Path stateDir() {
    return Path.of(config.get(NewswireConfig.INGEST_STATE_DIR));
  }

  public long maxBytes() {
    return config.getLong(NewswireConfig.INGEST_MAX_BYTES);
  }

  public HttpFetcher fetcher() {
    return new HttpFetcher(config.get(NewswireConfig.INGEST_USER_AGENT),
        Duration.ofMillis(config.getInt(NewswireConfig.INGEST_FETCH_TIMEOUT_MS)), maxBytes(),
        new HostLimiter(config.getInt(NewswireConfig.INGEST_HOST_CONCURRENCY),
            config.getLong(NewswireConfig.INGEST_HOST_DELAY_MS)));
  }

  @Override
  public void close() {
    intake.flush();
    publisher.close();
    seen.close();
  }
}
