package io.newswire.enrich.stories;

import java.util.Base64;
import java.util.Locale;

/**
 * A MinHash signature of an article's text: 64 minimum hashes over its 4-word shingles, so two articles'
 * signatures agree in about the share of positions that their shingle sets overlap (Jaccard similarity).
 * It is computed by one-permutation hashing: each shingle is hashed once, the hash's top 6 bits choose one of
 * the 64 positions and the rest competes for that position's minimum; a position no shingle fell into (short
 * texts) borrows from the next filled one ("densification"), so the estimate stays unbiased. That costs one
 * hash per shingle instead of 64, for the same accuracy on article-length texts (Li, Owen and Zhang 2012;
 * Shrivastava and Li 2014).
 * Locality-sensitive hashing splits it into 16 bands of 4: two articles with similarity 0.7 share at least one
 * band with probability 1 - (1 - 0.7^4)^16 ≈ 0.99, two with similarity 0.3 with probability ≈ 0.12, and a
 * shared band is then confirmed on the whole signature.
 */
public final class Fingerprint {
  public static final int HASHES = 64;
  public static final int BANDS = 16;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 4;

  private final int[] minima;

  private Fingerprint(int[] minima) {
    this.minima = minima;
  }

  /**
   * The fingerprint of a text, or null when it has fewer words than one shingle. Words are runs of letters
   * and digits, lower-cased; each word is hashed as it is scanned, without building strings, because this
   * runs once per article on the stream thread.
   */
  public static Fingerprint of(String text) {
    int[] window = new int[SHINGLE]; // the last SHINGLE word hashes, circular
    int words = 0;
    int[] minima = new int[HASHES];
    java.util.Arrays.fill(minima, Integer.MAX_VALUE);
    long filled = 0; // positions some shingle fell into
    int word = 0;
    boolean inWord = false;
    int n = text.length();
    for (int i = 0; i <= n; ) {
      int cp = i < n ? text.codePointAt(i) : ' ';
      i += i < n ? Character.charCount(cp) : 1;
      if (isWordChar(cp)) {
        int lower = Character.toLowerCase(cp);
        if (Character.isBmpCodePoint(lower)) {
          word = 31 * word + lower;
        } else {
          word = 31 * (31 * word + Character.highSurrogate(lower)) + Character.lowSurrogate(lower);
        }
        inWord = true;
      } else if (inWord) {
        window[words % SHINGLE] = word;
        words++;
        word = 0;
        inWord = false;
        if (words >= SHINGLE) {
          int h = 0;
          for (int k = words - SHINGLE; k < words; k++) {
            h = h * 0x01000193 ^ window[k % SHINGLE];
          }
          long x = mix64(h);
          int position = (int) (x >>> 58); // top 6 bits: one of the 64 positions
          int v = (int) x & Integer.MAX_VALUE;
          if (v < minima[position]) {
            minima[position] = v;
          }
          filled |= 1L << position;
        }
      }
    }
    if (words < SHINGLE) {
      return null;
    }
    densify(minima, filled);
    return new Fingerprint(minima);
  }

  /**
   * An empty position takes the value of the next filled one to its right (wrapping), re-hashed with the
   * distance, so that two texts whose positions are filled alike get equal values where their shingles agree.
   */
  private static void densify(int[] minima, long filled) {
    if (filled == -1L) {
      return;
    }
    for (int f = 0; f < HASHES; f++) {
      if ((filled & (1L << f)) == 0) {
        int distance = 1;
        while ((filled & (1L << ((f + distance) % HASHES))) == 0) {
          distance++;
        }
        minima[f] = mix(minima[(f + distance) % HASHES] ^ (distance * 0x9E3779B9));
      }
    }
  }

  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** SplitMix64's finaliser over the shingle's hash: 64 well-mixed bits from one multiply-xorshift chain. */
  private static long mix64(int h) {
    long z = (h & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L + 0x5EEDL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7FEB352D;
    x ^= x >>> 15;
    x *= 0x846CA68B;
    x ^= x >>> 16;
    return x & Integer.MAX_VALUE;
  }

  /** The key of band {@code b}: the band number and a hash of its rows. */
  public String band(int b) {
    int h = b;
    for (int r = 0; r < ROWS; r++) {
      h = h * 31 + minima[b * ROWS + r];
    }
    return b + ":" + Integer.toHexString(h);
  }

  /** Estimated Jaccard similarity of the two texts' shingle sets. */
  public double similarity(Fingerprint other) {
    int same = 0;
    for (int f = 0; f < HASHES; f++) {
      same += minima[f] == other.minima[f] ? 1 : 0;
    }
    return (double) same / HASHES;
  }

  public String encode() {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(HASHES * 4);
    for (int m : minima) {
      buffer.putInt(m);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
  }

  public static Fingerprint decode(String encoded) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
    int[] minima = new int[HASHES];
    for (int f = 0; f < HASHES; f++) {
      minima[f] = buffer.getInt();
    }
    return new Fingerprint(minima);
  }
}
