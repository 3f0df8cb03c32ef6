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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Fault injection: the schema registry is unreachable for 30 seconds (every connection to it refused)
 * while articles keep arriving and enrich and the sink keep working. Schemas already known are cached by
 * id, so nothing waits on the registry: every article reaches PostgreSQL once, the enriched topic holds one
 * committed record per article, and nothing is dead-lettered.
 */
class RegistryOutageIT {
  static final int BATCH = 60;

  @Test
  void thirtySecondsWithoutTheRegistryLoseNothing() throws Exception {
    LocalStack stack = LocalStack.shared();
    URI registry = URI.create(stack.registryUrl());
    String run = "registry-outage-" + System.nanoTime();
    try (TcpProxy proxy = new TcpProxy(registry.getHost(), registry.getPort())) {
      String viaProxy = registry.getScheme() + "://127.0.0.1:" + proxy.port() + registry.getRawPath();
      NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
          NewswireConfig.SCHEMA_REGISTRY_URL, viaProxy,
          NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
          NewswireConfig.SINK_GROUP_ID, run + "-sink",
          NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run + "-state").toString()));
      TopicsCommand.ensure(config);
      Topics topics = Topics.create(config.serdes());
      try (SinkApplication sink = new SinkApplication(config); EnrichApplication enrich = new EnrichApplication(config, new NewswireTagger());
          KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
              stack.bootstrapServers(), "acks", "all", "enable.idempotence", true),
              topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
        enrich.start();
        send(producer, run, 0, BATCH);
        await().atMost(Duration.ofSeconds(120)).until(() -> ReplayIT.count(stack, run, null) == BATCH);

        proxy.cut();
        long outageEnds = System.currentTimeMillis() + 30_000;
        send(producer, run, BATCH, 2 * BATCH); // during the outage
        await().atMost(Duration.ofSeconds(29)).until(() -> ReplayIT.count(stack, run, null) == 2 * BATCH);
        Thread.sleep(Math.max(0, outageEnds - System.currentTimeMillis()));
        proxy.restore();

        send(producer, run, 2 * BATCH, 3 * BATCH);
        await().atMost(Duration.ofSeconds(120)).until(() -> ReplayIT.count(stack, run, null) == 3 * BATCH);
      }
      assertThat(ReplayIT.count(stack, run, null)).isEqualTo(3 * BATCH);
      assertThat(PipelineChecks.committedPerArticle(stack, topics, run, 3 * BATCH).values())
          .hasSize(3 * BATCH).allMatch(n -> n == 1);
      assertThat(PipelineChecks.deadLettersOf(stack, topics, run)).isZero();
    }
  }

  static void send(KafkaProducer<String, RawArticle> producer, String run, int from, int to) {
    for (int i = from; i < to; i++) {
      String id = run + "-" + i;
      producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
          .setTitle("Port strike " + i + " enters second week")
          .setBody("Dock workers in Durban stayed away for day " + i + " of the strike on Monday, the union said. "
              + "Transnet said talks would resume in Johannesburg.")
          .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build()));
    }
    producer.flush();
  }
}
