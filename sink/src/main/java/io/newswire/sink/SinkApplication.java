package io.newswire.sink;

import io.newswire.config.NewswireConfig;
import io.newswire.ops.OpsServer;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.sink.lake.ParquetStore;
import io.newswire.sink.postgres.PostgresStore;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sink as an application: settings checked, its topics and the registry checked, each store of {@code
 * sink.store} opened (PostgreSQL migrated), a {@link SinkLoop} per store on its own thread and in its own consumer
 * group, /metrics, /health and /ready on {@code sink.http.port}; {@link #close()} stops after the current batches.
 */
public final class SinkApplication implements AutoCloseable {
  private final List<Store> stores = new ArrayList<>();
  private final List<SinkLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final OpsServer http;

  public SinkApplication(NewswireConfig config) {
    config.checked();
    Topics.requireTopics(config, "sink", Topics.ENRICHED_ARTICLES, Topics.DEAD_LETTERS);
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdes())) {
      SchemaCheck.verify(registry);
    }
    for (String name : config.sinkStores()) {
      Store store = store(config, name);
      stores.add(store);
      SinkLoop loop = new SinkLoop(config, store, config.sinkGroupId(name), 30_000);
      loops.add(loop);
      Thread thread = new Thread(loop, name.equals("postgres") ? "sink" : "sink-" + name);
      threads.add(thread);
      thread.start();
    }
    http = OpsServer.startOn(config.get(NewswireConfig.HTTP_HOST), config.getInt(NewswireConfig.SINK_HTTP_PORT),
        NewswireConfig.SINK_HTTP_PORT,
        () -> new OpsServer.Check(threads.stream().allMatch(Thread::isAlive),
            threads.stream().allMatch(Thread::isAlive) ? "running" : "stopped"),
        () -> {
          List<String> details = new ArrayList<>();
          boolean ok = true;
          for (int i = 0; i < stores.size(); i++) {
            boolean up = threads.get(i).isAlive() && loops.get(i).storeAvailable();
            ok &= up;
            details.add(up ? "writing to " + stores.get(i).describe() : stores.get(i).describe() + " unavailable, retrying");
          }
          return new OpsServer.Check(ok, String.join("; ", details));
        });
  }

  /** The port of /metrics, /health and /ready, or -1 when off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** The configuration's first store ({@code sink.store}), ready to write. */
  public static Store store(NewswireConfig config) {
    return store(config, config.sinkStores().get(0));
  }

  /** The store of that name (postgres, parquet), ready to write. */
  public static Store store(NewswireConfig config, String name) {
    if (name.equals("opensearch")) {
      return new io.newswire.sink.search.OpenSearchStore(config.get(NewswireConfig.OPENSEARCH_URL),
          config.get(NewswireConfig.OPENSEARCH_USER), config.get(NewswireConfig.OPENSEARCH_PASSWORD),
          config.get(NewswireConfig.OPENSEARCH_INDEX));
    }
    if (name.equals("parquet")) {
      return new ParquetStore(Path.of(config.get(NewswireConfig.SINK_PARQUET_DIR)));
    }
    PostgresStore postgres = new PostgresStore(config.get(NewswireConfig.POSTGRES_URL),
        config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
    postgres.migrate();
    return postgres;
  }

  /** The loop of the first store. */
  public SinkLoop loop() {
    return loops.get(0);
  }

  /** Records every loop sent to the dead letters. */
  public long deadLetteredCount() {
    return loops.stream().mapToLong(SinkLoop::deadLetteredCount).sum();
  }

  public String describe() {
    return stores.stream().map(Store::describe).collect(Collectors.joining(" and "));
  }

  /** Waits until every loop ends (closed, or stopped by an error it could not get past). */
  public void join() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    loops.forEach(SinkLoop::close);
    for (Thread thread : threads) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stores.forEach(Store::close);
  }
}
