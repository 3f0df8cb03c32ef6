package io.newswire.enrich.stories;

import io.newswire.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The index every enrich instance shares: written to {@value Topics#ENRICH_INDEX} by whichever instance
 * processed an article, and read back by all of them into the global store {@value #STORE}. Near-duplicate
 * copies and articles of one story usually arrive on different partitions, so a partition-local store would
 * miss them. Keys:
 * <ul>
 *   <li>{@code band:<band>:<hash>} → {@code articleId|storyId}: the first article with that band (earlier builds
 *       wrote {@code articleId|storyId|fingerprint}, still read);
 *   <li>{@code fp:<articleId>} → the article's fingerprint, for originals;
 *   <li>{@code entity:<entityId>} → {@code storyId|epochMillis}: the latest story that featured the entity.
 * </ul>
 * Entries are written after the articles that produced them are committed, so two copies processed within
 * the same commit interval on different instances may both count as originals: the index is eventually
 * consistent, and says so in docs/ENRICH.md.
 */
public final class ArticleIndex {
  public static final String STORE = "article-index";

  private ArticleIndex() {}

  public static void addTo(StreamsBuilder builder, Topics topics) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(), // the index topic is its changelog
        topics.enrichIndex.name(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("article-index-source"),
        () -> new Updater());
  }

  /** Applies index records to the global store; a null value removes the entry. */
  static final class Updater implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
