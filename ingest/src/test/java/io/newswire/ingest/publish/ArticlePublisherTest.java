package io.newswire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

  static RawArticle article(String id) {
    return RawArticle.newBuilder().setId(id).setSource("test").setTitle("Ferry strike").setBody("Crews walked out.")
        .setFetchedAt(Instant.parse("2026-12-05T09:00:00Z")).setContentType("text/plain").setContentHash("h-" + id)
        .build();
  }

  @Test
  void aLoneArticleIsSentWithoutWaitingForTheLingerOfABatch() {
    InMemorySchemaRegistry.drop("publisher-test");
    Topics topics = Topics.create(Map.of("schema.registry.url", "mock://publisher-test"));
    // Not completing sends by itself, the mock producer stands for one whose batch waits out linger.ms: only a
    // flush sends it.
    MockProducer<String, RawArticle> articles = new MockProducer<>(false, null,
        topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer());
    MockProducer<String, DeadLetter> deadLetters = new MockProducer<>(true, null,
        topics.deadLetters.keySerde().serializer(), topics.deadLetters.valueSerde().serializer());
    try (ArticlePublisher publisher = new ArticlePublisher(articles, deadLetters, topics, 10)) {
      CompletableFuture<RecordMetadata> sent = publisher.publish(article("a-1"));

      await().atMost(Duration.ofSeconds(10)).until(sent::isDone);
      assertThat(sent).isCompleted();
      assertThat(articles.history()).extracting(r -> r.key()).containsExactly("a-1");
    }
  }
}
