package io.newswire.enrich.trends;

import io.newswire.ops.Metrics;
import io.newswire.schema.TrendCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts an article's subjects (entities and topics, keyed by id) per window advance ("bucket"), and emits
 * the hopping windows' totals of the changed buckets from punctuators: every {@link Trending#UPDATE_EVERY} of
 * stream time while articles flow, and on wall-clock time once no article has come for half of {@link
 * Trending#FLUSH_EVERY}, so the counts of a burst followed by silence still reach the topic within {@link
 * Trending#FLUSH_EVERY} (plus a commit) of the last article.
 *
 * <p>Each record is one article with all its subjects; the counts live in {@link TrendCounts}, keyed {@code
 * window|bucketStart|subject} (the start zero-padded so keys sort by time), whose changelog takes one record
 * per article and one per emission. A hopping window's count is the sum of its buckets. An article older than
 * every window that would contain it (window end plus {@link Trending#GRACE} already passed in stream time) is
 * not counted for that window size, and is counted in {@code newswire_articles_total{stage="trends",
 * outcome="late"}}. Buckets are dropped once every window containing them has closed.
 */
final class TrendCounter implements Processor<String, String, String, TrendCount> {
  static final String COUNTS = "trend-counts";

  private ProcessorContext<String, TrendCount> context;
  private KeyValueStore<String, String> counts;
  /** The offset of the last input record processed, for the emission marks. */
  private long lastOffset = -1;
  /** Wall-clock times of the last article counted and of the last emission. */
  private long lastArticleWallClock;
  private long lastEmissionWallClock;

  @Override
  public void init(ProcessorContext<String, TrendCount> context) {
    this.context = context;
    this.counts = context.getStateStore(COUNTS);
    context.schedule(Trending.UPDATE_EVERY, org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME,
        this::emitPending);
    // On wall-clock time only when the stream has gone quiet, or nothing went out for a minute: while articles flow,
    // stream time paces the updates, as each emission costs records for every changed subject. Looking twice per
    // FLUSH_EVERY for half of it quiet puts a burst's counts out 5-10 s after its last article.
    long quiet = Trending.FLUSH_EVERY.toMillis() / 2;
    context.schedule(Duration.ofMillis(quiet), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        wallClock -> {
          if (wallClock - lastArticleWallClock >= quiet
              || wallClock - lastEmissionWallClock >= Trending.UPDATE_EVERY.toMillis()) {
            emitPending(context.currentStreamTimeMs());
          }
        });
  }

  /** Emits the pending buckets' windows and the windows closed since the last emission, if any. */
  private void emitPending(long streamTime) {
    if (streamTime < 0) {
      return;
    }
    String pending = counts.get(TrendCounts.PENDING);
    String emitted = counts.get(TrendCounts.EMITTED);
    long last = emitted == null ? -1 : Long.parseLong(emitted);
    if (pending != null || last >= 0 && closedSince(last, streamTime)) {
      emit(pending == null ? List.of() : List.of(pending.split("\n")), last, streamTime);
    }
  }

  private static boolean closedSince(long last, long streamTime) {
    for (Trending.Window w : Trending.WINDOWS) {
      if (w.bucketOf(last) + w.advance().toMillis() <= streamTime) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value() == null || record.value().isEmpty()) {
      return;
    }
    lastArticleWallClock = context.currentSystemTimeMs();
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    // The input's offset makes the addition idempotent (TrendCounts): the repartition topic has one partition.
    long offset = context.recordMetadata().orElseThrow().offset();
    lastOffset = offset;
    StringBuilder additions = new StringBuilder(record.value().length() * 2 + 64).append(offset).append('\n');
    int header = additions.length();
    for (Trending.Window w : Trending.WINDOWS) {
      long bucket = w.bucketOf(record.timestamp());
      if (bucket + w.size().toMillis() + Trending.GRACE.toMillis() <= streamTime) {
        Metrics.articles("trends", "late").increment();
        continue;
      }
      String prefix = key(w, bucket, "");
      String subjects = record.value();
      for (int start = 0; start < subjects.length(); ) {
        int end = subjects.indexOf('\n', start);
        end = end < 0 ? subjects.length() : end;
        if (end > start) {
          additions.append(prefix).append(subjects, start, end).append('\n'); // subject TAB description
        }
        start = end + 1;
      }
    }
    if (additions.length() > header) {
      counts.put(TrendCounts.ADD, additions.toString());
    }
  }

  /**
   * Emits, for each changed bucket, the current window (the one that ends with the bucket of the stream time: the
   * last hour, or day, as {@code /trends} counts it) and the closed windows still within their grace that contain
   * it (a late article changed them); then every window that closed since the last emission, with its final count,
   * for every subject it holds. A window still open but not current waits for its close, so each window goes out
   * once rather than with every change to any of its buckets. Then forgets the buckets of closed windows.
   */
  private void emit(List<String> changed, long last, long streamTime) {
    lastEmissionWallClock = context.currentSystemTimeMs();
    Map<String, TrendCount> out = new LinkedHashMap<>();
    for (String key : changed) {
      String[] parts = key.split("\\|", 3);
      Trending.Window w = window(parts[0]);
      long bucket = Long.parseLong(parts[1]);
      long advance = w.advance().toMillis();
      long current = w.endingWith(w.bucketOf(streamTime));
      for (long start = w.endingWith(bucket); start <= bucket; start += advance) {
        long end = start + w.size().toMillis();
        boolean closed = end <= streamTime && end + Trending.GRACE.toMillis() > streamTime;
        if (start == current || closed) {
          window(w, start, parts[2], out);
        }
      }
    }
    for (Trending.Window w : Trending.WINDOWS) {
      long advance = w.advance().toMillis();
      long from = last >= 0 ? w.bucketOf(last) + advance : w.bucketOf(streamTime) - w.size().toMillis();
      for (long end = from; end <= streamTime; end += advance) {
        closedWindow(w, end - w.size().toMillis(), out);
      }
    }
    out.forEach((k, v) -> context.forward(new Record<>(k, v, streamTime)));
    // Clears the marks and drops the buckets of closed windows: one changelog record.
    counts.put(TrendCounts.EMITTED, streamTime + "\t" + lastOffset);
  }

  /** One subject's count in the window of {@code w} that starts at {@code start}, into {@code out} if above zero. */
  private void window(Trending.Window w, long start, String subjectKey, Map<String, TrendCount> out) {
    long total = 0;
    Subject subject = null;
    for (int i = 0; i < w.buckets(); i++) {
      String value = counts.get(key(w, start + i * w.advance().toMillis(), subjectKey));
      if (value != null) {
        int tab = value.indexOf('\t');
        total += Long.parseLong(value.substring(0, tab));
        subject = Subject.decode(value.substring(tab + 1));
      }
    }
    if (total > 0) {
      out.put(w.name() + "|" + subjectKey + "|" + start, count(w, start, subjectKey, subject, total));
    }
  }

  /** Every subject's final count in the window of {@code w} that starts at {@code start}, into {@code out}. */
  private void closedWindow(Trending.Window w, long start, Map<String, TrendCount> out) {
    for (TrendCount t : Trending.totals(counts, w, start)) {
      out.put(w.name() + "|" + t.getKey() + "|" + start, t);
    }
  }

  static TrendCount count(Trending.Window w, long start, String subjectKey, Subject subject, long total) {
    return TrendCount.newBuilder()
        .setKind(subject.kind()).setKey(subjectKey).setName(subject.name()).setEntityType(subject.entityType())
        .setWindow(w.name()).setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + w.size().toMillis())).setArticles(total).build();
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
