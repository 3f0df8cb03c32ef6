package io.newswire.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newswire.admin.Lag;
import io.newswire.admin.Replay;
import io.newswire.admin.Stage;
import io.newswire.admin.Watchlist;
import io.newswire.cli.Newswire;
import io.newswire.cli.TopicsCommand;
import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.notify.NotifyApplication;
import io.newswire.schema.Alert;
import io.newswire.schema.RawArticle;
import io.newswire.sink.SinkApplication;
import io.newswire.stack.LocalStack;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Watches on the real stack: a watch added with the CLI, articles through the real enrich, alerts once per
 * matching article, none again after a replay of enrich, and a webhook receiver that gets each alert once after
 * answering its first two requests with 500.
 */
class WatchesIT {
  @Test
  void aWatchAlertsOncePerArticleAndTheReceiverGetsEachOnce() throws Exception {
    LocalStack stack = LocalStack.shared();
    String run = "watches-" + System.nanoTime();
    String watchId = run + "-pair";

    List<String> attempts = new CopyOnWriteArrayList<>();
    List<String> accepted = new CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/alerts", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String id = exchange.getRequestHeaders().getFirst("X-Newswire-Alert-Id");
      attempts.add(id);
      int status = requests.getAndIncrement() < 2 ? 500 : 200;
      if (status == 200 && body.contains(watchId)) {
        accepted.add(id);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();

    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
        NewswireConfig.SINK_GROUP_ID, run + "-sink",
        NewswireConfig.NOTIFY_GROUP_ID, run + "-notify",
        NewswireConfig.NOTIFY_WEBHOOK, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts",
        NewswireConfig.NOTIFY_SECRET, "it-secret",
        NewswireConfig.NOTIFY_BACKOFF_MS, "50",
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run + "-state").toString()));
    TopicsCommand.ensure(config);
    String[] connection = {"--set", "bootstrap.servers=" + stack.bootstrapServers(),
        "--set", "schema.registry.url=" + stack.registryUrl()};

    // a bad rule is refused with a pointer to the bad part, and nothing is written
    assertThat(cli(connection, "watch", "add", watchId, "person:\"Amina Odhiambo\" AND plce:Mombasa")).isEqualTo(2);
    assertThat(cli(connection, "watch", "add", watchId, "person:\"Amina Odhiambo\" AND place:Mombasa",
        "--name", "Odhiambo in Mombasa")).isZero();
    assertThat(Watchlist.all(config)).containsKey(watchId);

    Instant start = Instant.now().minusSeconds(1);
    List<String> matching = produce(stack, config, run);
    NewswireTagger tagger = new NewswireTagger();
    try (SinkApplication sink = new SinkApplication(config); NotifyApplication notify = new NotifyApplication(config)) {
      EnrichApplication enrich = new EnrichApplication(config, tagger);
      enrich.start();
      try {
        await().atMost(Duration.ofSeconds(180)).until(() -> alerts(config, watchId).size() == matching.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() == matching.size());
      } finally {
        enrich.close();
      }
      assertThat(alerts(config, watchId)).extracting(Alert::getArticleId).containsExactlyInAnyOrderElementsOf(matching);
      assertThat(accepted).doesNotHaveDuplicates().hasSize(matching.size());
      assertThat(requests.get()).as("two 500s, then one success per alert").isGreaterThanOrEqualTo(matching.size() + 2);

      // replay enrich from before the articles: every article processed again, no alert raised again
      Stage stage = Stage.named(config, "enrich").get(0);
      try (Admin admin = Admin.create(config.kafkaClients())) {
        assertThat(Replay.replay(admin, config, stage, Replay.From.time(start), false, false)).isZero();
      }
      EnrichApplication replayed = new EnrichApplication(config, tagger);
      replayed.start();
      try {
        await().atMost(Duration.ofSeconds(180)).until(() -> {
          try (Admin admin = Admin.create(config.kafkaClients())) {
            Lag.StageStatus status = Lag.sample(admin, config, stage, false);
            return status.lag() == 0 && status.committed() > 0;
          }
        });
      } finally {
        replayed.close();
      }
      Thread.sleep(2_000); // time for a wrongly raised alert to reach the receiver
      assertThat(alerts(config, watchId)).hasSize(matching.size());
      assertThat(accepted).hasSize(matching.size());

      // the same watch tried on the stored articles finds the same articles, and raises nothing
      await().atMost(Duration.ofSeconds(60)).until(() -> ReplayIT.count(stack, run, null) == 6);
      String out = stdout(() -> cli(connection, "watch", "test", watchId, "--last", "100000",
          "--set", "postgres.url=" + stack.jdbcUrl(), "--set", "postgres.user=" + stack.jdbcUser(),
          "--set", "postgres.password=" + stack.jdbcPassword()));
      for (String id : matching) {
        assertThat(out).contains("https://wire.example/" + id);
      }
      assertThat(out).doesNotContain("https://wire.example/" + run + "-nairobi");
    } finally {
      assertThat(cli(connection, "watch", "remove", watchId)).isZero();
      receiver.stop(0);
    }
    assertThat(Watchlist.all(config)).doesNotContainKey(watchId);
  }

  static int cli(String[] connection, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(connection));
    return Newswire.commandLine().execute(all.toArray(String[]::new));
  }

  static String stdout(java.util.concurrent.Callable<Integer> command) throws Exception {
    PrintStream was = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(command.call()).isZero();
    } finally {
      System.setOut(was);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Six articles: three name Amina Odhiambo in Mombasa; returns their ids. */
  static List<String> produce(LocalStack stack, NewswireConfig config, String run) {
    Topics topics = Topics.create(config.serdes());
    Map<String, String[]> articles = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      articles.put(run + "-both-" + i, new String[] {"Port workers strike in Mombasa, day " + (i + 2),
          "Union leader Amina Odhiambo told reporters in Mombasa on Tuesday that berth " + (i + 7) + " would stay closed"
              + " until the Kenya Ports Authority agreed to talks. \"We are not going back,\" Amina Odhiambo said."});
    }
    for (int i = 0; i < 2; i++) {
      articles.put(run + "-port-" + i, new String[] {"New cranes arrive in Mombasa (" + i + ")",
          "Two ship-to-shore cranes reached Mombasa on Monday, the Kenya Ports Authority said, ahead of berth " + (i + 20)
              + " reopening."});
    }
    articles.put(run + "-nairobi", new String[] {"Union leader meets ministers in Nairobi",
        "Amina Odhiambo met the transport minister in Nairobi on Wednesday to discuss pay for port workers."});
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers(), "acks", "all"), topics.rawArticles.keySerde().serializer(),
        topics.rawArticles.valueSerde().serializer())) {
      articles.forEach((id, text) -> producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder()
          .setId(id).setSource("it").setUrl("https://wire.example/" + id).setTitle(text[0]).setBody(text[1])
          .setFetchedAt(Instant.now()).setContentType("text/plain").setContentHash("h-" + id).build())));
    }
    return articles.keySet().stream().filter(id -> id.contains("-both-")).toList();
  }

  /** The alerts of one watch now in the alerts topic (read committed). */
  static List<Alert> alerts(NewswireConfig config, String watchId) {
    return AlertSummaries.read(config).stream().filter(a -> a.getWatchId().equals(watchId)).toList();
  }
}
