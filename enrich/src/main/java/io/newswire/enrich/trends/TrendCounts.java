package io.newswire.enrich.trends;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The trend buckets' counts, in memory, with a changelog of <em>additions</em> rather than of counts: one record
 * per article (all of its subjects' buckets, {@link #ADD}) and one per emission ({@link #EMITTED}), where a
 * store of counts writes a changelog record for every subject of every article (two windows each: fifty records
 * for a typical article). The changelog is not compacted but kept for {@link #RETENTION}, longer than any
 * window plus its grace, so restoring replays every addition a still-open window holds; an emission marker
 * also drops the buckets whose windows have all closed, in memory and again on restore.
 *
 * <p>Seen through Kafka Streams' usual layers (metrics, changelog) as a key-value store of strings:
 * <ul>
 *   <li>{@code put(ADD, offset NEWLINE lines)} adds one to each {@code window|bucket|subject} of the lines
 *       ({@code key TAB subject description}) and marks it pending; the offset is that of the input record;
 *   <li>{@code put(EMITTED, streamTime TAB offset TAB close|flush)} forgets the pending marks of the windows closed
 *       at that stream time (and the current hour's after a {@code flush}) and the buckets of windows past their
 *       grace;
 *   <li>{@code get(EMITTED)} is the stream time of the last emission mark, from which the windows closed since
 *       are emitted;
 *   <li>{@code get(APPLIED)} is the input offset of the last addition applied, which an emission mark carries;
 *   <li>{@code get(PENDING)} lists the buckets changed since the last emission, one per line (restored too,
 *       so an update due when the application stopped is still emitted after a restart);
 *   <li>{@code get}, {@code range}, {@code all} read the counts as {@code count TAB subject description}, for
 *       the emission and for the {@code /trends} queries.
 * </ul>
 *
 * <p>Applying an addition twice would count its subjects twice, where a changelog of values can be replayed
 * any number of times: Kafka Streams may restore a store again from the start without clearing it, and a
 * task whose transaction aborted may process the same input again over the same in-memory store. So each
 * addition carries the offset of its input record in the one-partition repartition topic, which only grows,
 * and an addition at or below the last one applied is skipped (the processor still writes it to the
 * changelog, which is what an aborted transaction lost).
 *
 * <p>Each bucket keeps at most {@code maxSubjects} subjects: a feed naming many distinct people a day would
 * otherwise grow the heap without bound. An emission mark drops a full bucket's least-counted subjects (ties by
 * key), so restoring the same changelog drops the same ones. A dropped subject named again starts from one, so
 * the counts of the rarest subjects may come out low; those that trend are far above the cut and stay exact.
 */
final class TrendCounts implements KeyValueStore<Bytes, byte[]> {
  static final String ADD = "+";
  static final String EMITTED = "=";
  static final String PENDING = "?";
  /** Read only: the input offset of the last addition applied, for the emission marks. */
  static final String APPLIED = "#";
  /** How long the additions stay in the changelog: the longest window, its grace and a margin. */
  static final java.time.Duration RETENTION = java.time.Duration.ofHours(48);

  /**
   * The stores open in this JVM, whose bucket entries a gauge sums: the counts are on the heap, and grow with the
   * number of distinct subjects a day of the stream names (docs/PERFORMANCE.md), so operators should see them.
   */
  private static final Set<TrendCounts> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    io.micrometer.core.instrument.Gauge.builder(io.newswire.ops.Metrics.TREND_BUCKETS, OPEN,
            open -> open.stream().mapToLong(TrendCounts::approximateNumEntries).sum())
        .description("Subject counts per trend bucket held on the heap by this instance")
        .register(io.newswire.ops.Metrics.registry());
  }

  private static final Bytes ADD_KEY = key(ADD);
  private static final Bytes EMITTED_KEY = key(EMITTED);
  private static final Bytes PENDING_KEY = key(PENDING);
  private static final Bytes APPLIED_KEY = key(APPLIED);

  private static final io.micrometer.core.instrument.Counter DROPPED = io.micrometer.core.instrument.Counter
      .builder(io.newswire.ops.Metrics.TREND_SUBJECTS_DROPPED)
      .description("Least-counted subjects dropped from full trend buckets (their counts may come out low)")
      .register(io.newswire.ops.Metrics.registry());

  private final String name;
  private final int maxSubjects;
  private final NavigableMap<Bytes, Count> counts = new TreeMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  /** The input offset of the last addition applied, and of the last emission mark. */
  private long lastAdded = -1;
  private long lastEmitted = -1;
  /** The stream time of the last emission mark, which {@code get(EMITTED)} returns (the windows closed since). */
  private long emittedStreamTime = -1;
  private volatile boolean open;

  /** One bucket's count and what it counts. */
  private static final class Count {
    long n;
    final String subject;

    Count(String subject) {
      this.subject = subject;
    }

    byte[] bytes() {
      return (n + "\t" + subject).getBytes(StandardCharsets.UTF_8);
    }
  }

  TrendCounts(String name, int maxSubjects) {
    this.name = name;
    this.maxSubjects = maxSubjects;
    OPEN.add(this);
  }

  /** The supplier Kafka Streams builds the store from, one per task; each bucket keeps {@code maxSubjects}. */
  static KeyValueBytesStoreSupplier supplier(String name, int maxSubjects) {
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new TrendCounts(name, maxSubjects);
      }

      @Override
      public String metricsScope() {
        return "in-memory";
      }
    };
  }

  /** The changelog's settings: additions kept for {@link #RETENTION} from when they were written. */
  static Map<String, String> changelogConfig() {
    return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(RETENTION.toMillis()),
        "message.timestamp.type", "LogAppendTime", "segment.ms", Long.toString(java.time.Duration.ofHours(1).toMillis()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> apply(Bytes.wrap(key), value, true));
    open = true;
  }

  @Override
  public synchronized void put(Bytes key, byte[] value) {
    apply(key, value, false);
  }

  /** A changelog record, written now or restored. */
  synchronized void apply(Bytes key, byte[] value, boolean restoring) {
    if (value == null) {
      return;
    }
    String text = new String(value, StandardCharsets.UTF_8);
    if (key.equals(ADD_KEY)) {
      int firstLine = text.indexOf('\n');
      long offset = Long.parseLong(text.substring(0, firstLine < 0 ? text.length() : firstLine));
      if (offset <= lastAdded) {
        return; // applied already
      }
      lastAdded = offset;
      int start = firstLine < 0 ? text.length() : firstLine + 1;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        int tab = text.indexOf('\t', start);
        if (tab > start && tab < end) {
          String bucket = text.substring(start, tab);
          Bytes bucketKey = key(bucket);
          Count c = counts.get(bucketKey);
          if (c == null) {
            c = new Count(text.substring(tab + 1, end));
            counts.put(bucketKey, c);
          }
          c.n++;
          pending.add(bucket);
        }
        start = end + 1;
      }
    } else if (key.equals(EMITTED_KEY)) {
      String[] fields = text.split("\t");
      long streamTime = Long.parseLong(fields[0]);
      long offset = Long.parseLong(fields[1]);
      boolean flush = fields.length >= 3 && fields[2].equals("flush");
      if (restoring && (offset < lastEmitted || offset < lastAdded)) {
        return; // replayed again: an emission made before additions already applied, whose marks stay
      }
      lastEmitted = offset;
      emittedStreamTime = Math.max(emittedStreamTime, streamTime);
      if (fields.length < 3) {
        pending.clear(); // older marks sent every pending count
      } else {
        String hour = Trending.WINDOWS.get(0).name() + "|";
        pending.removeIf(bucket -> flush && bucket.startsWith(hour) || closedAt(bucket, streamTime));
      }
      for (Trending.Window w : Trending.WINDOWS) {
        long closedBefore = streamTime - w.size().toMillis() - Trending.GRACE.toMillis() - w.advance().toMillis();
        counts.subMap(key(w.name() + "|"), true, key(TrendCounter.key(w, Math.max(0, closedBefore), "")), false).clear();
      }
      if (counts.size() > maxSubjects) {
        long dropped = dropLeastCounted();
        if (!restoring) {
          DROPPED.increment(dropped);
        }
      }
    } else {
      throw new IllegalArgumentException("The trend counts take additions and emission marks only");
    }
  }

  /** Whether the window whose newest bucket is {@code window|bucket|...} closed at {@code streamTime}. */
  private static boolean closedAt(String pendingKey, long streamTime) {
    int bar = pendingKey.indexOf('|');
    int next = pendingKey.indexOf('|', bar + 1);
    Trending.Window w = TrendCounter.window(pendingKey.substring(0, bar));
    return Long.parseLong(pendingKey.substring(bar + 1, next)) < w.bucketOf(streamTime);
  }

  /** Keeps the {@link #maxSubjects} most-counted subjects of each bucket (ties: the first keys); returns how many went. */
  private long dropLeastCounted() {
    List<Bytes> drop = new ArrayList<>();
    List<Map.Entry<Bytes, Count>> bucket = new ArrayList<>();
    byte[] prefix = null;
    for (Map.Entry<Bytes, Count> e : counts.entrySet()) {
      byte[] k = e.getKey().get();
      int end = bucketEnd(k);
      if (prefix == null || !java.util.Arrays.equals(prefix, 0, prefix.length, k, 0, end)) {
        leastCounted(bucket, drop);
        bucket.clear();
        prefix = java.util.Arrays.copyOf(k, end);
      }
      bucket.add(e);
    }
    leastCounted(bucket, drop);
    drop.forEach(counts::remove);
    return drop.size();
  }

  private void leastCounted(List<Map.Entry<Bytes, Count>> bucket, List<Bytes> drop) {
    if (bucket.size() > maxSubjects) {
      // Sorted by key already (a TreeMap's order), and the sort is stable: equal counts keep the first keys.
      List<Map.Entry<Bytes, Count>> byCount = new ArrayList<>(bucket);
      byCount.sort((a, b) -> Long.compare(b.getValue().n, a.getValue().n));
      byCount.subList(maxSubjects, byCount.size()).forEach(e -> drop.add(e.getKey()));
    }
  }

  /** The length of {@code window|bucket|} at the start of a count's key. */
  private static int bucketEnd(byte[] key) {
    int bars = 0;
    for (int i = 0; i < key.length; i++) {
      if (key[i] == '|' && ++bars == 2) {
        return i + 1;
      }
    }
    return key.length;
  }

  static Bytes key(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized byte[] get(Bytes key) {
    if (key.equals(PENDING_KEY)) {
      return pending.isEmpty() ? null : String.join("\n", pending).getBytes(StandardCharsets.UTF_8);
    }
    if (key.equals(APPLIED_KEY)) {
      return Long.toString(lastAdded).getBytes(StandardCharsets.UTF_8);
    }
    if (key.equals(EMITTED_KEY)) {
      return emittedStreamTime < 0 ? null : Long.toString(emittedStreamTime).getBytes(StandardCharsets.UTF_8);
    }
    Count c = counts.get(key);
    return c == null ? null : c.bytes();
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    throw new UnsupportedOperationException("The trend counts take additions and emission marks only");
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    entries.forEach(e -> put(e.key, e.value));
  }

  @Override
  public byte[] delete(Bytes key) {
    throw new UnsupportedOperationException("Buckets are dropped by emission marks");
  }

  @Override
  public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    NavigableMap<Bytes, Count> view = from == null && to == null ? counts
        : from == null ? counts.headMap(to, true) : to == null ? counts.tailMap(from, true)
        : from.compareTo(to) > 0 ? new TreeMap<>() : counts.subMap(from, true, to, true);
    return iterator(view);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return range(null, null);
  }

  /** A snapshot: the stream thread may add while a query iterates. */
  private static KeyValueIterator<Bytes, byte[]> iterator(NavigableMap<Bytes, Count> view) {
    List<KeyValue<Bytes, byte[]>> snapshot = new ArrayList<>(view.size());
    view.forEach((k, v) -> snapshot.add(KeyValue.pair(k, v.bytes())));
    Iterator<KeyValue<Bytes, byte[]>> it = snapshot.iterator();
    return new KeyValueIterator<>() {
      private KeyValue<Bytes, byte[]> next;

      @Override
      public boolean hasNext() {
        return next != null || it.hasNext();
      }

      @Override
      public KeyValue<Bytes, byte[]> next() {
        if (next != null) {
          KeyValue<Bytes, byte[]> n = next;
          next = null;
          return n;
        }
        return it.next();
      }

      @Override
      public Bytes peekNextKey() {
        if (next == null) {
          next = it.next();
        }
        return next.key;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public synchronized long approximateNumEntries() {
    return counts.size();
  }

  @Override
  public Position getPosition() {
    return Position.emptyPosition(); // no consistency vectors for the trend queries
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public synchronized void close() {
    OPEN.remove(this);
    open = false;
    counts.clear();
    pending.clear();
    lastAdded = -1;
    lastEmitted = -1;
    emittedStreamTime = -1;
  }
}
