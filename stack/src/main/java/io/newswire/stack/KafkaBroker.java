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
  /** A SASL_SSL listener beside the plaintext one, when started with {@link #startSecured}. */
  private Secured secured;

  /** The SASL_SSL listener's port, TLS stores and the one SCRAM-SHA-512 user the broker knows. */
  private record Secured(int port, Certificates.Stores stores, String user, String password) {}

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

  /**
   * A broker with a second listener, SASL_SSL with SCRAM-SHA-512, whose certificate {@code stores} hold, and
   * one user; the plaintext listener stays for the broker's own use and for tests that set it up.
   */
  public static KafkaBroker startSecured(Path dir, Certificates.Stores stores, String user, String password) {
    KafkaBroker broker = new KafkaBroker(dir);
    broker.secured = new Secured(Ports.free(), stores, user, password);
    broker.start();
    broker.createScramUser();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The SASL_SSL listener, for clients with credentials and the CA in their trust store. */
  public String secureBootstrapServers() {
    if (secured == null) {
      throw new IllegalStateException("This broker has no SASL_SSL listener: start it with startSecured");
    }
    return "127.0.0.1:" + secured.port();
  }

  /** Client settings for the SASL_SSL listener, as a user would write them in a client properties file. */
  public java.util.Map<String, String> secureClientSettings() {
    return java.util.Map.of(
        "bootstrap.servers", secureBootstrapServers(),
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512",
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + secured.user() + "\" password=\"" + secured.password() + "\";",
        "ssl.truststore.location", secured.stores().trustStore().toString(),
        "ssl.truststore.password", secured.stores().password(),
        "ssl.truststore.type", "PKCS12");
  }

  private void createScramUser() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
          secured.user(), new org.apache.kafka.clients.admin.ScramCredentialInfo(
              org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096), secured.password())))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StackException("Could not create the SCRAM user on the broker: " + e.getMessage(), e);
    }
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
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      process.awaitReady("Kafka broker", seconds, 200,
          () -> !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty());
    }
  }

  private Path writeServerProperties() throws IOException {
    String listener = "127.0.0.1:" + port;
    String controller = "127.0.0.1:" + controllerPort;
    String secure = secured == null ? "" : ",SASL_SSL://127.0.0.1:" + secured.port();
    String text = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@" + controller,
        "listeners=PLAINTEXT://" + listener + ",CONTROLLER://" + controller + secure,
        "advertised.listeners=PLAINTEXT://" + listener + secure,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL",
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
        secured == null ? "" : String.join("\n",
            "sasl.enabled.mechanisms=SCRAM-SHA-512",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
                + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.keystore.location=" + secured.stores().keyStore(),
            "ssl.keystore.password=" + secured.stores().password(),
            "ssl.keystore.type=PKCS12",
            "ssl.key.password=" + secured.stores().password()),
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
