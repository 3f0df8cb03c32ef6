package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.SinkLoop;
import io.newswire.sink.postgres.PostgresStore;

/** The PostgreSQL sink on its own thread: migrated, started, and stopped cleanly by {@link #close()}. */
final class RunningSink implements AutoCloseable {
  private final PostgresStore store;
  private final SinkLoop loop;
  private final Thread thread;

  RunningSink(NewswireConfig config) {
    store = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL), config.get(NewswireConfig.POSTGRES_USER),
        config.get(NewswireConfig.POSTGRES_PASSWORD));
    store.migrate();
    loop = new SinkLoop(config, store);
    thread = new Thread(loop, "sink");
    thread.start();
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
