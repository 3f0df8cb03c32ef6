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

  RunningSink(NewswireConfig config) {
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdes())) {
      SchemaCheck.verify(registry);
    }
    store = store(config);
    loop = new SinkLoop(config, store);
    thread = new Thread(loop, "sink");
    thread.start();
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
    loop.close();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
