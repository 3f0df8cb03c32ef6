package io.newswire.enrich.watches;

import io.newswire.schema.Watch;
import io.newswire.topics.Topics;
import io.newswire.watches.RuleSyntaxException;
import io.newswire.watches.WatchIndex;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every enrich instance holds every watch: {@value Topics#WATCHES} is read into the global store {@value #STORE}
 * (the topic is its changelog) and into the {@link WatchIndex} that {@link WatchMatcher} consults. The index is
 * rebuilt from the store when the global thread starts, since a restore fills the store without passing
 * records through the processor.
 */
public final class Watches {
  public static final String STORE = "watches";
  private static final Logger log = LoggerFactory.getLogger(Watches.class);

  private Watches() {}

  public static void addTo(StreamsBuilder builder, Topics topics, WatchIndex index) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), topics.watches.valueSerde())
            .withLoggingDisabled(),
        topics.watches.name(),
        Consumed.with(topics.watches.keySerde(), topics.watches.valueSerde()).withName("watches-source"),
        () -> new Updater(index));
  }

  /** Applies watch records to the store and the index; a tombstone removes the watch. */
  static final class Updater implements Processor<String, Watch, Void, Void> {
    private final WatchIndex index;
    private KeyValueStore<String, Watch> store;

    Updater(WatchIndex index) {
      this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
      try (KeyValueIterator<String, Watch> all = store.all()) {
        all.forEachRemaining(kv -> put(kv.value));
      }
      log.info("{} watches loaded ({} of them tried on every article)", index.size(), index.unindexed());
    }

    @Override
    public void process(Record<String, Watch> record) {
      if (record.value() == null) {
        store.delete(record.key());
        index.remove(record.key());
      } else if (put(record.value())) {
        store.put(record.key(), record.value());
      }
    }

    private boolean put(Watch watch) {
      try {
        index.put(watch);
        return true;
      } catch (RuleSyntaxException e) {
        // 'newswire watch add' checks rules; a record written around it is reported and left out, not fatal.
        log.warn("watch {} is ignored: its rule does not parse: {}", watch.getId(), e.getMessage());
        return false;
      }
    }
  }
}
