package io.newswire.enrich.stories;

import io.newswire.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 *   <li>{@code band:<band>} → {@code articleId|storyId|@epochMillis}: the latest original article with that band
 *       (earlier builds wrote {@code articleId|storyId} or {@code articleId|storyId|fingerprint}, still read);
 *   <li>{@code fp:<articleId>} → {@code epochMillis|fingerprint}, for originals (earlier builds: the fingerprint);
 *   <li>{@code entity:<entityId>} → {@code storyId|epochMillis}: the latest story that featured the entity;
 *   <li>{@code exp:<epochMillis>:<articleId>} → the article's key entities: when its entries expire.
 * </ul>
 * Earlier builds wrote those keys to the topic one record each; such records are still applied as they are.
 * The updater runs again over the topic when the store is restored, so the expansion needs no changelog of its
 * own. Records of different articles sit on different partitions, which a restore reads one after the other:
 * a band, fingerprint or entity entry therefore replaces another only if it is newer, so the store holds the
 * same entries whatever order the records come back in.
 *
 * <p><b>The store forgets what the topic forgets.</b> The topic deletes records after {@link
 * Topics#ENRICH_INDEX_RETENTION}, so a store restored from it holds only that window; a store that was never
 * restored would otherwise keep every article for ever, and two instances would then decide differently.
 * So the updater keeps an index time (the latest article time it has applied), skips records already older than
 * the window, and about once a minute of index time removes the entries of articles that fell out of it (an
 * entry another article has since replaced stays). {@link Stories} also ignores a band whose article is older
 * than the window, so a decision never depends on when the store last removed entries.
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
  static final String EXPIRY = "exp:";
  /** How much index time passes between two removals of expired entries. */
  static final long PURGE_EVERY_MS = 60_000;

  private ArticleIndex() {}

  public static void addTo(StreamsBuilder builder, Topics topics, IndexFilter filter) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(), // the index topic is its changelog
        topics.enrichIndex.name(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("article-index-source"),
        () -> new Updater(filter));
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

  /**
   * Applies index records to the global store and removes expired entries; a null value removes an entry written
   * as its own record.
   */
  static final class Updater implements Processor<String, String, Void, Void> {
    private final IndexFilter filter;
    private KeyValueStore<String, String> store;
    private long indexTime = Long.MIN_VALUE;
    private long purgedAt = Long.MIN_VALUE;

    Updater(IndexFilter filter) {
      this.filter = filter;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
      filter.seed(store);
    }

    @Override
    public void process(Record<String, String> record) {
      String key = record.key();
      if (key == null) {
        return;
      }
      if (key.startsWith(ARTICLE)) {
        if (record.value() != null) {
          Entry entry = Entry.decode(record.value());
          if (indexTime != Long.MIN_VALUE && entry.at() < indexTime - RETENTION_MS) {
            return; // already out of the window: a store restored from the topic would not hold it either
          }
          apply(store, filter, key.substring(ARTICLE.length()), entry);
          indexTime = Math.max(indexTime, entry.at());
          if (purgedAt == Long.MIN_VALUE || indexTime - purgedAt >= PURGE_EVERY_MS) {
            purge(store, indexTime - RETENTION_MS);
            purgedAt = indexTime;
            filter.maybeRebuild(store, indexTime);
          }
        }
      } else if (record.value() == null) {
        store.delete(key);
      } else {
        filter.add(key);
        store.put(key, record.value());
      }
    }
  }

  static final long RETENTION_MS = Topics.ENRICH_INDEX_RETENTION.toMillis();

  static void apply(KeyValueStore<String, String> store, IndexFilter filter, String articleId, Entry entry) {
    long at = entry.at();
    if (entry.fingerprint() != null) {
      String before = store.get(FINGERPRINT + articleId);
      if (before == null || fingerprintTime(before) <= at) {
        store.put(FINGERPRINT + articleId, at + "|" + entry.fingerprint().encode());
      }
      String value = articleId + "|" + entry.storyId() + "|@" + at;
      for (int b = 0; b < Fingerprint.BANDS; b++) {
        String key = BAND + entry.fingerprint().band(b);
        String band = filter.mightContain(key) ? store.get(key) : null;
        if (band == null || bandTime(band) <= at) {
          filter.add(key);
          store.put(key, value);
        }
      }
    }
    for (String entity : entry.entityIds()) {
      String before = filter.mightContain(ENTITY + entity) ? store.get(ENTITY + entity) : null;
      if (before == null || entityTime(before) <= at) {
        filter.add(ENTITY + entity);
        store.put(ENTITY + entity, entry.storyId() + "|" + at);
      }
    }
    store.put(expiryKey(at, articleId), String.join("\n", entry.entityIds()));
  }

  /**
   * Removes the entries of articles whose time is at or before {@code cutoff}, except those a newer article (or a
   * newer copy of the same article) has since replaced.
   */
  static int purge(KeyValueStore<String, String> store, long cutoff) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> marks = store.range(EXPIRY, expiryKey(cutoff, "\uffff"))) {
      marks.forEachRemaining(due::add);
    }
    for (KeyValue<String, String> mark : due) {
      int colon = mark.key.indexOf(':', EXPIRY.length());
      long at = Long.parseLong(mark.key.substring(EXPIRY.length(), colon));
      String articleId = mark.key.substring(colon + 1);
      String fingerprint = store.get(FINGERPRINT + articleId);
      if (fingerprint != null && fingerprintTime(fingerprint) <= at) {
        Fingerprint decoded = Fingerprint.decode(fingerprintOf(fingerprint));
        for (int b = 0; b < Fingerprint.BANDS; b++) {
          String key = BAND + decoded.band(b);
          String band = store.get(key);
          if (band != null && band.startsWith(articleId + "|") && bandTime(band) <= at) {
            store.delete(key);
          }
        }
        store.delete(FINGERPRINT + articleId);
      }
      if (!mark.value.isEmpty()) {
        for (String entity : mark.value.split("\n")) {
          String before = store.get(ENTITY + entity);
          if (before != null && entityTime(before) <= at) {
            store.delete(ENTITY + entity);
          }
        }
      }
      store.delete(mark.key);
    }
    return due.size();
  }

  /** Zero-padded, so that the marks sort by time. */
  static String expiryKey(long at, String articleId) {
    return EXPIRY + String.format("%019d", Math.max(0, at)) + ":" + articleId;
  }

  /** The epoch milliseconds of an entity entry ({@code storyId|epochMillis}). */
  static long entityTime(String value) {
    return Long.parseLong(value.substring(value.lastIndexOf('|') + 1));
  }

  /** The epoch milliseconds of a band entry, or the earliest time for entries of earlier builds, which carry none. */
  static long bandTime(String value) {
    int stamp = value.lastIndexOf("|@");
    return stamp < 0 ? Long.MIN_VALUE : Long.parseLong(value.substring(stamp + 2));
  }

  /** The epoch milliseconds of a fingerprint entry ({@code epochMillis|fingerprint}; earlier builds: none). */
  static long fingerprintTime(String value) {
    int bar = value.indexOf('|');
    return bar < 0 ? Long.MIN_VALUE : Long.parseLong(value.substring(0, bar));
  }

  /** The encoded fingerprint of a fingerprint entry, of this build or an earlier one. */
  static String fingerprintOf(String value) {
    return value.substring(value.indexOf('|') + 1);
  }
}
