package io.newswire.enrich.trends;

import io.newswire.ops.Metrics;
import io.newswire.schema.TrendCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts subjects (entities and topics, keyed by id) per window advance, and emits the hopping windows'
 * totals of the changed buckets from punctuators: every {@link Trending#UPDATE_EVERY} of stream time while
 * articles flow, and every {@link Trending#FLUSH_EVERY} of wall-clock time, so the counts of a burst followed
 * by silence still reach the topic within {@link Trending#FLUSH_EVERY} (plus a commit) of the last article.
 *
 * <p>Stores, both in memory with changelogs, keyed {@code window|bucketStart|subject} (the start zero-padded
 * so keys sort by time):
 * <ul>
 *   <li>{@value #BUCKETS}: {@code count<TAB>subject description} for each bucket of each window size;
 *   <li>{@value #PENDING}: the buckets changed since the last emission, so an update due when the
 *       application stopped is still emitted after a restart.
 * </ul>
 * A hopping window's count is the sum of its buckets. An article older than every window that would contain
 * it (window end plus {@link Trending#GRACE} already passed in stream time) is not counted, and is counted
 * in {@code newswire_articles_total{stage="trends",outcome="late"}}. Buckets are deleted once every window
 * containing them has closed.
 */
final class TrendCounter implements Processor<String, String, String, TrendCount> {
  static final String BUCKETS = "trend-buckets";
  static final String PENDING = "trend-pending";

  private ProcessorContext<String, TrendCount> context;
  private KeyValueStore<String, String> buckets;
  private KeyValueStore<String, String> pending;
  /** Whether anything is marked pending; a restored store may hold marks, so it starts true. */
  private boolean dirty = true;

  @Override
  public void init(ProcessorContext<String, TrendCount> context) {
    this.context = context;
    this.buckets = context.getStateStore(BUCKETS);
    this.pending = context.getStateStore(PENDING);
    context.schedule(Trending.UPDATE_EVERY, org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME,
        this::emitPending);
    context.schedule(Trending.FLUSH_EVERY, org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        wallClock -> emitPending(context.currentStreamTimeMs()));
  }

  /** Emits the pending buckets' windows, if any, as of the task's stream time. */
  private void emitPending(long streamTime) {
    if (dirty && streamTime >= 0) {
      emit(streamTime);
      dirty = false;
    }
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    for (Trending.Window w : Trending.WINDOWS) {
      long bucket = w.bucketOf(record.timestamp());
      if (bucket + w.size().toMillis() + Trending.GRACE.toMillis() <= streamTime) {
        Metrics.articles("trends", "late").increment();
        continue;
      }
      String key = key(w, bucket, record.key());
      String old = buckets.get(key);
      long count = old == null ? 1 : Long.parseLong(old.substring(0, old.indexOf('\t'))) + 1;
      buckets.put(key, count + "\t" + record.value());
      // Marked once until the next emission: every mark is a changelog record, and a subject in the news is
      // counted many times a minute.
      if (pending.get(key) == null) {
        pending.put(key, "");
      }
      dirty = true;
    }
  }

  /** Emits every hopping window that contains a changed bucket, then forgets buckets of closed windows. */
  private void emit(long streamTime) {
    List<String> changed = new ArrayList<>();
    try (KeyValueIterator<String, String> it = pending.all()) {
      it.forEachRemaining(kv -> changed.add(kv.key));
    }
    Map<String, TrendCount> out = new LinkedHashMap<>();
    for (String key : changed) {
      String[] parts = key.split("\\|", 3);
      Trending.Window w = window(parts[0]);
      long bucket = Long.parseLong(parts[1]);
      String subjectKey = parts[2];
      int n = w.buckets();
      long advance = w.advance().toMillis();
      // Counts of the 2n-1 buckets around this one: every window containing it lies within them.
      long[] counts = new long[2 * n - 1];
      Subject subject = null;
      for (int i = 0; i < counts.length; i++) {
        String value = buckets.get(key(w, bucket + (i - (n - 1)) * advance, subjectKey));
        if (value != null) {
          int tab = value.indexOf('\t');
          counts[i] = Long.parseLong(value.substring(0, tab));
          subject = i == n - 1 || subject == null ? Subject.decode(value.substring(tab + 1)) : subject;
        }
      }
      if (subject == null) {
        continue; // already cleaned up
      }
      for (int first = 0; first < n; first++) { // window starting at bucket - (n - 1 - first) advances
        long total = 0;
        for (int i = first; i < first + n; i++) {
          total += counts[i];
        }
        long start = bucket - (long) (n - 1 - first) * advance;
        if (total > 0 && start + w.size().toMillis() + Trending.GRACE.toMillis() > streamTime) {
          out.put(w.name() + "|" + subjectKey + "|" + start, TrendCount.newBuilder()
              .setKind(subject.kind()).setKey(subjectKey).setName(subject.name()).setEntityType(subject.entityType())
              .setWindow(w.name()).setWindowStart(Instant.ofEpochMilli(start))
              .setWindowEnd(Instant.ofEpochMilli(start + w.size().toMillis())).setArticles(total).build());
        }
      }
    }
    out.forEach((k, v) -> context.forward(new Record<>(k, v, streamTime)));
    changed.forEach(pending::delete);
    for (Trending.Window w : Trending.WINDOWS) {
      long closedBefore = streamTime - w.size().toMillis() - Trending.GRACE.toMillis() - w.advance().toMillis();
      List<String> old = new ArrayList<>();
      try (KeyValueIterator<String, String> it = buckets.range(w.name() + "|", key(w, Math.max(0, closedBefore), ""))) {
        it.forEachRemaining(kv -> old.add(kv.key));
      }
      old.forEach(buckets::delete);
    }
  }

  static String key(Trending.Window w, long bucket, String subjectKey) {
    String digits = Long.toString(bucket);
    return w.name() + "|" + "0".repeat(Math.max(0, 13 - digits.length())) + digits + "|" + subjectKey;
  }

  static Trending.Window window(String name) {
    for (Trending.Window w : Trending.WINDOWS) {
      if (w.name().equals(name)) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown trend window " + name);
  }

  /** One parsed bucket entry, for queries. */
  record Bucket(Trending.Window window, long start, String subjectKey, long count, Subject subject) {
    static Bucket parse(KeyValue<String, String> kv) {
      String[] parts = kv.key.split("\\|", 3);
      int tab = kv.value.indexOf('\t');
      return new Bucket(TrendCounter.window(parts[0]), Long.parseLong(parts[1]), parts[2],
          Long.parseLong(kv.value.substring(0, tab)), Subject.decode(kv.value.substring(tab + 1)));
    }
  }
}
