package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.SinkLoop;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.sink.SchemaCheck;
import io.newswire.sink.Store;
import io.newswire.sink.files.JsonLinesStore;
import io.newswire.sink.postgres.PostgresStore;
import java.nio.file.Path;

/** The PostgreSQL sink on its own thread: migrated, started, and stopped cleanly by {@link #close()}. */
final class RunningSink implements AutoCloseable {
  private final Store store;
  private final SinkLoop loop;
  private final Thread thread;
  private final io.newswire.ops.OpsServer http;

  RunningSink(NewswireConfig config) {
    config.checked();
    io.newswire.topics.Topics.requireTopics(config, "sink", io.newswire.topics.Topics.ENRICHED_ARTICLES,
        io.newswire.topics.Topics.DEAD_LETTERS);
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdes())) {
      SchemaCheck.verify(registry);
    }
    store = store(config);
    loop = new SinkLoop(config, store);
    thread = new Thread(loop, "sink");
    thread.start();
    http = Ops.start(config, NewswireConfig.SINK_HTTP_PORT,
        () -> new io.newswire.ops.OpsServer.Check(thread.isAlive(), thread.isAlive() ? "running" : "stopped"),
        () -> new io.newswire.ops.OpsServer.Check(thread.isAlive() && loop.storeAvailable(),
            loop.storeAvailable() ? "writing to " + store.describe() : store.describe() + " unavailable, retrying"));
  }

  /** The port of /metrics, /health and /ready, or -1 when off. */
  int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** The store the configuration names ({@code sink.store}), ready to write. */
  static Store store(NewswireConfig config) {
    if ("jsonl".equals(config.get(NewswireConfig.SINK_STORE))) {
      return new JsonLinesStore(Path.of(config.get(NewswireConfig.SINK_JSONL_DIR)));
    }
    PostgresStore postgres = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
    postgres.migrate();
    return postgres;
  }

  SinkLoop loop() {
    return loop;
  }

  String describe() {
    return store.describe();
  }

  void join() throws InterruptedException {
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
