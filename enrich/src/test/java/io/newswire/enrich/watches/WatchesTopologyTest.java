package io.newswire.enrich.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichTopology;
import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.Alert;
import io.newswire.schema.RawArticle;
import io.newswire.schema.Watch;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import io.newswire.watches.RuleParser;
import io.newswire.watches.WatchFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watches inside the enrich topology: the global store of watches, matching, alerts, once per article. */
class WatchesTopologyTest {
  static final String SCOPE = "watches-topology";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static NewswireTagger tagger;

  Topics topics;
  TopologyTestDriver driver;
  TestInputTopic<String, RawArticle> raw;
  TestInputTopic<String, Watch> watches;
  TestOutputTopic<String, Alert> alerts;

  @BeforeAll
  static void loadTagger() {
    tagger = new NewswireTagger();
  }

  @AfterAll
  static void dropRegistry() {
    InMemorySchemaRegistry.drop(SCOPE);
  }

  @BeforeEach
  void start() {
    NewswireConfig config = NewswireConfig.of(Map.of("schema.registry.url", "mock://" + SCOPE,
        NewswireConfig.ENRICH_STATE_DIR, System.getProperty("java.io.tmpdir") + "/watches-topology-test"));
    topics = Topics.create(config.serdes());
    driver = new TopologyTestDriver(EnrichTopology.build(topics, tagger, CLOCK, Duration.ofDays(7)),
        EnrichTopology.streamsConfig(config));
    raw = driver.createInputTopic(Topics.RAW_ARTICLES, topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
    watches = driver.createInputTopic(Topics.WATCHES, topics.watches.keySerde().serializer(),
        topics.watches.valueSerde().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS, topics.alerts.keySerde().deserializer(),
        topics.alerts.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  void watch(String id, String rule) {
    watches.pipeInput(id, WatchFiles.watch(id, "watch " + id, RuleParser.parse(rule), 0.0, null, CLOCK.instant()));
  }

  static RawArticle article(String id, String title, String body) {
    return RawArticle.newBuilder().setId(id).setSource("https://wire.example/feed").setUrl("https://wire.example/" + id)
        .setTitle(title).setBody(body).setFetchedAt(Instant.parse("2026-06-01T11:00:00Z"))
        .setContentType("text/plain").setContentHash("h-" + id + title.hashCode() + body.hashCode()).build();
  }

  static final String FLOOD_TITLE = "Floods in Lagos force thousands from their homes";
  static final String FLOOD_BODY = "Heavy rain flooded Lagos on Monday, the Nigerian emergency agency said."
      + " Governor Babajide Sanwo-Olu said rescue teams had evacuated hundreds of families.";

  @Test
  void eachKindOfRuleInTheTopology() {
    watch("place", "place:Lagos");
    watch("country", "country:NG");
    watch("near", "near:6.5,3.4,50km");
    watch("phrase", "\"emergency agency\"");
    watch("lang", "lang:en AND title:floods");
    watch("pair", "person:\"Babajide Sanwo-Olu\" AND place:Lagos");
    watch("not", "place:Lagos AND NOT country:NG");
    watch("other", "place:Kharkiv OR source:reuters.com");
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY));

    List<Alert> raised = alerts.readValuesToList();
    assertThat(raised).extracting(Alert::getWatchId)
        .containsExactlyInAnyOrder("place", "country", "near", "phrase", "lang", "pair");
    Alert pair = raised.stream().filter(a -> a.getWatchId().equals("pair")).findFirst().orElseThrow();
    assertThat(pair.getArticleId()).isEqualTo("a1");
    assertThat(pair.getTitle()).isEqualTo(FLOOD_TITLE);
    assertThat(pair.getUrl()).isEqualTo("https://wire.example/a1");
    assertThat(pair.getMatched()).hasSize(2).anySatisfy(m -> assertThat(m).startsWith("person:\"Babajide Sanwo-Olu\" = PER"));
    assertThat(pair.getAlertedAt()).isEqualTo(CLOCK.instant());
    assertThat(pair.getId()).isEqualTo(io.newswire.watches.Alerts.id("pair", "a1"));
  }

  @Test
  void anArticleAlertsOnceForAWatchEvenWhenItComesAgain() {
    watch("lagos", "place:Lagos");
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY));
    assertThat(alerts.readValuesToList()).hasSize(1);
    // an update of the article that still matches, as after a replay through a newer tagger: no second alert
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY + " More rain is expected."));
    assertThat(alerts.isEmpty()).isTrue();
    // a watch the earlier version did not match alerts for the update
    watch("tuesday", "\"on Tuesday\"");
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY + " More rain is expected on Tuesday."));
    assertThat(alerts.readValuesToList()).extracting(Alert::getWatchId).containsExactly("tuesday");
  }

  @Test
  void aTombstoneRemovesTheWatch() {
    watch("lagos", "place:Lagos");
    watches.pipeInput("lagos", (Watch) null);
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY));
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void tenThousandWatches() {
    for (int i = 0; i < 10_000; i++) {
      watch("w" + i, i % 2 == 0 ? "person:\"Person " + i + "\" AND lang:en" : "\"phrase number " + i + "\" OR country:Z" + (char) ('A' + i % 26));
    }
    watch("lagos", "place:Lagos AND lang:en");
    raw.pipeInput("a1", article("a1", FLOOD_TITLE, FLOOD_BODY));
    assertThat(alerts.readValuesToList()).extracting(Alert::getWatchId).containsExactly("lagos");
  }
}
