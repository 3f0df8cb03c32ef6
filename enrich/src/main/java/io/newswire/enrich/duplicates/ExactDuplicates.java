package io.newswire.enrich.duplicates;

import io.newswire.enrich.CommitPace;
import io.newswire.schema.RawArticle;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops exact duplicates of an article: the same id with the same content hash within the retention
 * window (a source sent it again, a poller lost its memory, a producer retried after a crash). The same id
 * with new content is an update and goes on. Records stay keyed by article id, so each article's records
 * keep their order and a retraction never overtakes the article it retracts. Duplicates are counted in the
 * {@code duplicates-total} metric (group stream-newswire-metrics). A fixed-key processor: the key never
 * changes, so nothing downstream needs a repartition. Being the first to take every raw record, it also asks for
 * enrich's commits at the pace {@link CommitPace} sets.
 */
public final class ExactDuplicates implements FixedKeyProcessor<String, RawArticle, RawArticle> {
  public static final String STORE = "article-contents";

  private final Duration retention;
  private final CommitPace pace;
  private FixedKeyProcessorContext<String, RawArticle> context;
  private WindowStore<String, String> seen;
  private Sensor duplicates;

  /** @param pace when to ask for commits: this processor takes every raw record first (one per task) */
  public ExactDuplicates(Duration retention, CommitPace pace) {
    this.retention = retention;
    this.pace = pace;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
    this.duplicates = context.metrics().addRateTotalSensor("newswire", "enrich", "duplicates",
        Sensor.RecordingLevel.INFO);
    context.schedule(pace.interval(), PunctuationType.WALL_CLOCK_TIME, now -> {
      if (pace.commitNow(now)) {
        context.commit();
      }
    });
  }

  /**
   * The timestamp of the raw article processed last, by any task of this process: how far behind enrich is in
   * time while it has a backlog (the lag gauge in EnrichApplication).
   */
  public static final java.util.concurrent.atomic.AtomicLong LATEST_TIMESTAMP = new java.util.concurrent.atomic.AtomicLong(-1);

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    pace.taken(record.timestamp());
    RawArticle article = record.value();
    if (article == null) {
      context.forward(record); // a retraction
      return;
    }
    long time = record.timestamp();
    LATEST_TIMESTAMP.set(time);
    try (WindowStoreIterator<String> earlier = seen.fetch(record.key(), time - retention.toMillis(),
        time + retention.toMillis())) {
      while (earlier.hasNext()) {
        if (article.getContentHash().equals(earlier.next().value)) {
          duplicates.record();
          return;
        }
      }
    }
    seen.put(record.key(), article.getContentHash(), time);
    context.forward(record);
  }
}
