package io.newswire.enrich.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichTopology;
import io.newswire.schema.RawArticle;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * What a steady stream costs the trends topic: the project's training articles at 10 a second for fifteen minutes of
 * simulated time, wall clock and stream time moving together, as in a live feed. Sending every window that contains a
 * changed bucket (20 of them) cost about 107 records per article when it happened every 10 s, and 27 once a minute
 * (at 50 a second); the current window and each window once at its close, once a minute, 11.1 at 10 a second; every
 * five minutes of stream time, 3.2 (3.49 over two hours); a subject's count in a window only where it changed from
 * the window before, as the window closes, 0.83 (1.13 over two hours, past the first hour where buckets leave the
 * windows too). A record count, not a timing.
 */
class TrendRecordsTest {
  @Test
  void aSteadyStreamCostsTheTrendsAFewRecordsPerArticle() throws Exception {
    NewswireConfig config = NewswireConfig.of(Map.of("schema.registry.url", "mock://trend-records",
        NewswireConfig.ENRICH_STATE_DIR, System.getProperty("java.io.tmpdir") + "/trend-records-" + System.nanoTime()));
    Topics topics = Topics.create(config.serdes());
    Instant t0 = Instant.parse("2025-06-01T12:00:00Z");
    List<String[]> corpus = new ArrayList<>();
    for (String part : Files.readString(Path.of("../training/corpus/news-train.txt")).split("(?m)^=== ")) {
      String[] lines = part.split("\n", 3);
      if (lines.length == 3) {
        corpus.add(new String[] {lines[1], lines[2].replaceAll("\\[(?:PER|ORG|LOC|MISC) ([^\\]]+)\\]", "$1")});
      }
    }
    int rate = 10;
    // -Dtrend.records.minutes=120 runs past the first hour, where buckets leave the windows too.
    int articles = rate * 60 * Integer.getInteger("trend.records.minutes", 15);
    long records = 0;
    try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, new NewswireTagger(),
        java.time.Clock.systemUTC(), Duration.ofDays(7), 1 << 20), EnrichTopology.streamsConfig(config), t0)) {
      var raw = driver.createInputTopic(Topics.RAW_ARTICLES, topics.rawArticles.keySerde().serializer(),
          topics.rawArticles.valueSerde().serializer());
      var trends = driver.createOutputTopic(Topics.TRENDS, topics.trends.keySerde().deserializer(),
          topics.trends.valueSerde().deserializer());
      for (int i = 0; i < articles; i++) {
        String[] article = corpus.get(i % corpus.size());
        Instant at = t0.plusMillis(i * 1000L / rate);
        raw.pipeInput("a" + i, RawArticle.newBuilder().setId("a" + i).setSource("test").setTitle(article[0])
            .setBody(article[1]).setFetchedAt(at).setContentType("text/plain").setContentHash("h" + i).build(), at);
        driver.advanceWallClockTime(Duration.ofMillis(1000L / rate));
        records += trends.readKeyValuesToList().size();
      }
    }
    double perArticle = records / (double) articles;
    System.out.printf("trend records per article at %d articles/s: %.2f%n", rate, perArticle);
    assertThat(perArticle).isLessThan(3);
  }
}
