package io.newswire.enrich.trends;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newswire.schema.TrendCount;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Windowed counts of the articles that mention each canonical entity and carry each topic: hopping windows
 * of 1 hour advancing every 5 minutes, and of 24 hours advancing every 3 hours, by event time with {@link
 * #GRACE} for late articles. A subject's count in a window goes to the compacted {@value Topics#TRENDS} topic,
 * keyed {@code window|key|windowStart}, when it changed from the window before (at most once per bucket of stream
 * time, or per {@link #FLUSH_EVERY} of wall-clock time when the stream is quiet; {@link TrendCounter}),
 * so a reader sees the latest count of each: a subject's latest window by start holds its current count.
 *
 * <p>The counting is {@link TrendCounter}'s: one counter per window advance ("bucket") rather than one per
 * hopping window, so an article updates two counters per subject instead of the 12 + 8 windows that contain
 * it; the hopping windows are summed from their buckets when an update is emitted.
 */
public final class Trending {
  /** A window definition: its name in records, its size and its advance (the bucket width). */
  public record Window(String name, Duration size, Duration advance) {
    int buckets() {
      return (int) (size.toMillis() / advance.toMillis());
    }

    long bucketOf(long timestamp) {
      return Math.floorDiv(timestamp, advance.toMillis()) * advance.toMillis();
    }

    /** The start of the window whose last bucket starts at {@code bucket}. */
    long endingWith(long bucket) {
      return bucket + advance.toMillis() - size.toMillis();
    }
  }

  public static final List<Window> WINDOWS = List.of(
      new Window("1h", Duration.ofHours(1), Duration.ofMinutes(5)),
      new Window("24h", Duration.ofHours(24), Duration.ofHours(3)));
  /** The queryable store of bucket counts (GET /trends). */
  public static final String STORE = TrendCounter.COUNTS;
  static final Duration GRACE = Duration.ofMinutes(10);
  /**
   * The pace of the emissions in stream time, the hourly window's advance: a subject's counts go out when stream time
   * enters a new bucket, and on wall-clock time when nothing went out for twice this long (a quiet flush's current
   * hour). Once a minute, a stream with a long tail of names (thousands of distinct names an hour) sent most of its
   * subjects every minute.
   */
  static final Duration UPDATE_EVERY = Duration.ofMinutes(5);
  /** Wall-clock time after which changed counts are emitted even when no later article moves stream time. */
  public static final Duration FLUSH_EVERY = Duration.ofSeconds(10);

  private Trending() {}

  /**
   * Adds the trending branch to a stream of enriched articles keyed by id; each bucket keeps its {@code
   * maxSubjects} most-counted subjects ({@code enrich.trends.bucket.max.subjects}).
   */
  public static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> articles, Topics topics,
      int maxSubjects) {
    // In memory, with a changelog of additions: one record per article rather than one per subject (TrendCounts).
    builder.addStateStore(Stores.keyValueStoreBuilder(TrendCounts.supplier(TrendCounter.COUNTS, maxSubjects), Serdes.String(),
        Serdes.String()).withLoggingEnabled(TrendCounts.changelogConfig()));
    articles
        .filter((id, article) -> article != null, Named.as("trend-articles"))
        // One record per article, all of its subjects in it; one partition, so all counts live in one task.
        // Counting is a few microseconds per article: one task keeps up with any rate the tagger allows, and
        // an article travels as one record instead of one per entity and topic.
        .mapValues(Trending::subjectsOf, Named.as("trend-subjects"))
        .filter((id, subjects) -> !subjects.isEmpty(), Named.as("trend-subjects-present"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("trend-articles")
            .withNumberOfPartitions(1))
        .process(TrendCounter::new, Named.as("trend-counts"), TrendCounter.COUNTS)
        .to(topics.trends.name(), Produced.with(topics.trends.keySerde(), topics.trends.valueSerde())
            .withName("trends-out"));
  }

  /**
   * This instance's counts in the most recent window of size {@code w}: the one ending with the bucket of the
   * latest article counted (the last hour, or day, to the window advance).
   */
  public static List<TrendCount> latest(ReadOnlyKeyValueStore<String, String> buckets, Window w) {
    List<TrendCounter.Bucket> all = new ArrayList<>();
    try (KeyValueIterator<String, String> it = buckets.range(w.name() + "|", w.name() + "|~")) {
      it.forEachRemaining(kv -> all.add(TrendCounter.Bucket.parse(kv)));
    }
    if (all.isEmpty()) {
      return List.of();
    }
    return totals(buckets, w, w.endingWith(all.stream().mapToLong(TrendCounter.Bucket::start).max().getAsLong()));
  }

  /** Each subject's count in the window of {@code w} that starts at {@code start}, summed from its buckets. */
  static List<TrendCount> totals(ReadOnlyKeyValueStore<String, String> buckets, Window w, long start) {
    long end = start + w.size().toMillis();
    Map<String, long[]> totals = new LinkedHashMap<>();
    Map<String, Subject> subjects = new java.util.HashMap<>();
    try (KeyValueIterator<String, String> it = buckets.range(TrendCounter.key(w, start, ""), TrendCounter.key(w, end, ""))) {
      while (it.hasNext()) {
        TrendCounter.Bucket b = TrendCounter.Bucket.parse(it.next());
        if (b.start() >= start && b.start() < end) {
          totals.computeIfAbsent(b.subjectKey(), k -> new long[1])[0] += b.count();
          subjects.putIfAbsent(b.subjectKey(), b.subject());
        }
      }
    }
    List<TrendCount> out = new ArrayList<>();
    totals.forEach((key, n) -> out.add(TrendCounter.count(w, start, key, subjects.get(key), n[0])));
    return out;
  }

  /**
   * Each subject's count per bucket of the same latest window, oldest bucket first (12 five-minute buckets for 1h,
   * 8 three-hour buckets for 24h): what a sparkline draws.
   */
  public static Map<String, long[]> series(ReadOnlyKeyValueStore<String, String> buckets, Window w) {
    List<TrendCounter.Bucket> all = new ArrayList<>();
    try (KeyValueIterator<String, String> it = buckets.range(w.name() + "|", w.name() + "|~")) {
      it.forEachRemaining(kv -> all.add(TrendCounter.Bucket.parse(kv)));
    }
    long last = all.stream().mapToLong(TrendCounter.Bucket::start).max().orElse(0);
    long start = last + w.advance().toMillis() - w.size().toMillis();
    Map<String, long[]> out = new LinkedHashMap<>();
    for (TrendCounter.Bucket b : all) {
      if (b.start() >= start) {
        int slot = (int) ((b.start() - start) / w.advance().toMillis());
        out.computeIfAbsent(b.subjectKey(), k -> new long[w.buckets()])[slot] += b.count();
      }
    }
    return out;
  }

  /**
   * The subjects an article counts for, one per line: the entity id or topic code, a tab, and the {@link
   * Subject} text.
   */
  static String subjectsOf(EnrichedArticle article) {
    StringBuilder out = new StringBuilder();
    for (Entity e : article.getEntities()) {
      out.append(clean(e.getId())).append('\t').append(Subject.entity(e.getType().name(), e.getName()).encode()).append('\n');
    }
    for (MediaTopic t : article.getTopics()) {
      out.append(clean(t.getCode())).append('\t').append(Subject.topic(t.getLabel()).encode()).append('\n');
    }
    return out.toString();
  }

  private static String clean(String key) {
    return key.indexOf('\t') < 0 && key.indexOf('\n') < 0 && key.indexOf('|') < 0 ? key
        : key.replace('\t', ' ').replace('\n', ' ').replace('|', '/');
  }
}
