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
 * Counts an article's subjects (entities and topics, keyed by id) per window advance ("bucket"), and sends a
 * subject's count in a window only when it changed from the window before: when stream time enters a new
 * five-minute bucket, and on wall-clock time once no article has come for half of {@link Trending#FLUSH_EVERY}, so
 * the counts of a burst followed by silence still reach the topic within {@link Trending#FLUSH_EVERY} (plus a
 * commit) of the last article.
 *
 * <p>What goes out (docs/ENRICH.md, "Trending"): as a window closes, its count for the subjects of its newest bucket
 * and of the bucket that left it (zero when nothing else in it holds them); corrections after late articles; and at a
 * quiet flush the current hour so far. A subject's count
 * in a window without a record of its own is that of its latest earlier record: the hopping windows that contain a
 * bucket share its counts, and sending all of them (twelve hours, eight days per bucket) was most of the trend
 * records.
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
  /** The window with the finest advance, whose buckets pace the emissions. */
  private static final Trending.Window PACE = Trending.WINDOWS.get(0);

  private ProcessorContext<String, TrendCount> context;
  private KeyValueStore<String, String> counts;
  /** Wall-clock times of the last article counted and of the last emission. */
  private long lastArticleWallClock;
  private long lastEmissionWallClock;

  @Override
  public void init(ProcessorContext<String, TrendCount> context) {
    this.context = context;
    this.counts = context.getStateStore(COUNTS);
    // While articles flow, entering a new bucket of stream time emits (process). On wall-clock time only when the
    // stream has gone quiet, or nothing went out for two buckets' time (a live stream enters a bucket every five
    // minutes of wall-clock time too, and a flush just before it would send the current windows twice): looking
    // twice per FLUSH_EVERY for half of it quiet puts a burst's counts out 5-10 s after its last article.
    long quiet = Trending.FLUSH_EVERY.toMillis() / 2;
    context.schedule(Duration.ofMillis(quiet), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        wallClock -> {
          if (wallClock - lastArticleWallClock >= quiet
              || wallClock - lastEmissionWallClock >= 2 * Trending.UPDATE_EVERY.toMillis()) {
            emitPending(context.currentStreamTimeMs());
          }
        });
  }

  /** Emits what changed since the last emission, if anything did. */
  private void emitPending(long streamTime) {
    String emitted = counts.get(TrendCounts.EMITTED);
    if (streamTime < 0 || emitted == null) {
      return;
    }
    long last = Long.parseLong(emitted);
    streamTime = Math.max(streamTime, last); // a restarted task's stream time may not have reached the last mark's
    String pending = counts.get(TrendCounts.PENDING);
    List<String> changed = pending == null ? List.of() : List.of(pending.split("\n"));
    // The day's pending marks wait for its close; a flush sends only the hour's.
    if (changed.stream().anyMatch(key -> key.startsWith(PACE.name() + "|"))
        || PACE.bucketOf(streamTime) > PACE.bucketOf(last)) {
      emit(changed, last, streamTime, true);
    }
  }

  @Override
  public void process(Record<String, String> record) {
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    String emitted = counts.get(TrendCounts.EMITTED);
    if (emitted == null) {
      // The first article this store sees: the mark from which the windows that close are counted.
      counts.put(TrendCounts.EMITTED, streamTime + "\t" + counts.get(TrendCounts.APPLIED) + "\tflush");
    } else if (PACE.bucketOf(streamTime) > PACE.bucketOf(Long.parseLong(emitted))) {
      // Stream time entered a new bucket: the hour before it closed. Emitted before this article is counted, so
      // every addition since the last emission lies in buckets that ended (or is late), and this one stays pending.
      String pending = counts.get(TrendCounts.PENDING);
      emit(pending == null ? List.of() : List.of(pending.split("\n")), Long.parseLong(emitted), streamTime, false);
    }
    if (record.value() == null || record.value().isEmpty()) {
      return;
    }
    lastArticleWallClock = context.currentSystemTimeMs();
    // The input's offset makes the addition idempotent (TrendCounts): the repartition topic has one partition.
    long offset = context.recordMetadata().orElseThrow().offset();
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
   * Emits, from the last emission at stream time {@code last} to {@code streamTime}, a subject's count in a window
   * where it differs from its count in the window before:
   * <ul>
   *   <li>each window that closed since (its newest bucket ended), for the subjects counted in that bucket since the
   *       last emission that sent them (pending marks stay until their window closes, or a flush), and for the
   *       subjects of the bucket that left it (zero when no other bucket of it holds them);
   *   <li>for a late addition (its bucket older than the last emission's), the closed windows containing it that
   *       are within the grace, and the latest closed one, from which later windows carry its count;
   *   <li>at a quiet {@code flush}, for the subjects counted since the last emission, the current hour so far (the
   *       day, which advances every three hours, waits for its close).
   * </ul>
   * Then forgets the pending marks of the windows that closed (and of the current hour at a flush) and the buckets of
   * windows past their grace (the emission mark).
   */
  private void emit(List<String> changed, long last, long streamTime, boolean flush) {
    lastEmissionWallClock = context.currentSystemTimeMs();
    Map<String, TrendCount> out = new LinkedHashMap<>();
    for (String key : changed) {
      String[] parts = key.split("\\|", 3);
      Trending.Window w = window(parts[0]);
      long bucket = Long.parseLong(parts[1]);
      long advance = w.advance().toMillis();
      long current = w.bucketOf(streamTime);
      if (bucket == current) {
        if (flush && w == PACE) {
          window(w, w.endingWith(bucket), parts[2], out); // the current hour so far (the day waits for its close)
        }
      } else if (bucket >= w.bucketOf(last)) {
        window(w, w.endingWith(bucket), parts[2], out); // the window it is the newest bucket of closed
      } else {
        for (long newest = bucket; newest < current && newest < bucket + w.size().toMillis(); newest += advance) {
          if (newest + advance + Trending.GRACE.toMillis() > streamTime || newest == current - advance) {
            window(w, w.endingWith(newest), parts[2], out);
          }
        }
      }
    }
    for (Trending.Window w : Trending.WINDOWS) {
      long advance = w.advance().toMillis();
      long closed = w.bucketOf(last);
      long entered = w.bucketOf(streamTime);
      // Each window that closed since lost the bucket before its start: the counts of that bucket's subjects changed
      // (zero when nothing else in the window names them). Past a window's length after the last emission, the
      // buckets that left are empty: every addition since lies in the last emission's bucket or before.
      for (long newest = closed; newest < entered && newest <= closed + w.size().toMillis(); newest += advance) {
        long start = w.endingWith(newest);
        for (String subjectKey : subjectsIn(w, start - advance)) {
          window(w, start, subjectKey, out);
        }
      }
    }
    out.forEach((k, v) -> context.forward(new Record<>(k, v, streamTime)));
    // Clears the marks and drops the buckets of closed windows: one changelog record.
    counts.put(TrendCounts.EMITTED, streamTime + "\t" + counts.get(TrendCounts.APPLIED) + (flush ? "\tflush" : "\tclose"));
  }

  /**
   * One subject's count in the window of {@code w} that starts at {@code start}, into {@code out}; zero when none of
   * its buckets holds the subject any more (it left the window).
   */
  private void window(Trending.Window w, long start, String subjectKey, Map<String, TrendCount> out) {
    long total = 0;
    Subject subject = null;
    for (int i = -1; i < w.buckets(); i++) {
      String value = counts.get(key(w, start + i * w.advance().toMillis(), subjectKey));
      if (value != null) {
        int tab = value.indexOf('\t');
        if (i >= 0) {
          total += Long.parseLong(value.substring(0, tab));
        }
        subject = Subject.decode(value.substring(tab + 1));
      }
    }
    if (subject != null) {
      out.put(w.name() + "|" + subjectKey + "|" + start, count(w, start, subjectKey, subject, total));
    }
  }

  /** The subjects counted in the bucket of {@code w} that starts at {@code bucket}. */
  private List<String> subjectsIn(Trending.Window w, long bucket) {
    List<String> subjects = new ArrayList<>();
    String prefix = key(w, bucket, "");
    try (var it = counts.range(prefix, key(w, bucket + 1, ""))) {
      it.forEachRemaining(kv -> subjects.add(kv.key.substring(prefix.length())));
    }
    return subjects;
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
