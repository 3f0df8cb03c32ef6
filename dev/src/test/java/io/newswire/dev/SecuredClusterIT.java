package io.newswire.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newswire.cli.Newswire;
import io.newswire.config.NewswireConfig;
import io.newswire.ingest.IngestApplication;
import io.newswire.stack.Certificates;
import io.newswire.stack.KafkaBroker;
import io.newswire.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Newswire on a secured cluster, for real: a broker whose clients' listener is SASL_SSL with SCRAM-SHA-512 (a
 * CA and a broker certificate made for the test), a registry reachable only over https (TLS in front of it,
 * trusted through Confluent's {@code schema.registry.ssl.truststore.*}), and every command that talks to Kafka
 * run with one client properties file: topics, ingest, enrich and the sink (as their own processes), status,
 * replay and dlq. The push endpoint over https too.
 */
class SecuredClusterIT {
  static final String PASSWORD = "test-" + Long.toHexString(System.nanoTime());
  static LocalStack stack;
  static KafkaBroker broker;
  static TcpProxy registry;
  static Certificates.Stores tls;
  static Path dir;
  static Path properties;
  static String run;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.shared();
    run = "secured-" + System.nanoTime();
    dir = stack.dir().resolve(run);
    tls = Certificates.make(dir.resolve("tls"), PASSWORD);
    broker = KafkaBroker.startSecured(dir.resolve("broker"), tls, "newswire", "scram-" + PASSWORD);
    registry = new TcpProxy("127.0.0.1", URI.create(stack.registryUrl()).getPort(), serverTls());
    Map<String, String> settings = new LinkedHashMap<>(broker.secureClientSettings());
    settings.put("schema.registry.url", stack.registryUrl().replace("http://", "https://")
        .replaceFirst(":\\d+", ":" + registry.port()));
    settings.put("schema.registry.ssl.truststore.location", tls.trustStore().toString());
    settings.put("schema.registry.ssl.truststore.password", PASSWORD);
    settings.put("topics.replication.factor", "1");
    settings.put("postgres.url", stack.jdbcUrl());
    settings.put("postgres.user", stack.jdbcUser());
    settings.put("postgres.password", stack.jdbcPassword());
    settings.put("enrich.application.id", run);
    settings.put("sink.group.id", run + "-sink");
    settings.put("ingest.state.dir", dir.resolve("ingest").toString());
    settings.put("ingest.quarantine.dir", dir.resolve("quarantine").toString());
    settings.put("enrich.state.dir", dir.resolve("streams").toString());
    settings.put("ingest.ops.port", "-1");
    Properties file = new Properties();
    file.putAll(settings);
    properties = dir.resolve("client.properties");
    try (var out = Files.newBufferedWriter(properties)) {
      file.store(out, "a client properties file, as a user writes it for a secured cluster");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
    broker.close();
  }

  static javax.net.ssl.SSLContext serverTls() throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(tls.keyStore())) {
      store.load(in, PASSWORD.toCharArray());
    }
    javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  static int newswire(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(properties.toString());
    return Newswire.commandLine().execute(all.toArray(String[]::new));
  }

  static Process child(String command) throws Exception {
    List<String> args = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-cp", System.getProperty("java.class.path"), Newswire.class.getName(), command, "--config",
        properties.toString(), "--set", command + ".http.port=0");
    return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(dir.resolve(command + ".log").toFile())
        .start();
  }

  /** Articles of this test in PostgreSQL; -1 until the sink has migrated the schema. */
  static long stored() throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM articles WHERE source LIKE '"
            + dir.resolve("articles").toString().replace("'", "''") + "%'")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException notYet) {
      return -1;
    }
  }

  @Test
  void everyCommandWorksWithOneClientPropertiesFile() throws Exception {
    assertThat(newswire("topics")).isZero();
    assertThat(newswire("topics", "--verify")).isZero();

    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("port.md"), "# Port of Lagos reopens\n\nThe Nigerian Ports Authority said"
        + " the Port of Lagos reopened on Monday after a two-day strike by dock workers.");
    Files.writeString(articles.resolve("rail.md"), "# Rail line to Kano opens\n\nA new rail line between Lagos and"
        + " Kano opened on Friday, the transport minister said in Abuja.");
    assertThat(newswire("ingest", "files", articles.toString())).isZero();

    Process enrich = child("enrich");
    Process sink = child("sink");
    try {
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> stored() == 2);
      assertThat(newswire("status", "--stage", "sink", "--interval", "1")).isZero();
      assertThat(newswire("dlq", "list")).isZero();
    } finally {
      enrich.destroy();
      sink.destroy();
      assertThat(enrich.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(sink.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(newswire("replay", "sink", "--from-beginning", "--dry-run")).isZero();
    assertThat(newswire("replay", "enrich", "--from-beginning")).isZero();
  }

  @Test
  void withoutTheRightCredentialsTheBrokerRefuses() {
    Map<String, Object> wrong = new LinkedHashMap<>(broker.secureClientSettings());
    wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
        + " username=\"newswire\" password=\"wrong\";");
    wrong.put("request.timeout.ms", 10_000);
    wrong.put("default.api.timeout.ms", 15_000);
    try (Admin admin = Admin.create(wrong)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
    }
    // and a client that trusts no CA cannot even connect to the registry behind TLS
    HttpClient plain = HttpClient.newHttpClient();
    assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + registry.port()
        + "/")).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }

  @Test
  void thePushEndpointServesHttpsWithItsKeyStore() throws Exception {
    NewswireConfig config = NewswireConfig.load(properties, Map.of(), Map.of(
        NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_LOCATION, tls.keyStore().toString(),
        NewswireConfig.INGEST_HTTP_SSL_KEYSTORE_PASSWORD, PASSWORD));
    io.newswire.admin.TopicSetup.ensure(config);
    try (IngestApplication.Server server = IngestApplication.serve(config, "127.0.0.1", 0)) {
      assertThat(server.push().scheme()).isEqualTo("https");
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(tls.trustStore())) {
        trust.load(in, PASSWORD.toCharArray());
      }
      javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
          javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
      client.init(null, factory.getTrustManagers(), null);
      HttpResponse<String> answer = HttpClient.newBuilder().sslContext(client).build().send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/articles"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Ferry resumes\",\"body\":\"The ferry to"
                  + " Zanzibar resumed on Tuesday.\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
  }
}
