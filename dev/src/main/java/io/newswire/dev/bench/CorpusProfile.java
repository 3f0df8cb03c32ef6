package io.newswire.dev.bench;

import io.newswire.enrich.stories.Fingerprint;
import io.newswire.schema.Entity;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stream of articles asks of enrich beyond tagging, so that the benchmark corpus can be compared with
 * real feeds: how long the articles are, how many names they carry and how often those names came before
 * (the entity index's hits), and how often a fingerprint band matches an earlier article (each match costs
 * index reads and a similarity test) and how often that match is a real near-copy.
 */
public final class CorpusProfile {
  private CorpusProfile() {}

  /** One article: its title and body. */
  public record Text(String title, String body) {}

  public record Profile(int articles, double medianWords, double entitiesPerArticle, double mentionsPerThousandWords,
      double entitiesSeenBefore, double bandLookupHits, double articlesWithBandHit, double nearCopies,
      double withTopic) {

    public String table() {
      return String.format(java.util.Locale.ROOT, "| articles | words (median) | entities per article | mentions per"
          + " 1,000 words | entities seen in an earlier article | band lookups finding an earlier article | articles"
          + " with such a band | near-copies (similarity >= 0.6) | with a topic |%n"
          + "|---|---|---|---|---|---|---|---|---|%n"
          + "| %,d | %.0f | %.1f | %.1f | %.0f %% | %.2f %% | %.1f %% | %.1f %% | %.0f %% |%n",
          articles, medianWords, entitiesPerArticle, mentionsPerThousandWords, 100 * entitiesSeenBefore,
          100 * bandLookupHits, 100 * articlesWithBandHit, 100 * nearCopies, 100 * withTopic);
    }
  }

  public static Profile of(List<Text> texts, Tagger tagger) {
    Set<String> seenEntities = new HashSet<>();
    Map<String, Fingerprint> bands = new HashMap<>(); // band key -> the first article's fingerprint
    int[] words = new int[texts.size()];
    long entities = 0;
    long entitiesBefore = 0;
    long mentions = 0;
    long lookups = 0;
    long hits = 0;
    int withHit = 0;
    int copies = 0;
    int withTopic = 0;
    for (int i = 0; i < texts.size(); i++) {
      Text t = texts.get(i);
      words[i] = t.body().isBlank() ? 0 : t.body().strip().split("\\s+").length;
      Tagging tagging = tagger.tag(t.title(), t.body());
      for (Entity e : tagging.entities()) {
        entities++;
        mentions += e.getMentions().size();
        if (!seenEntities.add(e.getId())) {
          entitiesBefore++;
        }
      }
      if (!tagging.topics().isEmpty()) {
        withTopic++;
      }
      Fingerprint fingerprint = Fingerprint.of(t.body());
      if (fingerprint == null) {
        continue;
      }
      boolean hit = false;
      boolean copy = false;
      for (int b = 0; b < Fingerprint.BANDS; b++) {
        lookups++;
        Fingerprint earlier = bands.putIfAbsent(fingerprint.band(b), fingerprint);
        if (earlier != null) {
          hits++;
          hit = true;
          copy |= fingerprint.similarity(earlier) >= 0.6;
        }
      }
      withHit += hit ? 1 : 0;
      copies += copy ? 1 : 0;
    }
    int n = Math.max(1, texts.size());
    Arrays.sort(words);
    long totalWords = Arrays.stream(words).asLongStream().sum();
    return new Profile(texts.size(), words.length == 0 ? 0 : words[words.length / 2], (double) entities / n,
        1000.0 * mentions / Math.max(1, totalWords), (double) entitiesBefore / Math.max(1, entities),
        (double) hits / Math.max(1, lookups), (double) withHit / n, (double) copies / n, (double) withTopic / n);
  }
}
