package io.newswire.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.newswire.ops.Metrics;
import io.newswire.schema.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver of alerts: a bounded queue and a thread of its own that posts them one at a time, in order, and
 * retries what fails. A slow or dead receiver only fills its own queue; {@link #offer} refuses beyond the bound,
 * and the caller dead-letters the alert, so other receivers never wait on this one.
 */
final class Webhook implements AutoCloseable {
  static final String SIGNATURE_HEADER = "X-Newswire-Signature";
  static final String ALERT_ID_HEADER = "X-Newswire-Alert-Id";
  static final String ATTEMPT_HEADER = "X-Newswire-Attempt";
  private static final Logger log = LoggerFactory.getLogger(Webhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BACKOFF_MS = 30_000;

  /** An alert waiting for delivery, and the record it came from, so the loop can commit past it once it is done. */
  record Delivery(Alert alert, org.apache.kafka.common.TopicPartition partition, long offset, String key, byte[] value) {}

  /** What became of a delivery: called once for each, from the webhook's thread. */
  interface Outcome {
    void delivered(Delivery delivery);

    void failed(Delivery delivery, String reason);
  }

  private final URI uri;
  private final byte[] secret;
  private final int maxAttempts;
  private final long backoffMs;
  private final Duration timeout;
  private final BlockingQueue<Delivery> queue;
  private final Outcome outcome;
  private final HttpClient http;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String lastProblem;

  private static final Counter DELIVERED = counter("delivered");
  private static final Counter RETRIED = counter("retried");
  private static final Counter FAILED = counter("dead_lettered");
  private static final Timer REQUEST = Metrics.timer("newswire.notify.request", "Time of one webhook request");
  private static final Timer DELAY = Metrics.timer("newswire.notify.delay",
      "Time from an alert being raised to its delivery, retries included");

  Webhook(URI uri, String secret, int maxAttempts, long backoffMs, Duration timeout, int queueSize, Outcome outcome) {
    this.uri = uri;
    this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.maxAttempts = maxAttempts;
    this.backoffMs = backoffMs;
    this.timeout = timeout;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.outcome = outcome;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.thread = new Thread(this::run, "notify-" + uri.getHost() + ":" + uri.getPort());
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues the alert; false if this receiver already has as many waiting as the bound allows. */
  boolean offer(Delivery delivery) {
    return queue.offer(delivery);
  }

  int waiting() {
    return queue.size();
  }

  /** The last failure, or null after a success: for /ready. */
  String lastProblem() {
    return lastProblem;
  }

  URI uri() {
    return uri;
  }

  private void run() {
    try {
      while (running) {
        Delivery next = queue.poll(200, TimeUnit.MILLISECONDS);
        if (next != null) {
          deliver(next);
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Delivery delivery) throws InterruptedException {
    byte[] body = json(delivery.alert());
    String problem = null;
    for (int attempt = 1; attempt <= maxAttempts && running; attempt++) {
      if (attempt > 1) {
        RETRIED.increment();
        Thread.sleep(backoff(attempt - 1));
      }
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request(delivery.alert(), body, attempt),
            HttpResponse.BodyHandlers.ofString());
        REQUEST.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          DELIVERED.increment();
          DELAY.record(Duration.between(delivery.alert().getAlertedAt(), Instant.now()));
          lastProblem = null;
          outcome.delivered(delivery);
          return;
        }
        problem = "HTTP " + status + snippet(response.body());
        if (status < 500 && status != 408 && status != 429) {
          break; // the receiver refuses this alert: asking again will not change its mind
        }
      } catch (IOException e) {
        REQUEST.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      lastProblem = problem;
      log.debug("alert {} to {}: attempt {} failed: {}", delivery.alert().getId(), uri, attempt, problem);
    }
    if (!running) {
      return; // closing: not done, so not committed; delivered again after the restart
    }
    FAILED.increment();
    outcome.failed(delivery, "the webhook " + uri + " did not take the alert after " + maxAttempts + " attempt(s): " + problem);
  }

  /** Exponential, capped, with up to half of it again at random so that many retries do not arrive together. */
  long backoff(int retry) {
    long base = Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(20, retry - 1));
    return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  private HttpRequest request(Alert alert, byte[] body, int attempt) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Newswire notifier")
        .header(ALERT_ID_HEADER, alert.getId())
        .header("Idempotency-Key", alert.getId())
        .header(ATTEMPT_HEADER, Integer.toString(attempt))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
    }
    return request.build();
  }

  /** HMAC-SHA256 of the body with the shared secret, in hex: what a receiver recomputes to trust the alert. */
  static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The alert as the receiver gets it. */
  static byte[] json(Alert alert) {
    ObjectNode node = JSON.createObjectNode()
        .put("id", alert.getId())
        .put("watchId", alert.getWatchId())
        .put("watchName", alert.getWatchName())
        .put("articleId", alert.getArticleId())
        .put("title", alert.getTitle())
        .put("url", alert.getUrl())
        .put("source", alert.getSource())
        .put("articleTime", alert.getArticleTime().toString())
        .put("alertedAt", alert.getAlertedAt().toString());
    alert.getMatched().forEach(node.putArray("matched")::add);
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
  }

  private static Counter counter(String outcome) {
    return Counter.builder("newswire.notify.alerts").tag("outcome", outcome)
        .description("Alerts the notifier delivered, retried (one count per retry) or dead-lettered")
        .register(Metrics.registry());
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
