package io.newswire.enrich.stories;

import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MinHash signature of an article's text: 64 minimum hashes over its 4-word shingles, so two articles'
 * signatures agree in about the share of positions that their shingle sets overlap (Jaccard similarity).
 * Locality-sensitive hashing splits it into 16 bands of 4: two articles with similarity 0.7 share at least one
 * band with probability 1 - (1 - 0.7^4)^16 ≈ 0.99, two with similarity 0.3 with probability ≈ 0.12, and a
 * shared band is then confirmed on the whole signature.
 */
public final class Fingerprint {
  public static final int HASHES = 64;
  public static final int BANDS = 16;
  static final int ROWS = HASHES / BANDS;
  static final int SHINGLE = 4;
  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final int[] minima;

  private Fingerprint(int[] minima) {
    this.minima = minima;
  }

  /** The fingerprint of a text, or null when it has fewer words than one shingle. */
  public static Fingerprint of(String text) {
    String[] words = WORDS.split(text.toLowerCase(Locale.ROOT));
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    if (words.length - start < SHINGLE) {
      return null;
    }
    int[] minima = new int[HASHES];
    java.util.Arrays.fill(minima, Integer.MAX_VALUE);
    for (int i = start; i + SHINGLE <= words.length; i++) {
      int h = 0;
      for (int k = 0; k < SHINGLE; k++) {
        h = h * 0x01000193 ^ words[i + k].hashCode();
      }
      for (int f = 0; f < HASHES; f++) {
        int v = mix(h ^ SEEDS[f]);
        if (v < minima[f]) {
          minima[f] = v;
        }
      }
    }
    return new Fingerprint(minima);
  }

  private static final int[] SEEDS = new int[HASHES];

  static {
    java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EED);
    for (int f = 0; f < HASHES; f++) {
      SEEDS[f] = random.nextInt();
    }
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
