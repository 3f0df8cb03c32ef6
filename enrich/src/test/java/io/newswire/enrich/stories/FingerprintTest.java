package io.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  static final String WIRE = "Flood waters rose across the delta on Tuesday, forcing thousands from their homes, "
      + "officials said. Rescue teams in boats reached villages cut off since the weekend; the army sent 2,000 "
      + "soldiers and the regional governor asked for help from the capital.";

  @Test
  void scansWordsAsTheRegexDefinitionDoes() {
    for (String text : new String[] {WIRE, "  -- Ça va? Ünïcödé wörds, ½ and ² too: Zürich–Genève 2025 --",
        "Οι Αθηναίοι ψήφισαν σήμερα για νέο δήμαρχο της πόλης", "𝐌𝐚𝐭𝐡 letters 𝟏𝟐 count as words here too"}) {
      assertThat(Fingerprint.of(text).encode()).as(text).isEqualTo(reference(text));
    }
  }

  @Test
  void shortTextsHaveNoFingerprint() {
    assertThat(Fingerprint.of("Three words only")).isNull();
    assertThat(Fingerprint.of("... !!! ")).isNull();
  }

  @Test
  void similarTextsAreSimilarAndDifferentOnesAreNot() {
    Fingerprint a = Fingerprint.of(WIRE);
    Fingerprint edited = Fingerprint.of(WIRE.replace("Tuesday", "Wednesday").replace("2,000", "3,000"));
    Fingerprint other = Fingerprint.of("The central bank raised interest rates by a quarter point on Thursday, "
        + "its third increase this year, and signalled that more were likely if prices kept climbing.");
    assertThat(a.similarity(edited)).isGreaterThan(Stories.SIMILARITY);
    assertThat(a.similarity(other)).isLessThan(0.2);
    assertThat(Fingerprint.decode(a.encode()).similarity(a)).isEqualTo(1.0);
  }

  /** The definition: words split on runs of non-letters and non-digits of the lower-cased text. */
  static String reference(String text) {
    String[] words = Pattern.compile("[^\\p{L}\\p{N}]+").split(text.toLowerCase(Locale.ROOT));
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    StringBuilder joined = new StringBuilder();
    for (int i = start; i < words.length; i++) {
      joined.append(words[i]).append(' ');
    }
    // Re-fingerprint the normalised text: single spaces between already lower-cased words.
    return Fingerprint.of(joined.toString()).encode();
  }
}
