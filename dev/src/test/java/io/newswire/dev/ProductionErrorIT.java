package io.newswire.dev;

import io.newswire.cli.TopicsCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A production error on the real broker: enrich builds an enriched record that cannot be serialized (a
 * tagger returned an entity without its mentions). Kafka Streams' production handler dead-letters the
 * input with the reason, in the same transaction, and the next article is enriched as usual.
 */
class ProductionErrorIT {
  @Test
  void anOutputThatCannotBeSerializedIsDeadLetteredAndTheNextArticleFlows() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "production-error-" + System.nanoTime();
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run,
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run).toString()));
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    String poison = run + "-poison";
    String after = run + "-after";
    try (EnrichApplication enrich = new EnrichApplication(config, new BrokenForPoison(new NewswireTagger()));
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
            stack.bootstrapServers()), topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
      enrich.start();
      for (String id : List.of(poison, after)) {
        // the same key, so the good article comes after the poison on one partition
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, run, RawArticle.newBuilder().setId(id).setSource("it")
            .setTitle(id.endsWith("poison") ? "POISON in Accra" : "Market day in Accra")
            .setBody("Traders in Accra opened early on Saturday, the market association said.")
            .setFetchedAt(java.time.Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build())).get();
      }

      List<DeadLetter> letters = new ArrayList<>();
      List<String> enriched = new ArrayList<>();
      try (KafkaConsumer<String, DeadLetter> dlq = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
              "group.id", run + "-dlq", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
              new StringDeserializer(), topics.deadLetters.valueSerde().deserializer());
          KafkaConsumer<String, io.newswire.schema.EnrichedArticle> out = new KafkaConsumer<>(Map.of("bootstrap.servers",
              stack.bootstrapServers(), "group.id", run + "-out", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
              new StringDeserializer(), topics.enrichedArticles.valueSerde().deserializer())) {
        dlq.subscribe(List.of(Topics.DEAD_LETTERS));
        out.subscribe(List.of(Topics.ENRICHED_ARTICLES));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
          for (ConsumerRecord<String, DeadLetter> r : dlq.poll(Duration.ofMillis(200))) {
            if (r.value().getKey() != null && decode(r.value().getKey()).equals(run)) {
              letters.add(r.value());
            }
          }
          for (ConsumerRecord<String, io.newswire.schema.EnrichedArticle> r : out.poll(Duration.ofMillis(200))) {
            if (run.equals(r.key())) {
              enriched.add(r.value().getArticle().getId());
            }
          }
          return !letters.isEmpty() && !enriched.isEmpty();
        });
      }
      assertThat(enriched).containsExactly(after);
      assertThat(letters).singleElement().satisfies(letter -> {
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getTopic()).isEqualTo(Topics.RAW_ARTICLES);
        assertThat(letter.getErrorMessage()).isNotBlank();
        // the original input, so `newswire dlq redrive` can send it again once the tagger is fixed
        RawArticle original = topics.rawArticles.valueSerde().deserializer().deserialize(Topics.RAW_ARTICLES,
            bytes(letter.getValue()));
        assertThat(original.getId()).isEqualTo(poison);
      });
    }
  }

  /** A tagger whose output for one article breaks the enriched schema: an entity without its mentions. */
  record BrokenForPoison(Tagger delegate) implements Tagger {
    @Override
    public Tagging tag(String title, String body) {
      Tagging tagging = delegate.tag(title, body);
      if (!title.startsWith("POISON")) {
        return tagging;
      }
      Entity broken = new Entity();
      broken.setId("ORG:broken");
      broken.setType(EntityType.ORG);
      broken.setName("Broken");
      List<Entity> entities = new ArrayList<>(tagging.entities());
      entities.add(broken);
      return new Tagging(tagging.language(), entities, tagging.places(), tagging.topics(), tagging.quotes());
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public int enrichmentVersion() {
      return delegate.enrichmentVersion();
    }
  }

  static String decode(ByteBuffer buffer) {
    return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
