package io.newswire.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real OpenSearch 2.19 node in a child JVM ({@link OpenSearchMain}), on free loopback ports. */
public final class LocalOpenSearch implements AutoCloseable {
  private final Path dir;
  private final int httpPort;
  private final int transportPort;
  private ChildProcess process;

  private LocalOpenSearch(Path dir, int httpPort, int transportPort) {
    this.dir = dir;
    this.httpPort = httpPort;
    this.transportPort = transportPort;
  }

  public static LocalOpenSearch start(Path dir) {
    LocalOpenSearch node = new LocalOpenSearch(dir, Ports.free(), Ports.free());
    node.start();
    return node;
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public Path logFile() {
    return dir.resolve("opensearch.log");
  }

  /** Starts (or restarts after {@link #stop()} / {@link #kill()}) on the same ports and data; nothing if running. */
  public synchronized void start() {
    if (process != null && process.alive()) {
      return;
    }
    try {
      Files.createDirectories(dir.resolve("config"));
      Path log4j = dir.resolve("config/log4j2.properties");
      Files.writeString(log4j, String.join("\n",
          "status=error",
          "appender.out.type=Console",
          "appender.out.name=out",
          "appender.out.layout.type=PatternLayout",
          "appender.out.layout.pattern=[%d] %p %m (%c)%n",
          "rootLogger.level=WARN",
          "rootLogger.appenderRef.out.ref=out",
          "logger.node.name=org.opensearch.node.Node",
          "logger.node.level=INFO",
          ""));
      process = ChildProcess.start("opensearch", List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
              "-Dopensearch.set.netty.runtime.available.processors=false",
              "-Dlog4j2.configurationFile=" + log4j.toUri(), "-Dlog4j2.disable.jmx=true",
              "-cp", ChildProcess.classpath()),
          List.of(OpenSearchMain.class.getName(), dir.toString(), Integer.toString(httpPort),
              Integer.toString(transportPort)),
          logFile(), dir.resolve("opensearch.pid"));
    } catch (IOException e) {
      throw new StackException("OpenSearch could not be launched: " + e.getMessage(), e);
    }
    awaitReady(120);
  }

  /** Clean shutdown (SIGTERM). */
  public synchronized void stop() {
    if (process != null) {
      process.close();
    }
  }

  /** Crash (SIGKILL). */
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
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    process.awaitReady("OpenSearch", seconds, 300, () -> http.send(HttpRequest.newBuilder(URI.create(url()
            + "/_cluster/health?wait_for_status=yellow&timeout=2s")).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
  }
}
