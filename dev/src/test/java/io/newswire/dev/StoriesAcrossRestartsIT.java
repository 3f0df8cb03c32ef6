package io.newswire.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.cli.TopicsCommand;
import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The shared index survives restarts on a real broker: a copy of an article enriched before a restart is still its
 * near-duplicate after it, whether the restarted instance opens its index store from disk or rebuilds it from the
 * index topic (state folder deleted). Both paths must fill the heap filter in front of the store (IndexFilter): a
 * key the filter lacks would be a duplicate missed.
 */
class StoriesAcrossRestartsIT {
  static final String BODY = "Engineers in Valparaiso finished repairs to the northern breakwater on Thursday after"
      + " winter storms cracked three of its concrete blocks, the port authority said. Container ships had been"
      + " diverted to San Antonio for eleven days while divers surveyed the damage and cranes lifted replacement"
      + " blocks into place. The authority said the cost, about 14 million dollars, would be shared with the"
      + " national government, and that a study of the harbour's defences against larger swells would follow.";

  @Test
  void aCopyIsANearDuplicateOfAnArticleEnrichedBeforeARestartFromDiskOrFromTheTopic() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "restarts-" + System.nanoTime();
    Path state = stack.dir().resolve(run + "-state");
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
        NewswireConfig.ENRICH_STATE_DIR, state.toString()));
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    NewswireTagger tagger = new NewswireTagger();
    Map<String, EnrichedArticle> out = new HashMap<>();

    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", run + "-check", "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new StringDeserializer(), topics.enrichedArticles.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));

      produce(stack, topics, run + "-a", BODY);
      runUntilEnriched(config, tagger, consumer, out, run + "-a");
      assertThat(out.get(run + "-a").getDuplicateOf()).isNull();

      // restarted on the same state folder: the index store is opened from disk, not replayed
      produce(stack, topics, run + "-b", BODY.replace("on Thursday", "on Thursday evening") + " Shipping resumes Monday.");
      runUntilEnriched(config, tagger, consumer, out, run + "-b");
      assertThat(out.get(run + "-b").getDuplicateOf()).isEqualTo(run + "-a");

      // state folder lost: the index store is rebuilt from the index topic
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      produce(stack, topics, run + "-c", BODY.replace("eleven days", "11 days"));
      runUntilEnriched(config, tagger, consumer, out, run + "-c");
      assertThat(out.get(run + "-c").getDuplicateOf()).isEqualTo(run + "-a");
      assertThat(out.get(run + "-c").getStoryId()).isEqualTo(out.get(run + "-a").getStoryId());
    }
  }

  /** Starts an enrich instance, reads the enriched topic until {@code id} is there, and stops the instance. */
  static void runUntilEnriched(NewswireConfig config, NewswireTagger tagger,
      KafkaConsumer<String, EnrichedArticle> consumer, Map<String, EnrichedArticle> out, String id) {
    EnrichApplication enrich = new EnrichApplication(config, tagger);
    try {
      enrich.start();
      await().atMost(Duration.ofSeconds(180)).until(() -> {
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null) {
            out.put(r.key(), r.value());
          }
        }
        return out.containsKey(id);
      });
    } finally {
      enrich.close();
    }
  }

  static void produce(LocalStack stack, Topics topics, String id, String body) {
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "acks", "all"), topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
          .setTitle("Valparaiso breakwater repaired").setBody(body).setFetchedAt(Instant.now())
          .setContentType("text/plain").setContentHash("h-" + id).build()));
    }
  }
}
