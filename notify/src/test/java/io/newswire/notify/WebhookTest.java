package io.newswire.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newswire.schema.Alert;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks against real HTTP servers on the loopback interface. */
class WebhookTest {
  final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
  final List<String> delivered = new CopyOnWriteArrayList<>();
  final List<String> failed = new CopyOnWriteArrayList<>();
  final List<String> received = new CopyOnWriteArrayList<>();

  final Webhook.Outcome outcome = new Webhook.Outcome() {
    @Override
    public void delivered(Webhook.Delivery delivery) {
      delivered.add(delivery.alert().getId());
    }

    @Override
    public void failed(Webhook.Delivery delivery, String reason) {
      failed.add(delivery.alert().getId() + ": " + reason);
    }
  };

  /** A receiver answering with the given statuses in turn, then 200; each request's body and headers kept. */
  URI receiver(long delayMs, int... statuses) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger calls = new AtomicInteger();
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(exchange.getRequestHeaders().getFirst(Webhook.ALERT_ID_HEADER) + " "
          + exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER) + " " + new String(body, StandardCharsets.UTF_8));
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int n = calls.getAndIncrement();
      exchange.sendResponseHeaders(n < statuses.length ? statuses[n] : 200, -1);
      exchange.close();
    });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  Webhook webhook(URI uri, int maxAttempts, int queue) {
    Webhook webhook = new Webhook(uri, "s3cret", maxAttempts, 10, Duration.ofSeconds(2), queue, outcome);
    webhooks.add(webhook);
    return webhook;
  }

  static Webhook.Delivery delivery(String id) {
    Alert alert = Alert.newBuilder().setId(id).setWatchId("w").setWatchName("W").setArticleId("a-" + id)
        .setTitle("T").setSource("s").setMatched(List.of("person:X = PER X")).setArticleTime(Instant.EPOCH)
        .setAlertedAt(Instant.now()).build();
    return new Webhook.Delivery(alert, new TopicPartition("t", 0), 0, "w", new byte[0]);
  }

  @AfterEach
  void stop() {
    webhooks.forEach(Webhook::close);
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void retriesServerErrorsThenDeliversOnceSigned() throws Exception {
    Webhook webhook = webhook(receiver(0, 500, 503), 5, 10);
    webhook.offer(delivery("a1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains("a1"));
    assertThat(received).hasSize(3);
    String body = new String(Webhook.json(delivery("a1").alert()), StandardCharsets.UTF_8);
    assertThat(received.get(2)).startsWith("a1 sha256=").contains("\"watchId\":\"w\"").contains("\"matched\":[\"person:X = PER X\"]");
    String signature = received.get(2).split(" ")[1];
    String sentBody = received.get(2).substring(received.get(2).indexOf(' ', 3) + 1);
    assertThat(signature).isEqualTo("sha256=" + Webhook.sign("s3cret".getBytes(StandardCharsets.UTF_8),
        sentBody.getBytes(StandardCharsets.UTF_8)));
    assertThat(failed).isEmpty();
  }

  @Test
  void givesUpAfterTheAttemptsAndRefusalsAtOnce() throws Exception {
    Webhook down = webhook(receiver(0, 500, 500, 500, 500), 3, 10);
    down.offer(delivery("d1"));
    Webhook refusing = webhook(receiver(0, 400), 3, 10);
    refusing.offer(delivery("r1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> failed.size() == 2);
    assertThat(failed).anySatisfy(f -> assertThat(f).startsWith("d1: ").contains("after 3 attempt(s): HTTP 500"));
    assertThat(failed).anySatisfy(f -> assertThat(f).startsWith("r1: ").contains("HTTP 400"));
    assertThat(received.stream().filter(r -> r.startsWith("r1 "))).hasSize(1); // a 4xx is not asked again
  }

  @Test
  void aSlowReceiverFillsOnlyItsOwnQueue() throws Exception {
    Webhook slow = webhook(receiver(1_000), 2, 2);
    Webhook fast = webhook(receiver(0), 2, 2);
    assertThat(slow.offer(delivery("s1"))).isTrue();
    await().until(() -> slow.waiting() == 0); // s1 in flight
    assertThat(slow.offer(delivery("s2"))).isTrue();
    assertThat(slow.offer(delivery("s3"))).isTrue();
    assertThat(slow.offer(delivery("s4"))).as("bounded").isFalse();
    fast.offer(delivery("f1"));
    await().atMost(Duration.ofMillis(900)).until(() -> delivered.contains("f1"));
    assertThat(delivered).doesNotContain("s2", "s3");
  }

  @Test
  void backoffGrowsWithJitter() throws Exception {
    Webhook webhook = webhook(receiver(0), 5, 1);
    for (int i = 0; i < 20; i++) {
      assertThat(webhook.backoff(1)).isBetween(10L, 15L);
      assertThat(webhook.backoff(3)).isBetween(40L, 60L);
      assertThat(webhook.backoff(30)).isBetween(30_000L, 45_000L);
    }
  }
}
