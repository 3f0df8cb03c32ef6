package io.newswire.ingest;

import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** An Intake over Kafka's MockProducer, for source tests that need no broker. */
public final class TestIntake {
  public final MockProducer<String, RawArticle> articles;
  public final MockProducer<String, DeadLetter> deadLetters;
  public final Intake intake;

  public TestIntake(Path quarantineDir) {
    InMemorySchemaRegistry.drop("test-intake");
    Topics topics = Topics.create(Map.of("schema.registry.url", "mock://test-intake"));
    articles = new MockProducer<>(true, null, topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer());
    deadLetters = new MockProducer<>(true, null, topics.deadLetters.keySerde().serializer(),
        topics.deadLetters.valueSerde().serializer());
    intake = new Intake(new Normaliser(), new ArticlePublisher(articles, deadLetters, topics, 100),
        SeenArticles.inMemory(), new Quarantine(quarantineDir));
  }

  public List<RawArticle> published() {
    return articles.history().stream().map(ProducerRecord::value).toList();
  }

  public List<DeadLetter> deadLettered() {
    return deadLetters.history().stream().map(ProducerRecord::value).toList();
  }
}
