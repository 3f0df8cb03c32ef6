package io.newswire.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Apicurio Registry, a real Confluent-compatible registry server this project did not write, from its
 * distribution on Maven Central, in a child JVM with in-memory storage (schemas do not outlive it). Clients
 * use its Confluent API at {@link #url()}.
 */
public final class ApicurioRegistry implements AutoCloseable {
  private final Path dir;
  private final int port;
  private ChildProcess process;

  private ApicurioRegistry(Path dir) {
    this.dir = dir;
    this.port = Ports.free();
  }

  public static ApicurioRegistry start(Path dir) {
    ApicurioRegistry registry = new ApicurioRegistry(dir);
    registry.start();
    return registry;
  }

  /** The Confluent-compatible API: what {@code schema.registry.url} points at. */
  public String url() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  public Path logFile() {
    return dir.resolve("registry.log");
  }

  public synchronized void start() {
    try {
      Files.createDirectories(dir);
      Path runner = distribution();
      process = ChildProcess.start("registry", List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Dnewswire.stack=" + dir.toAbsolutePath(), // lets a later stack recognise a leftover
              "-Dquarkus.http.host=127.0.0.1",
              "-Dquarkus.http.port=" + port,
              "-Dquarkus.log.console.color=false",
              "-Dregistry.rules.global.compatibility=BACKWARD",
              "-jar", runner.toString()),
          List.of(), logFile(), dir.resolve("registry.pid"));
    } catch (IOException e) {
      throw new StackException("Schema registry could not be launched: " + e.getMessage(), e);
    }
    awaitReady(120);
  }

  public synchronized void stop() {
    if (process != null) {
      process.close();
    }
  }

  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitReady(int seconds) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    process.awaitReady("Schema registry", seconds, 250, () -> http.send(HttpRequest.newBuilder(URI.create(url()
        + "/subjects")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  /** The unpacked distribution's runner jar, unpacking the archive Maven resolved on first use. */
  static Path distribution() throws IOException {
    Properties build = new Properties();
    try (InputStream in = ApicurioRegistry.class.getResourceAsStream("/newswire-stack.properties")) {
      build.load(in);
    }
    String version = build.getProperty("apicurio.version");
    Path archive = Path.of(firstNonBlank(System.getenv("NEWSWIRE_REGISTRY_ARCHIVE"), build.getProperty("apicurio.archive")));
    Path home = Path.of(firstNonBlank(System.getenv("NEWSWIRE_CACHE"),
        Path.of(System.getProperty("user.home"), ".cache", "newswire").toString()));
    Path target = home.resolve("apicurio-registry-" + version);
    Path runner = target.resolve("apicurio-registry-app-" + version + "-runner.jar");
    if (Files.exists(runner)) {
      return runner;
    }
    if (!Files.exists(archive)) {
      throw new StackException("The schema registry's distribution is not at " + archive + ". Build once with"
          + " Maven (./newswire does), or point NEWSWIRE_REGISTRY_ARCHIVE at apicurio-registry-app-" + version
          + "-all.tar.gz");
    }
    Files.createDirectories(home);
    Path partial = Files.createTempDirectory(home, "unpacking-");
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(Files.newInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = partial.resolve(entry.getName()).normalize();
        if (!out.startsWith(partial)) {
          throw new IOException("Archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException anotherProcessWon) {
      Folders.deleteTree(partial);
    }
    if (!Files.exists(runner)) {
      throw new StackException("Unpacked " + archive + " but found no " + runner.getFileName());
    }
    return runner;
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
