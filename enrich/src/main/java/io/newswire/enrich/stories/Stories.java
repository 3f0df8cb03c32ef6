package io.newswire.enrich.stories;

import io.newswire.enrich.StoredArticles;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.Place;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks near-duplicates and assigns stories, reading the shared {@link ArticleIndex}:
 * <ul>
 *   <li>an article whose fingerprint shares a band with an earlier, different article and is at least {@value
 *       #SIMILARITY} similar to it is a near-duplicate: {@code duplicateOf} is the first copy, and it joins
 *       that copy's story;
 *   <li>otherwise, if at least two of its key entities (its most salient people, organisations and towns)
 *       featured in the same story within {@link #STORY_WINDOW}, it joins that story;
 *   <li>otherwise it starts a story of its own, named after it.
 * </ul>
 * {@link #indexRecords} gives the index entries the article adds.
 *
 * <p>A decision, once made, is kept: an article enriched again (a replay, a tagger upgrade) keeps the story and
 * the duplicate mark it was given the first time, read from the store of enriched articles ({@value
 * #DECISIONS}), which is the compacted enriched topic and is restored from it, not reset by a replay. Without
 * this, a replay would decide again against an index that already holds later articles, and stories would
 * move (and stores downstream drift from the topic).
 */
public final class Stories implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
  public static final double SIMILARITY = 0.6;
  public static final Duration STORY_WINDOW = Duration.ofHours(48);
  static final int KEY_ENTITIES = 4;
  private static final Set<String> WIDE_PLACES = Set.of("country", "region", "continent");

  /** The store of enriched articles by id, where earlier decisions are read. */
  public static final String DECISIONS = "articles";

  private final IndexFilter filter;
  private final StoredArticles stored;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, String> index;
  private org.apache.kafka.streams.processor.StateStore decisions;

  /**
   * @param filter the index's keys, filled by the {@link ArticleIndex} of the same topology
   * @param stored reads the store of enriched articles
   */
  public Stories(IndexFilter filter, StoredArticles stored) {
    this.filter = filter;
    this.stored = stored;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.index = context.getStateStore(ArticleIndex.STORE);
    this.decisions = context.getStateStore(DECISIONS);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    if (article != null && !keepDecision(record.key(), article)) {
      assign(record.key(), article, index, filter);
    }
    context.forward(record);
  }

  /** Gives the article the story and duplicate mark it had when enriched before; false if it never was. */
  @SuppressWarnings("unchecked")
  private boolean keepDecision(String id, EnrichedArticle article) {
    EnrichedArticle before = stored.decode(
        ((org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, Object>) decisions).get(id));
    if (before != null && before.getStoryId() != null) {
      article.setStoryId(before.getStoryId());
      article.setDuplicateOf(before.getDuplicateOf());
      return true;
    }
    return false;
  }

  /**
   * The last article fingerprinted on this thread, so {@link #indexRecords}, which sees the same object
   * right after {@link #assign} on the same stream thread, does not compute it again.
   */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  static Fingerprint fingerprint(EnrichedArticle article) {
    Object[] last = LAST.get();
    if (last[0] != article) {
      last[0] = article;
      last[1] = Fingerprint.of(article.getArticle().getBody());
    }
    return (Fingerprint) last[1];
  }

  static void assign(String id, EnrichedArticle article, KeyValueStore<String, String> index, IndexFilter filter) {
    long now = article.getArticle().getFetchedAt().toEpochMilli();
    Fingerprint fingerprint = fingerprint(article);
    if (fingerprint != null) {
      for (int b = 0; b < Fingerprint.BANDS; b++) {
        String key = ArticleIndex.BAND + fingerprint.band(b);
        String entry = filter.mightContain(key) ? index.get(key) : null;
        if (entry == null) {
          continue;
        }
        String[] parts = entry.split("\\|", 3);
        long indexed = ArticleIndex.bandTime(entry); // Long.MIN_VALUE for entries of earlier builds
        if (parts[0].equals(id) || (indexed != Long.MIN_VALUE && now - indexed > ArticleIndex.RETENTION_MS)) {
          continue; // itself, or an article the index has forgotten or is about to
        }
        // Band entries name the article; its fingerprint is kept once under "fp:<id>" (entries written by
        // earlier builds carry it inline as a third part).
        String encoded = parts.length == 3 && !parts[2].startsWith("@") ? parts[2]
            : fingerprintEntry(index.get(ArticleIndex.FINGERPRINT + parts[0]));
        if (encoded != null && fingerprint.similarity(Fingerprint.decode(encoded)) >= SIMILARITY) {
          article.setDuplicateOf(parts[0]);
          article.setStoryId(parts[1]);
          return;
        }
      }
    }
    Map<String, Integer> votes = new HashMap<>();
    for (Entity e : keyEntities(article)) {
      String key = ArticleIndex.ENTITY + e.getId();
      String entry = filter.mightContain(key) ? index.get(key) : null;
      if (entry != null) {
        String[] parts = entry.split("\\|", 2);
        if (Math.abs(now - Long.parseLong(parts[1])) <= STORY_WINDOW.toMillis()) {
          votes.merge(parts[0], 1, Integer::sum);
        }
      }
    }
    String story = votes.entrySet().stream().filter(v -> v.getValue() >= 2)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("story-" + id);
    article.setStoryId(story);
  }

  private static String fingerprintEntry(String value) {
    return value == null ? null : ArticleIndex.fingerprintOf(value);
  }

  /** The most salient people, organisations and towns: what makes an event this event. */
  static List<Entity> keyEntities(EnrichedArticle article) {
    Map<String, String> placeKinds = new HashMap<>();
    for (Place p : article.getPlaces()) {
      placeKinds.put(p.getEntityId(), p.getFeatureKind());
    }
    List<Entity> out = new ArrayList<>();
    for (Entity e : article.getEntities()) { // already by salience, highest first
      boolean wide = e.getType() == EntityType.LOC && WIDE_PLACES.contains(placeKinds.getOrDefault(e.getId(), "country"));
      if (e.getType() != EntityType.MISC && !wide) {
        out.add(e);
      }
      if (out.size() == KEY_ENTITIES) {
        break;
      }
    }
    return out;
  }

  /**
   * The article's one index record ({@link ArticleIndex.Entry}): its fingerprint (originals only) and its key
   * entities, with its story; none for a tombstone or an article without a story.
   */
  public static List<KeyValue<String, String>> indexRecords(String id, EnrichedArticle article) {
    if (article == null || article.getStoryId() == null) {
      return List.of();
    }
    Fingerprint fingerprint = article.getDuplicateOf() == null ? fingerprint(article) : null;
    List<String> entities = new ArrayList<>(KEY_ENTITIES);
    for (Entity e : keyEntities(article)) {
      entities.add(e.getId());
    }
    ArticleIndex.Entry entry = new ArticleIndex.Entry(article.getStoryId(),
        article.getArticle().getFetchedAt().toEpochMilli(), fingerprint, entities);
    return List.of(KeyValue.pair(ArticleIndex.ARTICLE + id, entry.encode()));
  }
}
