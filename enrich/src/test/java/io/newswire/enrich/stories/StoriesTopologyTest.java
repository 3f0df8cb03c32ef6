package io.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichTopology;
import io.newswire.tagger.NewswireTagger;
import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Near-duplicates across ids, stories, and the queryable article and story stores, on the whole topology. */
class StoriesTopologyTest {
  static final String SCOPE = "stories-topology";
  static final Instant T0 = Instant.parse("2025-06-01T11:00:00Z");
  static final NewswireTagger TAGGER = new NewswireTagger();

  static final String WIRE = "Polish President Andrzej Duda arrived in Kyiv on Tuesday for talks with Ukrainian President"
      + " Volodymyr Zelensky, while Russian forces kept up heavy shelling of Kharkiv overnight. Duda is expected to"
      + " discuss military aid and the ceasefire proposal backed by the European Commission. The Kremlin said it had"
      + " not been informed of the visit. Zelensky said the talks would focus on air defence and on the reconstruction"
      + " of the energy grid, which has been hit by more than 200 missiles since March.";

  TopologyTestDriver driver;
  TestInputTopic<String, RawArticle> raw;
  TestOutputTopic<String, EnrichedArticle> enriched;
  Topics topics;

  @BeforeEach
  void start() {
    NewswireConfig config = NewswireConfig.of(Map.of("schema.registry.url", "mock://" + SCOPE,
        NewswireConfig.ENRICH_STATE_DIR, System.getProperty("java.io.tmpdir") + "/stories-topology-test"));
    topics = Topics.create(config.serdes());
    driver = new TopologyTestDriver(EnrichTopology.build(topics, TAGGER, Clock.fixed(T0, ZoneOffset.UTC)),
        EnrichTopology.streamsConfig(config));
    raw = driver.createInputTopic(Topics.RAW_ARTICLES, topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, topics.enrichedArticles.keySerde().deserializer(),
        topics.enrichedArticles.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.drop(SCOPE);
  }

  static RawArticle article(String id, String source, String title, String body, Instant at) {
    return RawArticle.newBuilder().setId(id).setSource(source).setTitle(title).setBody(body).setFetchedAt(at)
        .setContentType("text/plain").setContentHash("h-" + id).build();
  }

  @Test
  void aSyndicatedCopyWithSmallEditsIsANearDuplicateOfTheFirstCopyAndJoinsItsStory() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    String edited = WIRE.replace("on Tuesday", "on Tuesday morning").replace("200 missiles", "two hundred missiles")
        + " Our correspondent contributed reporting.";
    raw.pipeInput("b7", article("b7", "daily", "Polish leader visits Kyiv", edited, T0.plusSeconds(600)), T0.plusSeconds(600));

    var out = enriched.readKeyValuesToMap();
    assertThat(out.get("a1").getDuplicateOf()).isNull();
    assertThat(out.get("b7").getDuplicateOf()).isEqualTo("a1");
    assertThat(out.get("b7").getStoryId()).isEqualTo(out.get("a1").getStoryId()).isEqualTo("story-a1");
  }

  @Test
  void indexEntriesOfEarlierBuildsWithTheFingerprintInlineAreStillMatched() {
    Fingerprint original = Fingerprint.of(WIRE);
    var index = driver.createInputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.StringSerializer());
    for (int b = 0; b < Fingerprint.BANDS; b++) {
      index.pipeInput("band:" + original.band(b), "old1|story-old1|" + original.encode(), T0);
    }
    raw.pipeInput("n2", article("n2", "daily", "Polish leader visits Kyiv", WIRE, T0.plusSeconds(60)), T0.plusSeconds(60));

    var out = enriched.readKeyValuesToMap();
    assertThat(out.get("n2").getDuplicateOf()).isEqualTo("old1");
    assertThat(out.get("n2").getStoryId()).isEqualTo("story-old1");
  }

  @Test
  void eachArticleWritesOneIndexRecordThatHoldsItsBandsAndKeyEntities() {
    var index = driver.createOutputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.StringDeserializer());
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    raw.pipeInput("b7", article("b7", "daily", "Polish leader visits Kyiv", WIRE + " More follows.", T0.plusSeconds(60)),
        T0.plusSeconds(60));

    var records = index.readKeyValuesToList();
    assertThat(records).extracting(r -> r.key).containsExactly("article:a1", "article:b7");
    org.apache.kafka.streams.state.KeyValueStore<String, String> store = driver.getKeyValueStore(ArticleIndex.STORE);
    Fingerprint original = Fingerprint.of(WIRE);
    for (int b = 0; b < Fingerprint.BANDS; b++) {
      assertThat(store.get("band:" + original.band(b))).isEqualTo("a1|story-a1|@" + T0.toEpochMilli());
    }
    assertThat(store.get("fp:a1")).isEqualTo(T0.toEpochMilli() + "|" + original.encode());
    assertThat(store.get("fp:b7")).as("a near-duplicate adds no bands of its own").isNull();
    assertThat(enriched.readKeyValuesToMap().get("b7").getDuplicateOf()).isEqualTo("a1");
  }

  @Test
  void anEntityKeepsItsLatestStoryWhateverOrderTheIndexIsReadIn() {
    var index = driver.createInputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.StringSerializer());
    long later = T0.plusSeconds(3600).toEpochMilli();
    // A restore reads the index's partitions one after the other: the later article's record can come first.
    index.pipeInput("article:x2", new ArticleIndex.Entry("story-x2", later, null, java.util.List.of("per:duda")).encode(), T0);
    index.pipeInput("article:x1", new ArticleIndex.Entry("story-x1", T0.toEpochMilli(), null,
        java.util.List.of("per:duda", "loc:kyiv")).encode(), T0);

    org.apache.kafka.streams.state.KeyValueStore<String, String> store = driver.getKeyValueStore(ArticleIndex.STORE);
    assertThat(store.get("entity:per:duda")).isEqualTo("story-x2|" + later);
    assertThat(store.get("entity:loc:kyiv")).isEqualTo("story-x1|" + T0.toEpochMilli());
  }

  @Test
  void aCopyOfAnArticleOlderThanTheIndexWindowIsNoNearDuplicate() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    Instant later = T0.plus(Topics.ENRICH_INDEX_RETENTION).plus(Duration.ofHours(1));
    raw.pipeInput("b7", article("b7", "daily", "Polish leader visits Kyiv", WIRE + " More follows.", later), later);

    var out = enriched.readKeyValuesToMap();
    assertThat(out.get("b7").getDuplicateOf()).isNull();
    assertThat(out.get("b7").getStoryId()).isEqualTo("story-b7");
  }

  @Test
  void theIndexStoreForgetsAnArticleOnceItHasSeenArticlesAWindowYounger() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    org.apache.kafka.streams.state.KeyValueStore<String, String> store = driver.getKeyValueStore(ArticleIndex.STORE);
    assertThat(keys(store)).anyMatch(k -> k.startsWith("entity:")).contains("fp:a1");

    Instant later = T0.plus(Topics.ENRICH_INDEX_RETENTION).plus(Duration.ofMinutes(2));
    raw.pipeInput("c3", article("c3", "radio", "Storm closes ports",
        "Heavy rain and wind closed the ports of Gdansk and Gdynia on Friday, the harbour master said.", later), later);

    Fingerprint original = Fingerprint.of(WIRE);
    assertThat(keys(store)).doesNotContain("fp:a1").noneMatch(k -> k.endsWith(":a1"))
        .noneMatch(k -> k.startsWith("band:") && store.get(k).startsWith("a1|"))
        .noneMatch(k -> k.startsWith("entity:") && store.get(k).startsWith("story-a1|"))
        .contains("fp:c3");
    assertThat(store.get("band:" + original.band(0))).isNull();
  }

  @Test
  void anArticleIndexedAgainKeepsItsEntriesWhenItsFirstTimeExpires() {
    var index = driver.createInputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.StringSerializer());
    Fingerprint original = Fingerprint.of(WIRE);
    long resent = T0.plus(Duration.ofDays(2)).toEpochMilli();
    index.pipeInput("article:a1", new ArticleIndex.Entry("story-a1", T0.toEpochMilli(), original,
        java.util.List.of("per:duda")).encode(), T0);
    index.pipeInput("article:a1", new ArticleIndex.Entry("story-a1", resent, original,
        java.util.List.of("per:duda")).encode(), T0);
    long past = T0.plus(Topics.ENRICH_INDEX_RETENTION).plus(Duration.ofHours(1)).toEpochMilli();
    index.pipeInput("article:z9", new ArticleIndex.Entry("story-z9", past, null, java.util.List.of()).encode(), T0);

    org.apache.kafka.streams.state.KeyValueStore<String, String> store = driver.getKeyValueStore(ArticleIndex.STORE);
    assertThat(store.get("fp:a1")).isEqualTo(resent + "|" + original.encode());
    assertThat(store.get("band:" + original.band(3))).isEqualTo("a1|story-a1|@" + resent);
    assertThat(store.get("entity:per:duda")).isEqualTo("story-a1|" + resent);
  }

  @Test
  void aBandKeepsItsNewestArticleWhateverOrderTheIndexIsReadInAndExpiredRecordsAreSkipped() {
    var index = driver.createInputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.StringSerializer());
    Fingerprint original = Fingerprint.of(WIRE);
    long newer = T0.plusSeconds(3600).toEpochMilli();
    index.pipeInput("article:n2", new ArticleIndex.Entry("story-n2", newer, original, java.util.List.of()).encode(), T0);
    index.pipeInput("article:o1", new ArticleIndex.Entry("story-o1", T0.toEpochMilli(), original,
        java.util.List.of()).encode(), T0);
    org.apache.kafka.streams.state.KeyValueStore<String, String> store = driver.getKeyValueStore(ArticleIndex.STORE);
    for (int b = 0; b < Fingerprint.BANDS; b++) {
      assertThat(store.get("band:" + original.band(b))).isEqualTo("n2|story-n2|@" + newer);
    }

    long past = T0.plus(Topics.ENRICH_INDEX_RETENTION).plus(Duration.ofDays(1)).toEpochMilli();
    index.pipeInput("article:z9", new ArticleIndex.Entry("story-z9", past, null, java.util.List.of()).encode(), T0);
    index.pipeInput("article:o1", new ArticleIndex.Entry("story-o1", T0.toEpochMilli(), original,
        java.util.List.of("per:duda")).encode(), T0);
    assertThat(keys(store)).as("a record older than the window is not applied").containsOnly(
        ArticleIndex.expiryKey(past, "z9"));
  }

  static java.util.List<String> keys(org.apache.kafka.streams.state.KeyValueStore<String, String> store) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(kv -> keys.add(kv.key));
    }
    return keys;
  }

  @Test
  void differentTextsAboutTheSameEventShareAStoryAndOtherNewsDoesNot() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    raw.pipeInput("c3", article("c3", "radio", "Zelensky and Duda discuss air defence",
        "Volodymyr Zelensky and Andrzej Duda spoke for two hours in Kyiv. The two presidents agreed that Poland would"
            + " train Ukrainian crews. Zelensky thanked Duda for the support of the Polish people.", T0.plusSeconds(3600)),
        T0.plusSeconds(3600));
    raw.pipeInput("d4", article("d4", "sport", "Lagos marathon sets record",
        "Kenyan runner Eliud Kiprono won the Lagos marathon on Saturday in a course record, ahead of Tadesse Bekele."
            + " Organisers said 30,000 runners took part.", T0.plusSeconds(7200)), T0.plusSeconds(7200));

    var out = enriched.readKeyValuesToMap();
    assertThat(out.get("c3").getStoryId()).isEqualTo("story-a1");
    assertThat(out.get("c3").getDuplicateOf()).isNull();
    assertThat(out.get("d4").getStoryId()).isEqualTo("story-d4");
  }

  @Test
  void anArticleEnrichedAgainKeepsItsStoryAndDuplicateMark() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    RawArticle c3 = article("c3", "radio", "Zelensky and Duda discuss air defence",
        "Volodymyr Zelensky and Andrzej Duda spoke for two hours in Kyiv. The two presidents agreed that Poland would"
            + " train Ukrainian crews. Zelensky thanked Duda for the support of the Polish people.", T0.plusSeconds(3600));
    raw.pipeInput("c3", c3, T0.plusSeconds(3600));
    raw.pipeInput("b7", article("b7", "daily", "Polish leader visits Kyiv", WIRE + " More follows.", T0.plusSeconds(60)),
        T0.plusSeconds(60));
    var first = enriched.readKeyValuesToMap();
    assertThat(first.get("c3").getStoryId()).isEqualTo("story-a1");
    assertThat(first.get("b7").getDuplicateOf()).isEqualTo("a1");

    // Later articles moved the entities to another story, and a1's bands to another copy: deciding again
    // would move c3 and b7. A replay sends the same raw records again (with the exact-duplicate memory reset
    // with the rest of the application's state: here, a new content hash stands for that).
    var index = driver.createInputTopic(Topics.ENRICH_INDEX, new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.StringSerializer());
    String now = Long.toString(T0.plusSeconds(3600).toEpochMilli());
    for (var e : Stories.keyEntities(first.get("c3"))) {
      index.pipeInput("entity:" + e.getId(), "story-later|" + now, T0.plusSeconds(7200));
    }
    Fingerprint f = Fingerprint.of(WIRE + " More follows.");
    for (int b = 0; b < Fingerprint.BANDS; b++) {
      index.pipeInput("band:" + f.band(b), "z9|story-z9", T0.plusSeconds(7200));
    }
    index.pipeInput("fp:z9", f.encode(), T0.plusSeconds(7200));
    c3.setContentHash("again-c3");
    raw.pipeInput("c3", c3, T0.plusSeconds(3600));
    RawArticle b7 = article("b7", "daily", "Polish leader visits Kyiv", WIRE + " More follows.", T0.plusSeconds(60));
    b7.setContentHash("again-b7");
    raw.pipeInput("b7", b7, T0.plusSeconds(60));

    var again = enriched.readKeyValuesToMap();
    assertThat(again.get("c3").getStoryId()).isEqualTo("story-a1");
    assertThat(again.get("b7").getDuplicateOf()).isEqualTo("a1");
    assertThat(again.get("b7").getStoryId()).isEqualTo("story-a1");
  }

  @Test
  void aStoryOlderThanTheWindowIsNotJoined() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    Instant later = T0.plus(Stories.STORY_WINDOW).plus(Duration.ofHours(1));
    raw.pipeInput("e5", article("e5", "radio", "Zelensky and Duda meet again",
        "Volodymyr Zelensky and Andrzej Duda met again in Kyiv to review the air defence plan agreed earlier.", later), later);
    assertThat(enriched.readKeyValuesToMap().get("e5").getStoryId()).isEqualTo("story-e5");
  }

  @Test
  void articlesAndStoriesAreQueryableFromTheirStores() {
    raw.pipeInput("a1", article("a1", "wire", "Duda in Kyiv", WIRE, T0), T0);
    raw.pipeInput("b7", article("b7", "daily", "Polish leader visits Kyiv", WIRE + " More follows.", T0.plusSeconds(60)),
        T0.plusSeconds(60));
    // The store holds the topic's bytes; StoredArticles decodes them as the queries do.
    var articles = driver.<String, byte[]>getKeyValueStore(EnrichTopology.ARTICLES_STORE);
    assertThat(new io.newswire.enrich.StoredArticles(topics).decode(articles.get("b7")).getDuplicateOf()).isEqualTo("a1");
    String story = driver.<String, String>getKeyValueStore(StoryView.STORE).get("story-a1");
    assertThat(story).contains("\"articleCount\":2").contains("\"id\":\"a1\"").contains("\"duplicateOf\":\"a1\"");
  }

  @Test
  void fingerprintsEstimateOverlapAndEncodeLosslessly() {
    Fingerprint a = Fingerprint.of(WIRE);
    Fingerprint b = Fingerprint.of(WIRE.replace("Tuesday", "Wednesday"));
    Fingerprint c = Fingerprint.of("Heavy rain flooded roads and forced schools to close across the region on Monday.");
    assertThat(a.similarity(b)).isGreaterThan(0.7);
    assertThat(a.similarity(c)).isLessThan(0.2);
    assertThat(Fingerprint.decode(a.encode()).similarity(a)).isEqualTo(1.0);
    assertThat(Fingerprint.of("too short")).isNull();
  }
}
