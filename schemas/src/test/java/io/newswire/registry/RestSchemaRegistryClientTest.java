package io.newswire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client sends and how it reacts to failures, against a scripted local HTTP server. */
class RestSchemaRegistryClientTest {
  HttpServer server;
  List<String> authorizations = new CopyOnWriteArrayList<>();
  AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/subjects", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = failuresLeft.getAndDecrement() > 0
          ? "{\"error_code\":50001,\"message\":\"store down\"}".getBytes(StandardCharsets.UTF_8)
          : "[\"a-value\"]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(failuresLeft.get() >= 0 ? 500 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void sendsBasicAuthFromUserInfo() {
    new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of("schema.registry.url", url(),
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "ann:secret"))).subjects();
    assertThat(authorizations).containsExactly("Basic YW5uOnNlY3JldA==");
  }

  @Test
  void sendsBasicAuthFromTheUrl() {
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of(
        "schema.registry.url", url().replace("http://", "http://ann:secret@"))));
    client.subjects();
    assertThat(authorizations).containsExactly("Basic YW5uOnNlY3JldA==");
    assertThat(client.describe()).doesNotContain("secret");
  }

  @Test
  void sendsABearerToken() {
    new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of("schema.registry.url", url(),
        "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t0ken"))).subjects();
    assertThat(authorizations).containsExactly("Bearer t0ken");
  }

  @Test
  void retriesServerErrorsWithBackoff() {
    failuresLeft.set(2);
    List<String> subjects = new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of(
        "schema.registry.url", url(), "retries.wait.ms", 10))).subjects();
    assertThat(subjects).containsExactly("a-value");
    assertThat(authorizations).hasSize(3);
  }

  @Test
  void anUnreachableRegistryFailsAfterBoundedRetriesNamingTheUrl() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + closedPort;
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of(
        "schema.registry.url", dead, "max.retries", 2, "retries.wait.ms", 10)));

    assertThatThrownBy(client::subjects)
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining(dead)
        .hasMessageContaining("after 3 attempts");
  }

  @Test
  void fallsOverToTheNextUrl() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(new SchemaRegistryConfig(Map.of(
        "schema.registry.url", "http://127.0.0.1:" + closedPort + "," + url())));
    assertThat(client.subjects()).containsExactly("a-value");
  }
}
