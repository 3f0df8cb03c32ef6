package io.newswire.tagger;

import java.util.Locale;

/**
 * The features of one token for the entity model, hashed into bucket numbers with no string building on the
 * hot path: the word, its shape, affixes and neighbours, the two previous labels, lexicon flags of the token
 * and its neighbours, and what the rest of the document says about the word (seen in lower case elsewhere,
 * capitalised mid-sentence elsewhere).
 */
final class EntityFeatures {
  static final int MAX = 64;

  /** A document prepared for feature extraction. */
  static final class Doc {
    final String[] words;
    final String[] lower;
    final String[] shapes;
    final boolean[] sentenceStart;
    final int[] flags;
    final boolean[] lowerElsewhere;
    final boolean[] capitalMidSentenceElsewhere;
    /** Tokens after a line break (or a CoNLL sentence break), where no name continues; null for none. */
    final boolean[] lineStart;
    /** Tokens that may start a name ({@link EntityModel#canStart}), worked out while the words are at hand. */
    final boolean[] startable;

    Doc(String[] words, boolean[] sentenceStart, Lexicon lexicon) {
      this(words, sentenceStart, null, lexicon);
    }

    Doc(String[] words, boolean[] sentenceStart, boolean[] lineStart, Lexicon lexicon) {
      int n = words.length;
      this.words = words;
      this.sentenceStart = sentenceStart;
      this.lineStart = lineStart;
      this.lower = new String[n];
      this.shapes = new String[n];
      this.startable = new boolean[n];
      for (int i = 0; i < n; i++) {
        startable[i] = EntityModel.canStart(words[i]);
        // Curly and straight quotes and apostrophes are the same evidence: pages use curly ones, the training text
        // mostly straight ones ("Tsai’s" was read as one name before).
        String w = words[i].replace('’', '\'').replace('‘', '\'');
        String l = w.toLowerCase(Locale.ROOT);
        lower[i] = l.length() == 1 ? QUOTES.getOrDefault(l, l) : l;
        shapes[i] = shape(w);
      }
      this.flags = lexicon.flags(words);
      java.util.Set<String> lowercase = new java.util.HashSet<>();
      java.util.Set<String> midCapital = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        String w = words[i];
        if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
          lowercase.add(lower[i]);
        } else if (!sentenceStart[i] && !w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
          midCapital.add(w);
        }
      }
      this.lowerElsewhere = new boolean[n];
      this.capitalMidSentenceElsewhere = new boolean[n];
      for (int i = 0; i < n; i++) {
        lowerElsewhere[i] = Character.isUpperCase(words[i].isEmpty() ? 'a' : words[i].charAt(0)) && lowercase.contains(lower[i]);
        capitalMidSentenceElsewhere[i] = sentenceStart[i] && midCapital.contains(words[i]);
      }
    }

    int size() {
      return words.length;
    }
  }

  private static final java.util.Map<String, String> QUOTES = java.util.Map.of("“", "\"", "”", "\"", "‘", "'", "’", "'");
  private final int mask;

  EntityFeatures(int bits) {
    this.mask = (1 << bits) - 1;
  }

  /** Writes the bucket numbers of token i's features into {@code out}; returns how many. */
  int extract(Doc d, int i, int prev, int prev2, int[] out) {
    int n = extractFixed(d, i, out, 0);
    return extractContext(d, i, prev, prev2, out, n);
  }

  /**
   * The features that do not depend on the labels before token i, from {@code out[from]}: the same for every
   * label sequence a beam holds, so decoding scores them once per token.
   */
  int extractFixed(Doc d, int i, int[] out, int from) {
    int n = from;
    String w = d.words[i];
    String lw = d.lower[i];
    out[n++] = h(1, 0);
    out[n++] = h(2, lw.hashCode());
    out[n++] = h(3, d.shapes[i].hashCode());
    out[n++] = h(4, suffix(lw, 3));
    out[n++] = h(5, suffix(lw, 2));
    out[n++] = h(6, prefix(lw, 3));
    out[n++] = h(7, word(d, i - 1));
    out[n++] = h(8, word(d, i + 1));
    out[n++] = h(9, word(d, i - 2));
    out[n++] = h(10, word(d, i + 2));
    out[n++] = h(11, shape(d, i - 1) * 31 + d.shapes[i].hashCode());
    out[n++] = h(12, d.shapes[i].hashCode() * 31 + shape(d, i + 1));
    out[n++] = h(16, (d.sentenceStart[i] ? 1 : 2) * 31 + d.shapes[i].hashCode());
    out[n++] = h(17, word(d, i - 1) * 31 + lw.hashCode());
    out[n++] = h(18, lw.hashCode() * 31 + word(d, i + 1));
    int flags = d.flags[i];
    for (int b = 0; b < Lexicon.FLAGS; b++) {
      if ((flags & (1 << b)) != 0) {
        out[n++] = h(20 + b, 1);
      }
    }
    out[n++] = h(60, flags(d, i - 1));
    out[n++] = h(61, flags(d, i + 1));
    out[n++] = h(62, flags * 31 + (d.sentenceStart[i] ? 1 : 0));
    if (d.lowerElsewhere[i]) {
      out[n++] = h(63, d.sentenceStart[i] ? 1 : 2);
    }
    if (d.capitalMidSentenceElsewhere[i]) {
      out[n++] = h(64, 1);
    }
    out[n++] = h(68, d.shapes[i].hashCode() * 31 + word(d, i + 1));
    out[n++] = h(69, word(d, i - 1) * 31 + d.shapes[i].hashCode());
    return n;
  }

  /** The features of token i that depend on the two labels before it, from {@code out[from]}. */
  int extractContext(Doc d, int i, int prev, int prev2, int[] out, int from) {
    int n = from;
    String lw = d.lower[i];
    int flags = d.flags[i];
    out[n++] = h(13, prev);
    out[n++] = h(14, prev * 17 + prev2);
    out[n++] = h(15, prev * 31 + lw.hashCode());
    out[n++] = h(19, prev * 31 + word(d, i - 1));
    for (int b = 0; b < Lexicon.FLAGS; b++) {
      if ((flags & (1 << b)) != 0) {
        out[n++] = h(40 + b, prev);
      }
    }
    out[n++] = h(66, prev * 31 + d.shapes[i].hashCode());
    out[n++] = h(67, prev * 31 + flags);
    return n;
  }

  private int h(int template, int value) {
    int x = template * 0x9E3779B9 ^ value;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x & mask;
  }

  private static int word(Doc d, int i) {
    return i < 0 ? 1 : i >= d.size() ? 2 : d.lower[i].hashCode();
  }

  private static int shape(Doc d, int i) {
    return i < 0 ? 1 : i >= d.size() ? 2 : d.shapes[i].hashCode();
  }

  private static int flags(Doc d, int i) {
    return i < 0 ? -1 : i >= d.size() ? -2 : d.flags[i];
  }

  private static int suffix(String s, int k) {
    int h = 7;
    for (int i = Math.max(0, s.length() - k); i < s.length(); i++) {
      h = h * 31 + s.charAt(i);
    }
    return h;
  }

  private static int prefix(String s, int k) {
    int h = 11;
    for (int i = 0; i < Math.min(k, s.length()); i++) {
      h = h * 31 + s.charAt(i);
    }
    return h;
  }

  /** Lower-case words that occur inside names ("Bank of England", "Ludwig van Beethoven"): their own shape. */
  private static final java.util.Set<String> CONNECTORS = WordSet.of("of", "for", "and", "the", "de", "la", "le",
      "du", "des", "von", "van", "der", "den", "al", "el", "bin", "ibn", "da", "do", "dos", "di", "del", "y", "&", "on",
      "upon", "in", "at", "an");

  /** Word shape with runs collapsed: "Kyiv" → "Xx", "U.S." → "X.X.", "2024" → "d", "iPhone" → "xXx". */
  static String shape(String w) {
    if (CONNECTORS.contains(w)) {
      return "c:" + w;
    }
    StringBuilder sb = new StringBuilder(6);
    char last = 0;
    for (int i = 0; i < w.length() && sb.length() < 6; i++) {
      char c = w.charAt(i);
      char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
      if (k != last) {
        sb.append(k);
        last = k;
      }
    }
    return sb.toString();
  }
}
