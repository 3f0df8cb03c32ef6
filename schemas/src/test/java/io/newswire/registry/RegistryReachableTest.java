package io.newswire.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stage checks at start that its registry answers, and says which one does not. */
class RegistryReachableTest {
  @Test
  void anUnreachableRegistryStopsTheStageWithItsUrl() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed;
    assertThatThrownBy(() -> SchemaRegistryClients.requireReachable(Map.of("schema.registry.url", url,
        "max.retries", "0"), "ingest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ingest cannot reach the schema registry at " + url)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void aReachableOneIsFine() {
    InMemorySchemaRegistry.drop("reachable");
    assertThatCode(() -> SchemaRegistryClients.requireReachable(Map.of("schema.registry.url", "mock://reachable"),
        "enrich")).doesNotThrowAnyException();
  }
}
