package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
  @org.junit.jupiter.api.Test
  void plainIsoIsReadAsJavaTimeReadsIt() {
    for (String s : new String[] {"2026-11-27T10:15:30Z", "2026-11-27T10:15:30.5Z", "2026-11-27T10:15:30.123456789Z",
        "2026-11-27T10:15Z", "2026-11-27T10:15:30+01:00", "2026-11-27T23:59:59-05:30", "2024-02-29T00:00:00Z",
        "2026-11-27T10:15:30.000+14:00"}) {
      assertThat(Dates.plainIso(s)).as(s).isEqualTo(java.time.OffsetDateTime.parse(s).toInstant());
    }
    for (String s : new String[] {"2026-02-30T10:15:30Z", "2026-11-27T25:15:30Z", "2026-11-27T10:15:30",
        "2026-11-27T10:15:30+0100", "2026-11-27T10:15:30.Z", "2026-11-27T10:15:30 Z", "2026-1X-27T10:15:30Z"}) {
      assertThat(Dates.plainIso(s)).as(s).isNull();
    }
    assertThat(Dates.parse("2026-11-27T10:15:30+0100")).isEqualTo(Instant.parse("2026-11-27T09:15:30Z"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tue, 10 Jun 2025 14:30:00 GMT | 2025-06-10T14:30:00Z",
      "Tue, 10 Jun 2025 16:30:00 +0200 | 2025-06-10T14:30:00Z",
      "10 Jun 2025 14:30 UT | 2025-06-10T14:30:00Z",
      "2025-06-10T14:30:00Z | 2025-06-10T14:30:00Z",
      "2025-06-10T16:30:00+02:00 | 2025-06-10T14:30:00Z",
      "2025-06-10T14:30:00.123Z | 2025-06-10T14:30:00.123Z",
      "2025-06-10 14:30:00 | 2025-06-10T14:30:00Z",
      "2025-06-10 | 2025-06-10T00:00:00Z",
      "June 10, 2025 | 2025-06-10T00:00:00Z",
      "10 June 2025 | 2025-06-10T00:00:00Z",
      "1749565800 | 2025-06-10T14:30:00Z",
  })
  void readsTheFormsFeedsAndPagesUse(String text, String expected) {
    assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"yesterday", "'  '", "32/13/2025"})
  void unknownFormsAreNull(String text) {
    assertThat(Dates.parse(text)).isNull();
  }
}
