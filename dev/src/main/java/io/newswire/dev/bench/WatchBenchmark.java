package io.newswire.dev.bench;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Place;
import io.newswire.schema.RawArticle;
import io.newswire.schema.Watch;
import io.newswire.tagger.AnnotatedCorpus;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagging;
import io.newswire.watches.ArticleFacts;
import io.newswire.watches.RuleParser;
import io.newswire.watches.WatchFiles;
import io.newswire.watches.WatchIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Matching cost with many watches: enriched articles (the annotated corpus, tagged by the shipped tagger) against N
 * generated watches of every kind, built from the names, places, topics and phrases those articles contain (so
 * that some match) and from names no article has. Measures the indexed match enrich runs per article, and the same
 * watches tried one by one for comparison.
 */
public final class WatchBenchmark {
  public record Result(int watches, int unindexed, int articles, double indexedMicros, double bruteMicros,
      double matchesPerArticle, double buildMillis, long heapBytes) {}

  private WatchBenchmark() {}

  public static List<EnrichedArticle> articles(Path corpus) throws Exception {
    List<AnnotatedCorpus.Article> texts = new ArrayList<>(AnnotatedCorpus.readNews(corpus.resolve("news-train.txt")));
    texts.addAll(AnnotatedCorpus.readNews(corpus.resolve("news-heldout.txt")));
    NewswireTagger tagger = new NewswireTagger();
    List<EnrichedArticle> articles = new ArrayList<>();
    int n = 0;
    for (AnnotatedCorpus.Article a : texts) {
      Tagging t = tagger.tag(a.title(), a.body());
      RawArticle raw = RawArticle.newBuilder().setId("bench-" + n).setSource("bench")
          .setUrl("https://" + List.of("wire.example", "news.example.org", "daily.example.com").get(n % 3) + "/" + n)
          .setTitle(a.title()).setBody(a.body()).setFetchedAt(Instant.EPOCH).setContentType("text/plain")
          .setContentHash("h" + n++).build();
      articles.add(EnrichedArticle.newBuilder().setArticle(raw).setLanguage(t.language()).setEntities(t.entities())
          .setPlaces(t.places()).setTopics(t.topics()).setQuotes(t.quotes()).setTagger(tagger.name())
          .setEnrichmentVersion(tagger.enrichmentVersion()).setEnrichedAt(Instant.EPOCH).build());
    }
    return articles;
  }

  /** N watches of every kind; about one in five is built from an article, the rest from names no article has. */
  public static List<Watch> watches(List<EnrichedArticle> articles, int count, long seed) {
    Random random = new Random(seed);
    List<Watch> watches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EnrichedArticle a = articles.get(random.nextInt(articles.size()));
      boolean real = random.nextInt(5) == 0;
      String person = name(a, "PER", random, real, "Person");
      String org = name(a, "ORG", random, real, "Organisation");
      String rule = switch (i % 10) {
        case 0, 1 -> "person:\"" + person + "\" AND org:\"" + org + "\"";
        case 2 -> "person:\"" + person + "\" OR person:\"" + name(a, "PER", random, real, "Other") + "\"";
        case 3 -> "place:\"" + place(a, random, real) + "\" AND topic:" + topic(a, random);
        case 4 -> "\"" + phrase(a, random, real) + "\" AND lang:en";
        case 5 -> "country:" + (real && !a.getPlaces().isEmpty() && a.getPlaces().get(0).getCountryCode() != null
            ? a.getPlaces().get(0).getCountryCode() : "Z" + (char) ('A' + random.nextInt(26))) + " AND NOT topic:15000000";
        case 6 -> "near:" + String.format(Locale.ROOT, "%.2f,%.2f,%dkm", -60 + 120 * random.nextDouble(),
            -180 + 360 * random.nextDouble(), 20 + random.nextInt(200));
        case 7 -> "org:\"" + org + "\" AND (source:wire.example OR source:daily.example.com)";
        case 8 -> "entity:\"" + person + "\" AND NOT lang:de";
        default -> i % 200 == 9 ? "NOT lang:en AND NOT lang:de" : "title:\"" + phrase(a, random, real) + "\"";
      };
      watches.add(WatchFiles.watch("w" + i, "w" + i, RuleParser.parse(rule), 0.0, null, Instant.EPOCH));
    }
    return watches;
  }

  public static Result run(List<EnrichedArticle> articles, List<Watch> watches, int rounds) {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    WatchIndex index = new WatchIndex();
    watches.forEach(index::put);
    double buildMillis = (System.nanoTime() - start) / 1e6;
    System.gc();
    long heap = rt.totalMemory() - rt.freeMemory() - heapBefore;
    long matches = 0;
    for (int r = 0; r < 2; r++) { // warm-up
      for (EnrichedArticle a : articles) {
        matches += index.match(new ArticleFacts(a)).size();
      }
    }
    matches = 0;
    start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (EnrichedArticle a : articles) {
        matches += index.match(new ArticleFacts(a)).size();
      }
    }
    double indexed = (System.nanoTime() - start) / 1e3 / (rounds * (double) articles.size());
    // the same watches, each tried on every article: what the index saves
    List<WatchIndex> single = new ArrayList<>();
    for (Watch w : watches) {
      WatchIndex one = new WatchIndex();
      one.put(w);
      single.add(one);
    }
    int sample = Math.min(articles.size(), 200);
    start = System.nanoTime();
    long bruteMatches = 0;
    for (int i = 0; i < sample; i++) {
      ArticleFacts facts = new ArticleFacts(articles.get(i));
      for (WatchIndex.Entry e : single.stream().flatMap(s -> s.all().stream()).toList()) {
        if (e.rule().test(facts, e.watch().getMinSalience(), new ArrayList<>())) {
          bruteMatches++;
        }
      }
    }
    double brute = (System.nanoTime() - start) / 1e3 / sample;
    return new Result(watches.size(), index.unindexed(), articles.size(), indexed, brute,
        matches / (double) (rounds * articles.size()), buildMillis, heap);
  }

  private static String name(EnrichedArticle a, String type, Random random, boolean real, String prefix) {
    if (real) {
      List<Entity> of = a.getEntities().stream().filter(e -> e.getType().name().equals(type)).toList();
      if (!of.isEmpty()) {
        return of.get(random.nextInt(of.size())).getName();
      }
    }
    return prefix + " " + Integer.toString(random.nextInt(1 << 30), 36);
  }

  private static String place(EnrichedArticle a, Random random, boolean real) {
    List<Place> places = a.getPlaces();
    return real && !places.isEmpty() ? places.get(random.nextInt(places.size())).getName()
        : "Place " + Integer.toString(random.nextInt(1 << 30), 36);
  }

  private static String topic(EnrichedArticle a, Random random) {
    List<MediaTopic> topics = a.getTopics();
    return topics.isEmpty() ? "medtop:04000000" : topics.get(random.nextInt(topics.size())).getCode();
  }

  private static String phrase(EnrichedArticle a, Random random, boolean real) {
    if (real) {
      String[] words = a.getArticle().getTitle().split("\\s+");
      if (words.length >= 3) {
        int at = random.nextInt(words.length - 1);
        return (words[at] + " " + words[at + 1]).replaceAll("[\"\\\\]", "");
      }
    }
    return "phrase " + Integer.toString(random.nextInt(1 << 30), 36);
  }
}
