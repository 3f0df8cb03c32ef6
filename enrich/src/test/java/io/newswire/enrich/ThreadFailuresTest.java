package io.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stream thread is replaced twice; the third failure within ten minutes stops enrich instead of looping. */
class ThreadFailuresTest {
  static final long MINUTE = 60_000;

  @Test
  void theThirdFailureWithinTheWindowStopsTheApplication() {
    ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(10));
    assertThat(failures.tooMany(0)).isFalse();
    assertThat(failures.tooMany(MINUTE)).isFalse();
    assertThat(failures.tooMany(2 * MINUTE)).isTrue();
    assertThat(failures.recent()).isEqualTo(3);
  }

  @Test
  void failuresFarApartAreReplacedForEver() {
    ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(10));
    for (int i = 0; i < 20; i++) {
      assertThat(failures.tooMany(i * 6 * MINUTE)).as("failure " + i).isFalse(); // one every six minutes
    }
    assertThat(failures.recent()).isEqualTo(2);
  }
}
