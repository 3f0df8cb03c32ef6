package io.newswire.enrich;

import io.newswire.enrich.trends.Trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.config.NewswireConfig;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  static final String SCOPE = "enrich-topology";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  Topics topics;
  TopologyTestDriver driver;
  TestInputTopic<String, RawArticle> raw;
  TestOutputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, DeadLetter> deadLetters;
  TestOutputTopic<String, io.newswire.schema.TrendCount> trends;

  void start(Tagger tagger) {
    start(tagger, io.newswire.topics.RecordSizes.recordMaxBytes(io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES),
        "/enrich-topology-test");
  }

  /** The topology with records of at most {@code recordMaxBytes}, its state in a folder of its own. */
  void start(Tagger tagger, int recordMaxBytes, String stateFolder) {
    start(tagger, recordMaxBytes, stateFolder, 20_000);
  }

  void start(Tagger tagger, int recordMaxBytes, String stateFolder, int trendMaxSubjects) {
    NewswireConfig config = NewswireConfig.of(Map.of("schema.registry.url", "mock://" + SCOPE,
        NewswireConfig.ENRICH_STATE_DIR, System.getProperty("java.io.tmpdir") + stateFolder));
    topics = Topics.create(config.serdes());
    Properties props = EnrichTopology.streamsConfig(config);
    driver = new TopologyTestDriver(EnrichTopology.build(topics, tagger, CLOCK, java.time.Duration.ofDays(7),
        recordMaxBytes, trendMaxSubjects), props);
    raw = driver.createInputTopic(Topics.RAW_ARTICLES, topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, topics.enrichedArticles.keySerde().deserializer(),
        topics.enrichedArticles.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS, topics.deadLetters.keySerde().deserializer(),
        topics.deadLetters.valueSerde().deserializer());
    trends = driver.createOutputTopic(Topics.TRENDS, topics.trends.keySerde().deserializer(),
        topics.trends.valueSerde().deserializer());
  }

  @BeforeEach
  void startWithRules() {
    start(new NewswireTagger());
  }

  @AfterEach
  void stop() {
    driver.close();
    InMemorySchemaRegistry.drop(SCOPE);
  }

  static RawArticle article(String id, String title, String body) {
    return RawArticle.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
        .setFetchedAt(Instant.parse("2025-06-01T11:00:00Z")).setContentType("text/plain").setContentHash("h-" + id)
        .build();
  }

  @Test
  void anEnrichedArticleTooLargeForItsTopicIsDeadLetteredAndTheNextFlows() {
    driver.close();
    start(new NewswireTagger(), 64 * 1024, "/enrich-topology-test-3");
    raw.pipeInput("big", article("big", "Long report", "Officials in Lagos said the river rose again. ".repeat(2000)));
    raw.pipeInput("small", article("small", "Short report", "Officials in Lagos said the river fell."));

    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("small");
    assertThat(deadLetters.readValuesToList()).singleElement().satisfies(l -> {
      assertThat(l.getStage()).isEqualTo("enrich");
      assertThat(l.getErrorMessage()).contains("over the 65536-byte record limit", "ingest.max.bytes");
    });
  }

  @Test
  void sizesAreDerivedFromTheArticleLimit() {
    var props = EnrichTopology.streamsConfig(NewswireConfig.of(Map.of("schema.registry.url", "mock://" + SCOPE,
        NewswireConfig.INGEST_MAX_BYTES, String.valueOf(2 * 1024 * 1024))));
    assertThat(props.get("producer.max.request.size")).isEqualTo(io.newswire.topics.RecordSizes.recordMaxBytes(2 * 1024 * 1024));
    assertThat(io.newswire.topics.RecordSizes.recordMaxBytes(2 * 1024 * 1024)).isGreaterThan(3 * 2 * 1024 * 1024);
    assertThat(io.newswire.topics.RecordSizes.deadLetterPayloadBytes(2 * 1024 * 1024))
        .isGreaterThan(2 * 1024 * 1024).isLessThan(io.newswire.topics.RecordSizes.recordMaxBytes(2 * 1024 * 1024) / 2);
  }

  @Test
  void outputIsCompressedUnlessTheUserSaysOtherwise() {
    Map<String, String> base = Map.of("schema.registry.url", "mock://" + SCOPE);
    assertThat(EnrichTopology.streamsConfig(NewswireConfig.of(base)).get("producer.compression.type")).isEqualTo("lz4");
    Map<String, String> zstd = new java.util.HashMap<>(base);
    zstd.put(NewswireConfig.ENRICH_STREAMS_PREFIX + "producer.compression.type", "zstd");
    assertThat(EnrichTopology.streamsConfig(NewswireConfig.of(zstd)).get("producer.compression.type")).isEqualTo("zstd");
  }

  @Test
  void enrichesEachArticleUnderItsId() {
    raw.pipeInput("a1", article("a1", "Storm floods Lagos", "Heavy rain flooded Lagos on Monday, the Nigerian"
        + " emergency agency said. Rescue teams evacuated hundreds of families."));

    var record = enriched.readKeyValue();
    assertThat(record.key).isEqualTo("a1");
    EnrichedArticle a = record.value;
    assertThat(a.getArticle().getTitle()).isEqualTo("Storm floods Lagos");
    assertThat(a.getEntities()).extracting(e -> e.getName()).contains("Lagos");
    assertThat(a.getPlaces()).extracting(p -> p.getCountryCode()).contains("NG");
    assertThat(a.getTopics()).isNotEmpty();
    assertThat(a.getTagger()).isEqualTo(io.newswire.tagger.NewswireTagger.NAME);
    assertThat(a.getEnrichmentVersion()).isEqualTo(83);
    assertThat(a.getEnrichedAt()).isEqualTo(CLOCK.instant());
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aRetractedArticleStaysATombstone() {
    raw.pipeInput("a2", null);
    var record = enriched.readKeyValue();
    assertThat(record.key).isEqualTo("a2");
    assertThat(record.value).isNull();
  }

  @Test
  void bytesThatAreNotAvroAreSkippedAndTheNextRecordStillFlows() {
    // TopologyTestDriver does not capture dead letters returned for deserialization errors; the
    // handler's output is checked in DeadLetterHandlerTest and on a real broker in EnrichIT.
    driver.createInputTopic(Topics.RAW_ARTICLES, new StringSerializer(), new ByteArraySerializer())
        .pipeInput("junk", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("a3", article("a3", "Title", "Body text about Paris."));

    assertThat(enriched.readKeyValue().key).isEqualTo("a3");
  }

  @Test
  void aTaggerFailureDeadLettersThatArticleOnly() {
    driver.close();
    start(new Tagger() {
      final NewswireTagger rules = new NewswireTagger();

      @Override
      public Tagging tag(String title, String body) {
        if (body.contains("poison")) {
          throw new IllegalStateException("tagger choked on this article");
        }
        return rules.tag(title, body);
      }

      @Override
      public String name() {
        return "test";
      }

      @Override
      public int enrichmentVersion() {
        return 1;
      }
    });
    raw.pipeInput("bad", article("bad", "T", "a poison pill"));
    raw.pipeInput("good", article("good", "T", "fine text"));

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getErrorMessage()).contains("tagger choked");
    assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
    assertThat(enriched.readKeyValue().key).isEqualTo("good");
    assertThatThrownBy(() -> enriched.readKeyValue()).isInstanceOf(java.util.NoSuchElementException.class);
  }

  static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
  /** The hourly window current while stream time is in the 5-minute bucket that starts at T0. */
  static final Instant CURRENT_HOUR = T0.minus(java.time.Duration.ofMinutes(55));

  double duplicatesTotal() {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("duplicates-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }

  @Test
  void theSameArticleAgainIsDroppedAndCountedButAnUpdateGoesOn() {
    RawArticle first = article("d1", "Port strike ends", "Dock workers in Rotterdam ended their strike.");
    raw.pipeInput("d1", first, T0);
    raw.pipeInput("d1", first, T0.plusSeconds(60)); // sent again
    RawArticle updated = article("d1", "Port strike ends", "Dock workers in Rotterdam ended their strike on Friday.");
    updated.setContentHash("h-d1-updated");
    raw.pipeInput("d1", updated, T0.plusSeconds(120));

    assertThat(enriched.readValuesToList()).extracting(a -> a.getArticle().getBody()).containsExactly(
        "Dock workers in Rotterdam ended their strike.", "Dock workers in Rotterdam ended their strike on Friday.");
    assertThat(duplicatesTotal()).isEqualTo(1.0);
  }

  @Test
  void afterTheRetentionTheSameContentCountsAsNew() {
    driver.close();
    NewswireConfig config = NewswireConfig.of(Map.of("schema.registry.url", "mock://" + SCOPE,
        NewswireConfig.ENRICH_STATE_DIR, System.getProperty("java.io.tmpdir") + "/enrich-topology-test-2"));
    driver = new TopologyTestDriver(EnrichTopology.build(topics, new NewswireTagger(), CLOCK, java.time.Duration.ofHours(1)),
        EnrichTopology.streamsConfig(config));
    raw = driver.createInputTopic(Topics.RAW_ARTICLES, topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, topics.enrichedArticles.keySerde().deserializer(),
        topics.enrichedArticles.valueSerde().deserializer());
    RawArticle a = article("d2", "Title", "Body.");
    raw.pipeInput("d2", a, T0);
    raw.pipeInput("d2", a, T0.plus(java.time.Duration.ofHours(3)));
    assertThat(enriched.readValuesToList()).hasSize(2);
  }

  @Test
  void entitiesAndTopicsAreCountedPerWindowAndUpdatesAreRateLimited() {
    raw.pipeInput("t1", article("t1", "Storm hits Lagos", "A storm hit Lagos on Monday, officials said."), T0);
    trends.readKeyValuesToList(); // the first article's counts
    raw.pipeInput("t2", article("t2", "Lagos cleans up", "Lagos began to clean up after the storm."),
        T0.plusSeconds(30));
    assertThat(trends.isEmpty()).isTrue(); // rate-limited: not five minutes of stream time yet

    raw.pipeInput("t3", article("t3", "Markets open", "Markets opened higher in Tokyo."), T0.plusSeconds(300));
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));

    // The hour [T0 - 55 min, T0 + 5 min) closed with both articles. The current one, [T0 - 50 min, T0 + 10 min),
    // holds the same count: it goes out when Lagos's count in it changes, not before.
    String key = "1h|LOC:lagos|" + CURRENT_HOUR.toEpochMilli();
    assertThat(latest).containsKey(key);
    assertThat(latest.get(key).getArticles()).isEqualTo(2);
    assertThat(latest.get(key).getName()).isEqualTo("Lagos");
    assertThat(latest.get(key).getEntityType()).isEqualTo("LOC");
    assertThat(latest.get(key).getWindowEnd()).isEqualTo(T0.plus(java.time.Duration.ofMinutes(5)));
    assertThat(latest.keySet()).filteredOn(k -> k.startsWith("1h|LOC:lagos|")).containsExactly(key);
    assertThat(latest.values()).anyMatch(t -> t.getKind() == io.newswire.schema.TrendKind.TOPIC);
    // The day goes out as its window advances, every three hours: [T0 - 22 h, T0 + 2 h) closes at noon.
    assertThat(latest.keySet()).noneMatch(k -> k.startsWith("24h|"));
    raw.pipeInput("t4", article("t4", "Markets close", "Markets closed lower in Tokyo."), T0.plus(java.time.Duration.ofHours(2)));
    latest.clear();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get("24h|LOC:lagos|" + T0.minus(java.time.Duration.ofHours(22)).toEpochMilli()).getArticles())
        .isEqualTo(2);
  }

  @Test
  void aFullTrendBucketDropsItsLeastNamedSubjectsAndKeepsTheMostNamedExact() {
    driver.close();
    start(new NewswireTagger(), io.newswire.topics.RecordSizes.recordMaxBytes(
        io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES), "/enrich-topology-test-4", 3);
    String[] bodies = { // distinct stories, so none is a near-duplicate of another (those are not counted twice)
        "Flooding in Lagos forced hundreds of families from their homes, the governor in Abuja said on Monday.",
        "Traders from Kano said prices at the Lagos port doubled after the customs strike began last week.",
        "The university in Ibadan will open a campus in Lagos next year, its chancellor told students.",
        "Coal miners near Enugu marched to demand safety checks, and unions in Lagos promised support.",
        "A new rail line linking Kaduna with Lagos carried its first passengers through the night."};
    for (int i = 0; i < bodies.length; i++) {
      raw.pipeInput("c" + i, article("c" + i, "Report " + i, bodies[i]), T0.plusSeconds(10L * i));
    }
    raw.pipeInput("c5", article("c5", "Markets open", "Markets opened higher in Tokyo."), T0.plusSeconds(300));
    trends.readKeyValuesToList(); // the emission, after which each bucket keeps its three most-named subjects
    var store = driver.<String, String>getKeyValueStore(Trending.STORE);
    // Lagos (5 articles) and the two topics of two articles each stay; the places named once went.
    var kept = new java.util.ArrayList<String>();
    store.all().forEachRemaining(kv -> kept.add(kv.key.substring(kv.key.lastIndexOf('|') + 1)));
    assertThat(kept).contains("LOC:lagos").doesNotContain("LOC:abuja", "LOC:kano", "LOC:ibadan", "LOC:enugu");
    assertThat(store.get("1h|" + T0.toEpochMilli() + "|LOC:lagos")).startsWith("5\t");

    raw.pipeInput("c6", article("c6", "Lagos votes", "Voters in Lagos chose a new mayor on Sunday."), T0.plusSeconds(100));
    raw.pipeInput("c7", article("c7", "Markets close", "Markets closed lower in Tokyo."), T0.plusSeconds(600));
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get("1h|LOC:lagos|" + CURRENT_HOUR.toEpochMilli()).getArticles()).isEqualTo(6);
  }

  @Test
  void countsOfABurstFollowedBySilenceReachTheTopicOnWallClockTime() {
    raw.pipeInput("s1", article("s1", "Storm hits Lagos", "A storm hit Lagos on Monday, officials said."), T0);
    trends.readKeyValuesToList();
    raw.pipeInput("s2", article("s2", "Lagos cleans up", "Lagos began to clean up after the storm."), T0.plusSeconds(20));
    assertThat(trends.isEmpty()).isTrue(); // no later article moves stream time

    driver.advanceWallClockTime(Trending.FLUSH_EVERY);
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get("1h|LOC:lagos|" + CURRENT_HOUR.toEpochMilli()).getArticles()).isEqualTo(2);

    driver.advanceWallClockTime(Trending.FLUSH_EVERY);
    assertThat(trends.isEmpty()).isTrue(); // nothing changed since: nothing sent again
  }

  @Test
  void anArticleCostsTheTrendsOneRecordThroughTheRepartitionAndOneInTheChangelog() {
    raw.pipeInput("p1", article("p1", "Storm hits Lagos", "A storm hit Lagos and Abuja on Monday, the Red Cross said."), T0);
    raw.pipeInput("p2", article("p2", "Lagos cleans up", "Lagos began to clean up after the storm."), T0.plusSeconds(30));
    String changelog = driver.producedTopicNames().stream().filter(t -> t.endsWith("trend-counts-changelog"))
        .findFirst().orElseThrow();
    var records = driver.createOutputTopic(changelog, new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.StringDeserializer()).readKeyValuesToList();
    // The mark the first article sets, then each article's additions; no emission yet (the same bucket).
    assertThat(records).extracting(kv -> kv.key).containsExactly("=", "+", "+");
    assertThat(records.get(1).value).contains("|LOC:lagos\t", "|LOC:abuja\t");
    String repartition = driver.producedTopicNames().stream().filter(t -> t.endsWith("trend-articles-repartition"))
        .findFirst().orElseThrow();
    assertThat(driver.createOutputTopic(repartition, new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.StringDeserializer()).readKeyValuesToList()).hasSize(2);

    raw.pipeInput("p3", article("p3", "Markets open", "Markets opened higher in Tokyo."), T0.plusSeconds(300));
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get("1h|LOC:lagos|" + CURRENT_HOUR.toEpochMilli()).getArticles()).isEqualTo(2);
    var more = driver.createOutputTopic(changelog, new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.StringDeserializer()).readKeyValuesToList();
    assertThat(more).extracting(kv -> kv.key).contains("="); // the emission, one record
  }

  @Test
  void aLateArticleWithinTheGraceCorrectsTheHourThatClosedWithoutIt() {
    raw.pipeInput("l1", article("l1", "Storm hits Lagos", "A storm hit Lagos on Monday."), T0);
    raw.pipeInput("l2", article("l2", "Markets open", "Markets opened higher in Tokyo."), T0.plusSeconds(360));
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    String hour = "1h|LOC:lagos|" + CURRENT_HOUR.toEpochMilli();
    assertThat(latest.get(hour).getArticles()).isEqualTo(1);

    raw.pipeInput("l3", article("l3", "Lagos floods", "Lagos flooded after the storm."), T0.plusSeconds(60));
    driver.advanceWallClockTime(Trending.FLUSH_EVERY);
    latest.clear();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get(hour).getArticles()).isEqualTo(2);
  }

  @Test
  void hoppingWindowsAreSummedFromTheirBucketsAndLateArticlesSkipOnlyClosedWindows() {
    java.time.Duration min = java.time.Duration.ofMinutes(1);
    raw.pipeInput("h1", article("h1", "Storm hits Lagos", "A storm hit Lagos on Monday."), T0);
    raw.pipeInput("h2", article("h2", "Lagos floods", "Lagos flooded after the storm."), T0.plus(min.multipliedBy(7)));
    driver.advanceWallClockTime(Trending.FLUSH_EVERY); // the last article's counts, without waiting for another
    var latest = new java.util.HashMap<String, io.newswire.schema.TrendCount>();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    long t0 = T0.toEpochMilli();
    long five = min.multipliedBy(5).toMillis();
    // [T0-55min, T0+5min) closed at T0+5min holding only the first; the current hour, [T0-50min, T0+10min), both
    // (a quiet stream's flush). The hours after it hold the same two until T0's bucket leaves them.
    assertThat(latest.get("1h|LOC:lagos|" + (t0 - 11 * five)).getArticles()).isEqualTo(1);
    assertThat(latest.get("1h|LOC:lagos|" + (t0 - 10 * five)).getArticles()).isEqualTo(2);
    assertThat(latest.keySet().stream().filter(k -> k.startsWith("1h|LOC:lagos|"))).hasSize(2);

    // The hours that end later hold the same two articles: nothing goes out for Lagos while its count stays.
    raw.pipeInput("h0", article("h0", "Markets open", "Markets opened higher in Tokyo."), T0.plus(min.multipliedBy(30)));
    driver.advanceWallClockTime(Trending.FLUSH_EVERY);
    latest.clear();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.keySet()).noneMatch(k -> k.startsWith("1h|LOC:lagos|"));
    assertThat(latest.keySet()).anyMatch(k -> k.startsWith("1h|LOC:tokyo|"));

    // As the buckets of T0 and T0 + 5 min leave the hour, the windows that start after them say so: one, then none.
    raw.pipeInput("h3", article("h3", "Markets open", "Markets opened higher in Tokyo."), T0.plus(min.multipliedBy(120)));
    latest.clear();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.get("1h|LOC:lagos|" + (t0 + five)).getArticles()).isEqualTo(1);
    assertThat(latest.get("1h|LOC:lagos|" + (t0 + 2 * five)).getArticles()).isEqualTo(0);
    assertThat(latest.keySet().stream().filter(k -> k.startsWith("1h|LOC:lagos|"))).hasSize(2);

    // Two hours later in stream time, an article from T0 is too late for any hourly window, not for the daily.
    raw.pipeInput("h4", article("h4", "Lagos again", "Rain returned to Lagos."), T0);
    raw.pipeInput("h5", article("h5", "Markets close", "Markets closed lower in Tokyo."), T0.plus(min.multipliedBy(122)));
    driver.advanceWallClockTime(Trending.FLUSH_EVERY);
    latest.clear();
    trends.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    assertThat(latest.keySet()).noneMatch(k -> k.startsWith("1h|LOC:lagos|"));
    assertThat(latest.entrySet()).filteredOn(e -> e.getKey().startsWith("24h|LOC:lagos|"))
        .isNotEmpty().allMatch(e -> e.getValue().getArticles() == 3);

    // The query view: the latest hourly window holds the Tokyo articles only.
    var rows = io.newswire.enrich.trends.Trending.latest(driver.getKeyValueStore(io.newswire.enrich.trends.Trending.STORE),
        io.newswire.enrich.trends.Trending.WINDOWS.get(0));
    assertThat(rows).anyMatch(r -> r.getKey().equals("LOC:tokyo") && r.getArticles() == 2);
    assertThat(rows).noneMatch(r -> r.getKey().equals("LOC:lagos"));
  }
}
