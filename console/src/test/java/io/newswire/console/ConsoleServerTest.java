package io.newswire.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleServerTest {
  @Test
  void formDatesIncludeTheWholeEndDay() {
    assertThat(ConsoleServer.day("2026-03-01", Instant.EPOCH)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(ConsoleServer.day("2026-03-01", null)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(ConsoleServer.day("", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    assertThat(ConsoleServer.day(null, null)).isAfter(Instant.now());
    assertThat(ConsoleServer.day("2026-03-01T12:00:00Z", null)).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThatThrownBy(() -> ConsoleServer.day("yesterday", null)).isInstanceOf(java.time.DateTimeException.class);
  }

  @Test
  void queryParametersAreDecoded() {
    assertThat(io.newswire.ops.OpsServer.params("q=red+cross&entity=%C3%89lys%C3%A9e&x")).containsEntry("q", "red cross")
        .containsEntry("entity", "Élysée").doesNotContainKey("x");
  }

  @Test
  void theAssetsAreThere() {
    for (String name : new String[] {"index.html", "console.js", "console.css", "world.json"}) {
      assertThat(ConsoleServer.class.getResource("web/" + name)).as(name).isNotNull();
    }
  }
}
