package io.newswire.dev;

import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the fault tests check after a run: committed enriched records and dead letters of that run only. */
final class PipelineChecks {
  private PipelineChecks() {}

  /** How many committed enriched records each of the run's articles has. */
  static Map<String, Integer> committedPerArticle(LocalStack stack, Topics topics, String run, int expected) {
    Map<String, Integer> seen = new HashMap<>();
    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", run + "-check", "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new StringDeserializer(), topics.enrichedArticles.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
      long until = System.currentTimeMillis() + 30_000;
      int quietPolls = 0;
      while (System.currentTimeMillis() < until && (seen.size() < expected || quietPolls < 4)) {
        int before = seen.values().stream().mapToInt(Integer::intValue).sum();
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && r.key().startsWith(run + "-")) {
            seen.merge(r.key(), 1, Integer::sum);
          }
        }
        quietPolls = seen.values().stream().mapToInt(Integer::intValue).sum() == before ? quietPolls + 1 : 0;
      }
    }
    return seen;
  }

  /** Dead letters whose original key belongs to the run. */
  static int deadLettersOf(LocalStack stack, Topics topics, String run) {
    int count = 0;
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(), "group.id", run + "-dlq-check", "auto.offset.reset", "earliest"),
        new StringDeserializer(), topics.deadLetters.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.DEAD_LETTERS));
      for (int i = 0; i < 8; i++) {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
          var key = r.value().getKey();
          if (key != null && StandardCharsets.UTF_8.decode(key.duplicate()).toString().startsWith(run)) {
            count++;
          }
        }
      }
    }
    return count;
  }
}
