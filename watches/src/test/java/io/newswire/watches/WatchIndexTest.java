package io.newswire.watches;

import static io.newswire.watches.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.schema.EntityType;
import io.newswire.schema.Watch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchIndexTest {
  final WatchIndex index = new WatchIndex();

  static Watch watch(String id, String rule) {
    return watch(id, rule, 0.0);
  }

  static Watch watch(String id, String rule, double minSalience) {
    return WatchFiles.watch(id, id, RuleParser.parse(rule), minSalience, null, Instant.EPOCH);
  }

  List<String> matching(ArticleFacts article) {
    return index.match(article).stream().map(m -> m.watch().getId()).toList();
  }

  @Test
  void eachKindOfTerm() {
    index.put(watch("entity", "entity:Wagner"));
    index.put(watch("entity-id", "entity:\"ORG:wagner group\""));
    index.put(watch("person", "person:Prigozhin"));
    index.put(watch("person-wrong-type", "person:\"Wagner Group\""));
    index.put(watch("org", "org:\"wagner group\""));
    index.put(watch("place", "place:Bakhmut"));
    index.put(watch("misc", "misc:Russian"));
    index.put(watch("topic-code", "topic:16000000"));
    index.put(watch("topic-label", "topic:\"armed conflict\""));
    index.put(watch("country", "country:ua"));
    index.put(watch("near", "near:48.6,38.0,30km"));
    index.put(watch("near-far", "near:41.0,29.0,100km"));
    index.put(watch("phrase", "\"private military company\""));
    index.put(watch("phrase-partial-word", "\"military comp\""));
    index.put(watch("title", "title:bakhmut"));
    index.put(watch("title-only-in-body", "title:\"military company\""));
    index.put(watch("lang", "lang:en"));
    index.put(watch("lang-other", "lang:de"));
    index.put(watch("source-host", "source:example.com"));
    index.put(watch("source-feed", "source:\"Kyiv Wire\""));
    index.put(watch("source-other", "source:reuters.com"));

    ArticleFacts article = article()
        .text("Fighting around Bakhmut", "The Wagner private military company, led by Yevgeny Prigozhin, said ...")
        .url("https://www.news.example.com/2026/01/01/bakhmut").feed("Kyiv Wire")
        .entity(EntityType.ORG, "Wagner Group", 0.6, "Wagner")
        .entity(EntityType.PER, "Yevgeny Prigozhin", 0.4, "Prigozhin")
        .entity(EntityType.MISC, "Russian", 0.1)
        .place("Bakhmut", 48.59, 38.0, "UA")
        .topic("medtop:16000000", "conflicts, war and peace").topic("medtop:20000056", "armed conflict")
        .facts();
    assertThat(matching(article)).containsExactlyInAnyOrder("entity", "entity-id", "person", "org", "place", "misc",
        "topic-code", "topic-label", "country", "near", "phrase", "title", "lang", "source-host", "source-feed");
  }

  @Test
  void combinationsAndWhatMatched() {
    index.put(watch("pair", "org:Wagner AND place:Bakhmut"));
    index.put(watch("either", "person:Putin OR person:Prigozhin"));
    index.put(watch("not-sport", "country:UA AND NOT topic:15000000"));
    index.put(watch("only-not", "NOT lang:en"));
    ArticleFacts article = article().text("t", "b")
        .entity(EntityType.ORG, "Wagner Group", 0.6, "Wagner").entity(EntityType.PER, "Yevgeny Prigozhin", 0.4, "Prigozhin")
        .place("Bakhmut", 48.59, 38.0, "UA").facts();
    var matches = index.match(article);
    assertThat(matches).extracting(m -> m.watch().getId()).containsExactly("either", "not-sport", "pair");
    assertThat(matches.get(2).matched()).containsExactly("org:Wagner = ORG Wagner Group", "place:Bakhmut = LOC Bakhmut");
    assertThat(index.unindexed()).isEqualTo(1); // only-not is tried on every article, and matches none in English
    ArticleFacts german = article().language("de").text("t", "b").facts();
    assertThat(matching(german)).containsExactly("only-not");
  }

  @Test
  void minimumSalienceAppliesToEntities() {
    index.put(watch("salient", "person:Prigozhin", 0.5));
    assertThat(matching(article().entity(EntityType.PER, "Yevgeny Prigozhin", 0.4, "Prigozhin").facts())).isEmpty();
    assertThat(matching(article().entity(EntityType.PER, "Yevgeny Prigozhin", 0.7, "Prigozhin").facts())).containsExactly("salient");
  }

  @Test
  void replacedAndRemovedWatches() {
    index.put(watch("w", "person:Putin"));
    index.put(watch("w", "person:Zelensky"));
    assertThat(matching(article().entity(EntityType.PER, "Vladimir Putin", 0.5, "Putin").facts())).isEmpty();
    index.remove("w");
    assertThat(matching(article().entity(EntityType.PER, "Volodymyr Zelensky", 0.5, "Zelensky").facts())).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void anArticleIsTriedOnlyOnWatchesFiledUnderItsKeys() {
    for (int i = 0; i < 10_000; i++) {
      index.put(watch("w" + i, "person:\"Person " + i + "\" AND lang:en"));
    }
    assertThat(index.unindexed()).isZero();
    // filed under the person (rare), not the language (every article)
    assertThat(index.get("w7").keys()).containsExactly("n:person 7");
    assertThat(matching(article().entity(EntityType.PER, "Person 7", 0.5).facts())).containsExactly("w7");
  }

  @Test
  void wideCirclesAreTriedEverywhere() {
    index.put(watch("europe", "near:50,10,3000km"));
    assertThat(index.unindexed()).isEqualTo(1);
    assertThat(matching(article().place("Lisbon", 38.7, -9.1, "PT").facts())).containsExactly("europe");
    assertThat(matching(article().place("Tokyo", 35.7, 139.7, "JP").facts())).isEmpty();
  }
}
