package io.newswire.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node KRaft broker (broker and controller in one process) from Apache Kafka's own jars, in a
 * child JVM. Its ports are fixed at first start so it can be stopped, killed and restarted on the same data.
 */
public final class KafkaBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final String clusterId;
  private ChildProcess process;

  private KafkaBroker(Path dir) {
    this.dir = dir;
    this.port = Ports.free();
    this.controllerPort = Ports.free();
    ByteBuffer uuid = ByteBuffer.allocate(16);
    UUID random = UUID.randomUUID();
    uuid.putLong(random.getMostSignificantBits()).putLong(random.getLeastSignificantBits());
    this.clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid.array());
  }

  public static KafkaBroker start(Path dir) {
    KafkaBroker broker = new KafkaBroker(dir);
    broker.start();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path logFile() {
    return dir.resolve("broker.log");
  }

  /** Starts (or restarts after {@link #stop()} / {@link #kill()}) on the same ports and data. */
  public synchronized void start() {
    try {
      Files.createDirectories(dir.resolve("data"));
      Path properties = writeServerProperties();
      process = ChildProcess.start("kafka", List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
              "-Dlog4j2.configurationFile=" + writeLogConfig().toUri(),
              "-cp", ChildProcess.classpath()),
          List.of(BrokerMain.class.getName(), properties.toString(), clusterId),
          logFile(), dir.resolve("broker.pid"));
    } catch (IOException e) {
      throw new StackException("Kafka broker could not be launched: " + e.getMessage(), e);
    }
    awaitReady(90);
  }

  /** Clean shutdown (SIGTERM). */
  public synchronized void stop() {
    if (process != null) {
      process.close();
    }
  }

  /** Crash (SIGKILL): no clean shutdown, as after a power cut. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitReady(int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      while (System.nanoTime() < deadline) {
        if (!process.alive()) {
          throw new StackException("Kafka broker exited while starting; see its log: " + logFile());
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          // still starting
        }
        sleep(200);
      }
    }
    throw new StackException("Kafka broker did not become ready within " + seconds + " s; see its log: " + logFile());
  }

  private Path writeServerProperties() throws IOException {
    String listener = "127.0.0.1:" + port;
    String controller = "127.0.0.1:" + controllerPort;
    String text = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@" + controller,
        "listeners=PLAINTEXT://" + listener + ",CONTROLLER://" + controller,
        "advertised.listeners=PLAINTEXT://" + listener,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=3",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=3",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "min.insync.replicas=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        "log.cleaner.dedupe.buffer.size=8388608",
        "");
    Path file = dir.resolve("server.properties");
    Files.writeString(file, text);
    return file;
  }

  private Path writeLogConfig() throws IOException {
    Path file = dir.resolve("log4j2.properties");
    Files.writeString(file, String.join("\n",
        "rootLogger.level=INFO",
        "rootLogger.appenderRef.out.ref=out",
        "appender.out.type=Console",
        "appender.out.name=out",
        "appender.out.layout.type=PatternLayout",
        "appender.out.layout.pattern=[%d] %p %m (%c)%n",
        "logger.kafka.name=kafka",
        "logger.kafka.level=WARN",
        "logger.kafka-server-started.name=kafka.server.KafkaRaftServer",
        "logger.kafka-server-started.level=INFO",
        "logger.org.name=org.apache.kafka",
        "logger.org.level=WARN",
        ""));
    return file;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted", e);
    }
  }
}
