package io.newswire.dev;

import io.newswire.cli.TopicsCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Interactive queries with two enrich instances on the real broker: every article and story can be fetched
 * from either instance (the other's keys are forwarded to it), and trends merge both instances' counts.
 */
class QueriesIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void articlesStoriesAndTrendsAnswerFromEitherInstance() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "queries-" + System.nanoTime();
    NewswireConfig base = DemoCommand.settingsFor(stack).with(Map.of(NewswireConfig.ENRICH_APPLICATION_ID, run));
    TopicsCommand.ensure(base);
    EnrichApplication a = new EnrichApplication(base.with(Map.of(NewswireConfig.ENRICH_STATE_DIR,
        stack.dir().resolve(run + "-a").toString())), new NewswireTagger());
    EnrichApplication b = new EnrichApplication(base.with(Map.of(NewswireConfig.ENRICH_STATE_DIR,
        stack.dir().resolve(run + "-b").toString())), new NewswireTagger());
    try {
      a.start();
      b.start();
      Topics topics = Topics.create(base.serdes());
      // The first article goes in alone and is committed before the others: the shared index is
      // eventually consistent (entries land after the commit), so copies processed in the same commit
      // interval may each start their own story. The rest then join the first one's story.
      send(topics, stack, run, 0, 1);
      await().atMost(Duration.ofSeconds(90)).until(() -> a.state() == KafkaStreams.State.RUNNING
          && b.state() == KafkaStreams.State.RUNNING && answers(a, run, 0, 1)
          && get(b, "/stories/story-" + run + "-0").statusCode() == 200); // its transaction is committed
      send(topics, stack, run, 1, 12);
      await().atMost(Duration.ofSeconds(90)).until(() -> answers(a, run, 0, 12));

      for (EnrichApplication instance : List.of(a, b)) {
        for (int i = 0; i < 12; i++) {
          HttpResponse<String> article = get(instance, "/articles/" + run + "-" + i);
          assertThat(article.statusCode()).as("article %d from port %d", i, instance.httpPort()).isEqualTo(200);
          assertThat(JSON.readTree(article.body()).path("article").path("id").asText()).isEqualTo(run + "-" + i);
        }
      }
      String storyId = JSON.readTree(get(a, "/articles/" + run + "-3").body()).path("storyId").path("string").asText(
          JSON.readTree(get(a, "/articles/" + run + "-3").body()).path("storyId").asText());
      // The story view is fed through a repartition topic, so it can trail the article store by a commit.
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        HttpResponse<String> response = get(b, "/stories/" + storyId);
        return response.statusCode() == 200 && JSON.readTree(response.body()).path("articleCount").asInt() > 1;
      });
      JsonNode story = JSON.readTree(get(b, "/stories/" + storyId).body());
      assertThat(story.path("articleCount").asInt()).isGreaterThan(1);
      assertThat(get(a, "/articles/no-such-article").statusCode()).isEqualTo(404);

      // Trend updates are rate-limited to one a minute of stream time; the query reads the stores directly.
      assertThat(get(a, "/trends?window=1h&type=PER&limit=5").statusCode()).isEqualTo(200);
      assertThat(get(a, "/trends?window=2h").statusCode()).isEqualTo(400);
      assertThat(get(a, "/ready").statusCode()).isEqualTo(200);
      assertThat(get(b, "/metrics").body()).contains("newswire_enrich_tag_seconds").contains("kafka_stream")
          .containsPattern("newswire_consumer_lag_seconds\\{[^}]*stage=\"enrich\"[^}]*\\} 0.0");
    } finally {
      a.close();
      b.close();
    }
  }

  static void send(Topics topics, LocalStack stack, String run, int from, int to) {
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers()), topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
      for (int i = from; i < to; i++) {
        String id = run + "-" + i;
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
            .setTitle("Talks in Nairobi, round " + i)
            .setBody("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi for round " + i
                + " of talks on the Nile dam, officials said. The two leaders will meet again in Addis Ababa.")
            .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build()));
      }
    }
  }

  static boolean answers(EnrichApplication app, String run, int from, int to) {
    return java.util.stream.IntStream.range(from, to).allMatch(i -> {
      try {
        return get(app, "/articles/" + run + "-" + i).statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    });
  }

  static HttpResponse<String> get(EnrichApplication app, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
