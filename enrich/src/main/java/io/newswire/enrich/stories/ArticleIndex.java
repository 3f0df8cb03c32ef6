package io.newswire.enrich.stories;

import io.newswire.topics.Topics;
import java.util.ArrayList;
import java.util.List;
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
 * miss them.
 *
 * <p>The topic holds <b>one record per article</b>, keyed {@code article:<id>} (see {@link Entry}); the global
 * store's updater expands it into the store's keys, which {@link Stories} looks up:
 * <ul>
 *   <li>{@code band:<band>} → {@code articleId|storyId}: an original article with that band (earlier builds
 *       wrote {@code articleId|storyId|fingerprint}, still read);
 *   <li>{@code fp:<articleId>} → the article's fingerprint, for originals;
 *   <li>{@code entity:<entityId>} → {@code storyId|epochMillis}: the latest story that featured the entity.
 * </ul>
 * Earlier builds wrote those keys to the topic one record each (21 records for an original article, each
 * serialised, sent, replicated and read back by every instance); such records are still applied as they are.
 * The updater runs again over the topic when the store is restored, so the expansion needs no changelog of its
 * own. Records of different articles sit on different partitions, which a restore reads one after the other:
 * an entity entry therefore replaces another only if it is newer, so the store holds the same latest stories
 * whatever order the records come back in.
 *
 * <p>Entries are written after the articles that produced them are committed, so two copies processed within
 * the same commit interval on different instances may both count as originals: the index is eventually
 * consistent, and says so in docs/ENRICH.md.
 */
public final class ArticleIndex {
  public static final String STORE = "article-index";
  static final String ARTICLE = "article:";
  static final String BAND = "band:";
  static final String FINGERPRINT = "fp:";
  static final String ENTITY = "entity:";

  private ArticleIndex() {}

  public static void addTo(StreamsBuilder builder, Topics topics) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(), // the index topic is its changelog
        topics.enrichIndex.name(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("article-index-source"),
        () -> new Updater());
  }

  /**
   * What one article adds to the index: its story, when it was fetched, its fingerprint (originals only; a
   * near-duplicate's bands are its original's) and its key entities. Encoded as lines of text: {@code 1} (the
   * format), the story id, the epoch milliseconds, the fingerprint or an empty line, then one entity id a line.
   */
  public record Entry(String storyId, long at, Fingerprint fingerprint, List<String> entityIds) {
    public String encode() {
      StringBuilder out = new StringBuilder("1\n").append(storyId).append('\n').append(at).append('\n');
      if (fingerprint != null) {
        out.append(fingerprint.encode());
      }
      for (String entity : entityIds) {
        out.append('\n').append(entity);
      }
      return out.toString();
    }

    static Entry decode(String encoded) {
      String[] lines = encoded.split("\n", -1);
      if (lines.length < 4 || !lines[0].equals("1")) {
        throw new IllegalArgumentException("not an index entry of format 1: " + encoded.lines().findFirst().orElse(""));
      }
      List<String> entities = new ArrayList<>(lines.length - 4);
      for (int i = 4; i < lines.length; i++) {
        entities.add(lines[i]);
      }
      return new Entry(lines[1], Long.parseLong(lines[2]), lines[3].isEmpty() ? null : Fingerprint.decode(lines[3]),
          entities);
    }
  }

  /** Applies index records to the global store; a null value removes an entry written as its own record. */
  static final class Updater implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      String key = record.key();
      if (key == null) {
        return;
      }
      if (key.startsWith(ARTICLE)) {
        if (record.value() != null) {
          apply(store, key.substring(ARTICLE.length()), Entry.decode(record.value()));
        }
      } else if (record.value() == null) {
        store.delete(key);
      } else {
        store.put(key, record.value());
      }
    }
  }

  static void apply(KeyValueStore<String, String> store, String articleId, Entry entry) {
    if (entry.fingerprint() != null) {
      store.put(FINGERPRINT + articleId, entry.fingerprint().encode());
      String value = articleId + "|" + entry.storyId();
      for (int b = 0; b < Fingerprint.BANDS; b++) {
        store.put(BAND + entry.fingerprint().band(b), value);
      }
    }
    for (String entity : entry.entityIds()) {
      String before = store.get(ENTITY + entity);
      if (before == null || entityTime(before) <= entry.at()) {
        store.put(ENTITY + entity, entry.storyId() + "|" + entry.at());
      }
    }
  }

  /** The epoch milliseconds of an entity entry ({@code storyId|epochMillis}). */
  static long entityTime(String value) {
    return Long.parseLong(value.substring(value.lastIndexOf('|') + 1));
  }
}
