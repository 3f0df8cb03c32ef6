package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.SinkLoop;
import io.newswire.sink.postgres.PostgresStore;
import io.newswire.topics.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Write " + Topics.ENRICHED_ARTICLES + " to PostgreSQL until stopped (Ctrl-C stops cleanly).",
        "The schema is migrated on start; writes are idempotent, so replays never duplicate rows."})
final class SinkCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    NewswireConfig config = options.load();
    PostgresStore store = store(config);
    SinkLoop loop = new SinkLoop(config, store);
    Thread worker = new Thread(loop, "sink");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      loop.close();
      try {
        worker.join(15_000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      store.close();
    }, "sink-shutdown"));
    worker.start();
    System.err.println("sink running into " + store.describe() + "; Ctrl-C to stop");
    worker.join();
    return 0;
  }

  static PostgresStore store(NewswireConfig config) {
    PostgresStore store = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
    store.migrate();
    return store;
  }
}
