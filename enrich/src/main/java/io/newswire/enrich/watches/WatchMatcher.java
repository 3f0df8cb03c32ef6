package io.newswire.enrich.watches;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newswire.enrich.StoredArticles;
import io.newswire.enrich.stories.Stories;
import io.newswire.ops.Metrics;
import io.newswire.schema.Alert;
import io.newswire.schema.EnrichedArticle;
import io.newswire.watches.Alerts;
import io.newswire.watches.ArticleFacts;
import io.newswire.watches.WatchIndex;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Matches each enriched article against every watch and forwards an {@link Alert} (key = watch id) for each
 * watch it matches, in the same transaction as the enriched record.
 *
 * <p>An article raises an alert for a watch once: when it first matches. The article's previous enrichment (the
 * store of enriched articles, which a replay does not reset) is matched too, and a watch that matched it has
 * already alerted; so replaying enrich, or an updated article that still matches, raises nothing new.
 */
public final class WatchMatcher implements Processor<String, EnrichedArticle, String, Alert> {
  private final WatchIndex index;
  private final Clock clock;
  private final StoredArticles stored;
  private ProcessorContext<String, Alert> context;
  private ReadOnlyKeyValueStore<String, Object> articles;
  private final Timer matchTime = Metrics.timer("newswire.watches.match", "Time to match one article against all watches");

  public WatchMatcher(WatchIndex index, Clock clock, StoredArticles stored) {
    this.index = index;
    this.clock = clock;
    this.stored = stored;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.articles = context.getStateStore(Stories.DECISIONS);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    if (article == null || index.size() == 0) {
      return;
    }
    long start = System.nanoTime();
    List<WatchIndex.Match> matches = index.match(new ArticleFacts(article));
    if (!matches.isEmpty()) {
      Set<String> before = alreadyMatched(record.key());
      for (WatchIndex.Match match : matches) {
        if (before.contains(match.watch().getId())) {
          continue;
        }
        Alert alert = Alerts.of(match, article, clock.instant());
        context.forward(new Record<>(alert.getWatchId(), alert, record.timestamp()));
        Counter.builder("newswire.alerts").tag("watch", alert.getWatchId())
            .description("Alerts raised, by watch").register(Metrics.registry()).increment();
      }
    }
    matchTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The watches the article's previous enrichment matched, which have alerted for it already. */
  private Set<String> alreadyMatched(String id) {
    EnrichedArticle previous = stored.decode(articles.get(id));
    Set<String> ids = new HashSet<>();
    if (previous != null) {
      index.match(new ArticleFacts(previous)).forEach(m -> ids.add(m.watch().getId()));
    }
    return ids;
  }
}
