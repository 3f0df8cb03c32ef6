package io.newswire.enrich.trends;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.TrendCount;
import io.newswire.schema.TrendKind;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * Windowed counts of the articles that mention each canonical entity and carry each topic: hopping windows
 * of 1 hour advancing every 5 minutes, and of 24 hours advancing every 3 hours (each event updates every window
 * that contains it: 12 + 8 here; a 24-hour window hopping hourly would add 24 updates per subject per article). Updates are rate-limited by
 * suppression (at most one per key and window per minute of stream time) and go to the compacted {@value
 * Topics#TRENDS} topic, keyed {@code window|key|windowStart}, so a reader sees the latest count of each.
 */
public final class Trending {
  /** A window definition: its name in records and store names, its size and its advance. */
  public record Window(String name, Duration size, Duration advance) {}

  public static final List<Window> WINDOWS = List.of(
      new Window("1h", Duration.ofHours(1), Duration.ofMinutes(5)),
      new Window("24h", Duration.ofHours(24), Duration.ofHours(3)));
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration UPDATE_EVERY = Duration.ofMinutes(1);

  private Trending() {}

  /** Adds the trending branches to a stream of enriched articles keyed by id. */
  public static void build(KStream<String, EnrichedArticle> articles, Topics topics) {
    // One record per (article, entity or topic): the subject's key, carrying a template count of 1.
    KStream<String, TrendCount> subjects = articles
        .filter((id, article) -> article != null, Named.as("trend-articles"))
        .flatMap((id, article) -> subjectsOf(article), Named.as("trend-subjects"))
        // one repartition by subject serves both window sizes
        .repartition(Repartitioned.with(Serdes.String(), topics.trends.valueSerde()).withName("trend-subjects"));
    for (Window window : WINDOWS) {
      subjects
          .groupByKey(Grouped.with(Serdes.String(), topics.trends.valueSerde()))
          .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), GRACE).advanceBy(window.advance()))
          .reduce((total, one) -> TrendCount.newBuilder(total).setArticles(total.getArticles() + one.getArticles()).build(),
              Named.as("trend-count-" + window.name()),
              // In memory, backed by its changelog: counts are small and bounded by the window's retention, and
              // a RocksDB store per task flushed at every exactly-once commit cost more than the counting.
              Materialized.<String, TrendCount>as(Stores.inMemoryWindowStore("trends-" + window.name(),
                  window.size().plus(GRACE), window.size(), false)))
          .suppress(Suppressed.untilTimeLimit(UPDATE_EVERY, Suppressed.BufferConfig.maxRecords(100_000).emitEarlyWhenFull())
              .withName("trend-updates-" + window.name()))
          .toStream(Named.as("trend-stream-" + window.name()))
          .map((windowed, count) -> {
            TrendCount out = TrendCount.newBuilder(count).setWindow(window.name())
                .setWindowStart(windowed.window().startTime()).setWindowEnd(windowed.window().endTime()).build();
            return KeyValue.pair(window.name() + "|" + windowed.key() + "|" + windowed.window().start(), out);
          }, Named.as("trend-records-" + window.name()))
          .to(topics.trends.name(), Produced.with(topics.trends.keySerde(), topics.trends.valueSerde())
              .withName("trends-" + window.name() + "-out"));
    }
  }

  static List<KeyValue<String, TrendCount>> subjectsOf(EnrichedArticle article) {
    List<KeyValue<String, TrendCount>> out = new ArrayList<>();
    for (Entity e : article.getEntities()) {
      out.add(KeyValue.pair(e.getId(), template(TrendKind.ENTITY, e.getId(), e.getName(), e.getType().name())));
    }
    for (MediaTopic t : article.getTopics()) {
      out.add(KeyValue.pair(t.getCode(), template(TrendKind.TOPIC, t.getCode(), t.getLabel(), null)));
    }
    return out;
  }

  private static TrendCount template(TrendKind kind, String key, String name, String type) {
    return TrendCount.newBuilder().setKind(kind).setKey(key).setName(name).setEntityType(type).setWindow("")
        .setWindowStart(java.time.Instant.EPOCH).setWindowEnd(java.time.Instant.EPOCH).setArticles(1).build();
  }
}
