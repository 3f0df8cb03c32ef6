package io.newswire.notify;

import io.newswire.config.NewswireConfig;
import io.newswire.ops.OpsServer;
import io.newswire.topics.Topics;

/**
 * The notifier as an application: settings checked, its topics checked, the {@link AlertLoop} on its own thread,
 * /metrics, /health and /ready on {@code notify.http.port}; {@link #close()} stops it.
 */
public final class NotifyApplication implements AutoCloseable {
  private final AlertLoop loop;
  private final Thread thread;
  private final OpsServer http;

  public NotifyApplication(NewswireConfig config) {
    config.checked();
    String webhook = config.get(NewswireConfig.NOTIFY_WEBHOOK);
    if (webhook != null && !webhook.isBlank() && !webhook.strip().matches("(?i)https?://[^/\\s]+.*")) {
      throw new IllegalArgumentException(NewswireConfig.NOTIFY_WEBHOOK + " must be an http:// or https:// URL, not '"
          + webhook + "'");
    }
    Topics.requireTopics(config, "notify", Topics.ALERTS, Topics.DEAD_LETTERS);
    loop = new AlertLoop(config);
    thread = new Thread(loop, "notify");
    thread.start();
    http = OpsServer.startOn(config.get(NewswireConfig.HTTP_HOST), config.getInt(NewswireConfig.NOTIFY_HTTP_PORT),
        NewswireConfig.NOTIFY_HTTP_PORT,
        () -> new OpsServer.Check(thread.isAlive(), thread.isAlive() ? "running" : "stopped"),
        () -> new OpsServer.Check(thread.isAlive(), String.join("; ", loop.receivers())));
  }

  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public void join() throws InterruptedException {
    thread.join();
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    loop.close();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
