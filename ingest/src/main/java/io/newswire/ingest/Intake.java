package io.newswire.ingest;

import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every source's items go: normalised, checked against the articles already published, published, or
 * sent to the dead-letter topic with the reason (and to the quarantine folder if even that fails). Files,
 * feeds and the HTTP endpoint all use it, so they treat input the same way.
 */
public final class Intake {
  private static final io.micrometer.core.instrument.Counter PUBLISHED = io.newswire.ops.Metrics.articles("ingest", "published");
  private static final io.micrometer.core.instrument.Counter SKIPPED = io.newswire.ops.Metrics.articles("ingest", "already-seen");
  private static final io.micrometer.core.instrument.Counter DEAD = io.newswire.ops.Metrics.deadLetters("ingest");

  public enum Outcome { PUBLISHED, SKIPPED, DEAD_LETTERED, QUARANTINED }

  /**
   * What happened to one item; {@code id} is set when it became an article. {@code retriable} says whether
   * sending the same item again may succeed (Kafka was unavailable) or never will (too large, invalid).
   */
  public record Result(Outcome outcome, String id, String reason, boolean retriable, boolean tooLarge) {
    Result(Outcome outcome, String id, String reason) {
      this(outcome, id, reason, false, false);
    }
  }

  private final Normaliser normaliser;
  private final ArticlePublisher publisher;
  private final SeenArticles seen;
  private final Quarantine quarantine;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public Intake(Normaliser normaliser, ArticlePublisher publisher, SeenArticles seen, Quarantine quarantine) {
    this.normaliser = normaliser;
    this.publisher = publisher;
    this.seen = seen;
    this.quarantine = quarantine;
  }

  public CompletableFuture<Result> accept(SourceItem item, IngestSummary summary) {
    if (item instanceof SourceItem.Unreadable bad) {
      return deadLetter(bad.origin(), bad.payload(), bad.reason(), summary, null);
    }
    ArticleDraft draft = ((SourceItem.Draft) item).draft();
    RawArticle article;
    try {
      article = normaliser.normalise(draft);
    } catch (RuntimeException e) {
      return deadLetter(draft.origin(), draft.body() == null ? null : draft.body().getBytes(StandardCharsets.UTF_8),
          e, summary, null);
    }
    String id = article.getId();
    if (seen.contains(id) || !inFlight.add(id)) {
      summary.skipped();
      SKIPPED.increment();
      return CompletableFuture.completedFuture(new Result(Outcome.SKIPPED, id, "already published"));
    }
    return publisher.publish(article)
        .thenApply(metadata -> {
          seen.add(id);
          inFlight.remove(id);
          summary.published();
          PUBLISHED.increment();
          return new Result(Outcome.PUBLISHED, id, null);
        })
        .exceptionallyCompose(error -> {
          inFlight.remove(id);
          return deadLetter(draft.origin(), article.toString().getBytes(StandardCharsets.UTF_8), unwrap(error), summary, id);
        });
  }

  /** Waits for Kafka to acknowledge what was sent and records the ids durably. */
  public void flush() {
    publisher.flush();
    seen.flush();
  }

  private CompletableFuture<Result> deadLetter(String origin, byte[] payload, Throwable reason, IngestSummary summary,
      String id) {
    return publisher.deadLetter(origin, payload, reason)
        .thenApply(m -> {
          summary.deadLettered(origin, reason.getMessage());
          DEAD.increment();
          return new Result(Outcome.DEAD_LETTERED, id, reason.getMessage(), retriable(reason), tooLarge(reason));
        })
        .exceptionally(error -> {
          quarantine.put(origin, payload, reason);
          summary.quarantined(origin, reason.getMessage());
          DEAD.increment();
          return new Result(Outcome.QUARANTINED, id, reason.getMessage(), true, tooLarge(reason));
        });
  }

  /** Kafka's retriable errors (timeouts, no leader, not enough replicas) may pass on a later try; nothing else will. */
  static boolean retriable(Throwable reason) {
    return reason instanceof org.apache.kafka.common.errors.RetriableException;
  }

  static boolean tooLarge(Throwable reason) {
    return reason instanceof org.apache.kafka.common.errors.RecordTooLargeException
        || reason instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
