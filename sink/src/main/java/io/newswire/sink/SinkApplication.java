package io.newswire.sink;

import io.newswire.config.NewswireConfig;
import io.newswire.ops.OpsServer;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.sink.files.JsonLinesStore;
import io.newswire.sink.postgres.PostgresStore;
import io.newswire.topics.Topics;
import java.nio.file.Path;

/**
 * The sink as an application: settings checked, its topics and the registry checked, the store migrated, the
 * {@link SinkLoop} on its own thread, /metrics, /health and /ready on {@code sink.http.port}; {@link #close()}
 * stops after the current batch.
 */
public final class SinkApplication implements AutoCloseable {
  private final Store store;
  private final SinkLoop loop;
  private final Thread thread;
  private final OpsServer http;

  public SinkApplication(NewswireConfig config) {
    config.checked();
    Topics.requireTopics(config, "sink", Topics.ENRICHED_ARTICLES, Topics.DEAD_LETTERS);
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdes())) {
      SchemaCheck.verify(registry);
    }
    store = store(config);
    loop = new SinkLoop(config, store);
    thread = new Thread(loop, "sink");
    thread.start();
    http = OpsServer.startOn(config.get(NewswireConfig.HTTP_HOST), config.getInt(NewswireConfig.SINK_HTTP_PORT),
        NewswireConfig.SINK_HTTP_PORT,
        () -> new OpsServer.Check(thread.isAlive(), thread.isAlive() ? "running" : "stopped"),
        () -> new OpsServer.Check(thread.isAlive() && loop.storeAvailable(),
            loop.storeAvailable() ? "writing to " + store.describe() : store.describe() + " unavailable, retrying"));
  }

  /** The port of /metrics, /health and /ready, or -1 when off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** The store the configuration names ({@code sink.store}), ready to write. */
  public static Store store(NewswireConfig config) {
    if ("jsonl".equals(config.get(NewswireConfig.SINK_STORE))) {
      return new JsonLinesStore(Path.of(config.get(NewswireConfig.SINK_JSONL_DIR)));
    }
    PostgresStore postgres = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
    postgres.migrate();
    return postgres;
  }

  public SinkLoop loop() {
    return loop;
  }

  public String describe() {
    return store.describe();
  }

  /** Waits until the loop ends (closed, or stopped by an error it could not get past). */
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
    store.close();
  }
}
