package io.newswire.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole local stack, no Docker: a KRaft broker, a Confluent-compatible registry and PostgreSQL, started
 * in parallel on free loopback ports with all their data under one directory. {@code newswire demo} and the
 * integration tests both use it. Closing it (or the JVM exiting, Ctrl-C included) stops every server.
 */
public final class LocalStack implements AutoCloseable {
  public enum Component { KAFKA, REGISTRY, POSTGRES, OPENSEARCH }

  /** What a stack starts unless asked otherwise: OpenSearch only when a search store is wanted. */
  public static final Set<Component> DEFAULT = EnumSet.of(Component.KAFKA, Component.REGISTRY, Component.POSTGRES);

  private static LocalStack shared;

  private final Path dir;
  private final KafkaBroker kafka;
  private final ApicurioRegistry registry;
  private final LocalPostgres postgres;
  private LocalOpenSearch opensearch;
  private final long startMillis;
  private final Thread shutdownHook = new Thread(this::close, "newswire-stack-shutdown");
  private boolean closed;

  private LocalStack(Path dir, KafkaBroker kafka, ApicurioRegistry registry, LocalPostgres postgres, long startMillis) {
    this.dir = dir;
    this.kafka = kafka;
    this.registry = registry;
    this.postgres = postgres;
    this.startMillis = startMillis;
  }

  /**
   * Starts the given components under {@code dir}, which is emptied first: the registry keeps schemas in
   * memory, so older broker data would refer to schema ids that no longer exist.
   */
  public static LocalStack start(Path dir, Set<Component> components, Consumer<String> progress) {
    long t0 = System.nanoTime();
    // Initialise logging before the parallel starts, so no thread logs through a half-made logger factory.
    org.slf4j.LoggerFactory.getILoggerFactory();
    Path root = dir.toAbsolutePath();
    try {
      stopLeftovers(root);
      Folders.deleteTree(root);
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StackException("Cannot prepare " + root + ": " + e.getMessage(), e);
    }
    CompletableFuture<KafkaBroker> kafka = components.contains(Component.KAFKA)
        ? CompletableFuture.supplyAsync(() -> announce(progress, "Kafka broker",
            () -> KafkaBroker.start(root.resolve("kafka"))))
        : CompletableFuture.completedFuture(null);
    CompletableFuture<ApicurioRegistry> registry = components.contains(Component.REGISTRY)
        ? CompletableFuture.supplyAsync(() -> announce(progress, "Schema registry",
            () -> ApicurioRegistry.start(root.resolve("registry"))))
        : CompletableFuture.completedFuture(null);
    CompletableFuture<LocalPostgres> postgres = components.contains(Component.POSTGRES)
        ? CompletableFuture.supplyAsync(() -> announce(progress, "PostgreSQL",
            () -> LocalPostgres.start(root.resolve("postgres"))))
        : CompletableFuture.completedFuture(null);
    try {
      CompletableFuture.allOf(kafka, registry, postgres).join();
    } catch (CompletionException e) {
      // Stop whatever did start, then report the first failure with its log location.
      List<AutoCloseable> started = new ArrayList<>();
      for (CompletableFuture<? extends AutoCloseable> f : List.of(kafka, registry, postgres)) {
        AutoCloseable c = f.exceptionally(x -> null).join();
        if (c != null) {
          started.add(c);
        }
      }
      started.forEach(LocalStack::closeQuietly);
      Throwable cause = e.getCause();
      throw cause instanceof StackException se ? se : new StackException(cause.getMessage(), cause);
    }
    LocalStack stack = new LocalStack(root, kafka.join(), registry.join(), postgres.join(),
        (System.nanoTime() - t0) / 1_000_000);
    if (components.contains(Component.OPENSEARCH)) {
      stack.opensearch(progress);
    }
    Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
    return stack;
  }

  public static LocalStack start(Path dir, Consumer<String> progress) {
    return start(dir, DEFAULT, progress);
  }

  /**
   * One stack per JVM for integration tests, started on first use under {@code java.io.tmpdir} (Maven points
   * that into target/) and stopped when the JVM exits.
   */
  public static synchronized LocalStack shared() {
    if (shared == null) {
      shared = start(Path.of(System.getProperty("java.io.tmpdir"), "newswire-stack"),
          line -> System.out.println("[stack] " + line));
    }
    return shared;
  }

  public String bootstrapServers() {
    return require(kafka, "Kafka").bootstrapServers();
  }

  public String registryUrl() {
    return require(registry, "registry").url();
  }

  public String jdbcUrl() {
    return require(postgres, "PostgreSQL").jdbcUrl();
  }

  public String jdbcUser() {
    return require(postgres, "PostgreSQL").user();
  }

  public String jdbcPassword() {
    return require(postgres, "PostgreSQL").password();
  }

  /** The OpenSearch node of this stack, started on first use (20–30 s) under {@code dir/opensearch}. */
  public synchronized LocalOpenSearch opensearch() {
    return opensearch(line -> System.out.println("[stack] " + line));
  }

  public synchronized LocalOpenSearch opensearch(Consumer<String> progress) {
    if (opensearch == null) {
      opensearch = announce(progress, "OpenSearch", () -> LocalOpenSearch.start(dir.resolve("opensearch")));
    }
    return opensearch;
  }

  public boolean hasPostgres() {
    return postgres != null;
  }

  public KafkaBroker kafka() {
    return require(kafka, "Kafka");
  }

  public ApicurioRegistry registry() {
    return require(registry, "registry");
  }

  public LocalPostgres postgres() {
    return require(postgres, "PostgreSQL");
  }

  public Path dir() {
    return dir;
  }

  public long startMillis() {
    return startMillis;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(opensearch);
    closeQuietly(postgres);
    closeQuietly(registry);
    closeQuietly(kafka);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // called from the hook itself
    }
  }

  private static <T> T announce(Consumer<String> progress, String what, java.util.function.Supplier<T> start) {
    long t0 = System.nanoTime();
    progress.accept("starting " + what + " ...");
    T started = start.get();
    progress.accept(what + " ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return started;
  }

  private static <T> T require(T component, String name) {
    if (component == null) {
      throw new IllegalStateException(name + " is not part of this stack");
    }
    return component;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("[stack] " + e.getMessage());
    }
  }

  /** Servers left running by a stack whose JVM was killed: stop them before wiping their directory. */
  private static void stopLeftovers(Path root) {
    for (String pid : List.of("kafka/broker.pid", "registry/registry.pid", "opensearch/opensearch.pid")) {
      Path file = root.resolve(pid);
      if (Files.exists(file)) {
        try {
          long p = Long.parseLong(Files.readString(file).trim());
          ProcessHandle.of(p)
              .filter(h -> h.info().commandLine().map(c -> c.contains(root.toString())).orElse(false))
              .ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
              });
        } catch (IOException | NumberFormatException ignored) {
          // nothing to stop
        }
      }
    }
    Path postmaster = root.resolve("postgres/data/postmaster.pid");
    if (Files.exists(postmaster)) {
      try {
        long p = Long.parseLong(Files.readAllLines(postmaster).get(0).trim());
        ProcessHandle.of(p).ifPresent(h -> {
          h.destroy();
          h.onExit().join();
        });
      } catch (IOException | RuntimeException ignored) {
        // nothing to stop
      }
    }
  }
}
