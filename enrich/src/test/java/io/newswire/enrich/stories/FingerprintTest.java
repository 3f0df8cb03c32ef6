package io.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

  @Test
  void estimatesTheJaccardSimilarityOfShingleSets() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int trial = 0; trial < 40; trial++) {
      int length = 60 + random.nextInt(600); // short texts exercise the densification
      String[] words = new String[length];
      for (int i = 0; i < length; i++) {
        words[i] = "w" + random.nextInt(3000);
      }
      String[] edited = words.clone();
      double share = random.nextDouble() * 0.3; // replace up to 30 % of the words
      for (int i = 0; i < length; i++) {
        if (random.nextDouble() < share) {
          edited[i] = "x" + random.nextInt(3000);
        }
      }
      double exact = jaccard(shingles(words), shingles(edited));
      double estimate = Fingerprint.of(String.join(" ", words)).similarity(Fingerprint.of(String.join(" ", edited)));
      assertThat(estimate).as("trial %d: %d words, exact %.2f", trial, length, exact).isCloseTo(exact, within(0.2));
    }
  }

  private static java.util.Set<String> shingles(String[] words) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i + 4 <= words.length; i++) {
      out.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + 4)));
    }
    return out;
  }

  private static double jaccard(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> both = new java.util.HashSet<>(a);
    both.retainAll(b);
    return both.size() / (double) (a.size() + b.size() - both.size());
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
