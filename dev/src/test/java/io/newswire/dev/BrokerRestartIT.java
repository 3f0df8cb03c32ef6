package io.newswire.dev;

import io.newswire.cli.TopicsCommand;
import io.newswire.sink.SinkApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Fault injection: the broker is stopped mid-run (cleanly, and with SIGKILL), while enrich and the sink
 * are working, then started again. Every article ends up in PostgreSQL once, and the enriched topic holds exactly one committed record
 * per article.
 */
class BrokerRestartIT {
  static final int BATCH = 150;

  @Test
  void aBrokerRestartMidRunLosesNothingAndDuplicatesNothing() throws Exception {
    restartMidRun(false);
  }

  @Test
  void aBrokerKilledWithSigkillMidRunLosesNothingAndDuplicatesNothing() throws Exception {
    restartMidRun(true);
  }

  void restartMidRun(boolean kill) throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = (kill ? "broker-kill-" : "restart-") + System.nanoTime();
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
        NewswireConfig.SINK_GROUP_ID, run + "-sink",
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run + "-state").toString()));
    TopicsCommand.ensure(config);
    Topics topics = Topics.create(config.serdes());
    produce(stack, topics, run, 0, BATCH);

    try (SinkApplication sink = new SinkApplication(config); EnrichApplication enrich = new EnrichApplication(config, new NewswireTagger())) {
      enrich.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> ReplayIT.count(stack, run, null) >= BATCH / 3);

      if (kill) {
        stack.kafka().kill(); // SIGKILL: no clean shutdown; the log is recovered at start
      } else {
        stack.kafka().stop(); // mid-run: open transactions, in-flight fetches and commits
      }
      Thread.sleep(3_000);
      stack.kafka().start();

      produce(stack, topics, run, BATCH, 2 * BATCH);
      await().atMost(Duration.ofSeconds(240)).until(() -> ReplayIT.count(stack, run, null) == 2 * BATCH);
    }
    assertThat(ReplayIT.count(stack, run, null)).isEqualTo(2 * BATCH);

    assertThat(PipelineChecks.committedPerArticle(stack, topics, run, 2 * BATCH).values())
        .hasSize(2 * BATCH).allMatch(n -> n == 1);
  }

  static void produce(LocalStack stack, Topics topics, String run, int from, int to) {
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "acks", "all", "enable.idempotence", true), topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer())) {
      for (int i = from; i < to; i++) {
        String id = run + "-" + i;
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
            .setTitle("Court " + i + " hears appeal in Nairobi")
            .setBody("Kenya's Court of Appeal heard case number " + i + " in Nairobi on Tuesday, lawyers said. Judge"
                + " Martha Koome adjourned the hearing until March.")
            .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build()));
      }
    }
  }
}
