package io.newswire.enrich.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An averaged perceptron over IOB labels, decoded left to right with a small beam: cheap enough for hundreds of
 * thousands of tokens a second, and trained in seconds by {@link EntityTrainer}. Weights live in one primitive
 * array indexed by feature bucket × label.
 */
final class EntityModel {
  static final String[] LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
  static final int L = LABELS.length;
  private static final int MAGIC = 0x4E574E45; // "NWNE"

  final int bits;
  final float[] weights;
  final EntityFeatures features;

  EntityModel(int bits) {
    this(bits, new float[(1 << bits) * L]);
  }

  private EntityModel(int bits, float[] weights) {
    this.bits = bits;
    this.weights = weights;
    this.features = new EntityFeatures(bits);
  }

  static int label(String tag) {
    for (int k = 0; k < L; k++) {
      if (LABELS[k].equals(tag)) {
        return k;
      }
    }
    return 0;
  }

  /**
   * A token without a letter or digit cannot start a name, nor can a measurement ("46C", "10km", "5bn") or an
   * agency's slug in capitals ("UPDATE 2-Fed holds rates", "WRAPUP 1-Ukraine says...").
   */
  static boolean canStart(String word) {
    if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
      return !measurement(word);
    }
    if (word.length() >= 3 && Character.isUpperCase(word.charAt(0)) && SLUGS.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetterOrDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> SLUGS = java.util.Set.of("UPDATE", "WRAPUP", "EXCLUSIVE", "ANALYSIS",
      "BREAKING", "INSIGHT", "FACTBOX", "REFILE", "CORRECTED", "RPT", "PREVIEW", "TIMELINE", "EXPLAINER", "URGENT");
  private static final java.util.Set<String> UNITS = java.util.Set.of("C", "F", "km", "kg", "g", "mg", "mm", "cm", "m",
      "ft", "lb", "lbs", "oz", "ha", "mph", "kph", "bn", "mn", "tn", "GW", "MW", "kW", "kWh", "GWh", "TWh", "GB", "TB",
      "MB", "Gbps", "Mbps", "pc", "%");

  /** A number followed by a unit of measure. "1860" (as in "1860 Munich") or "20th" are not measurements. */
  private static boolean measurement(String word) {
    int i = 0;
    while (i < word.length() && (Character.isDigit(word.charAt(i)) || word.charAt(i) == '.' || word.charAt(i) == ',')) {
      i++;
    }
    return i < word.length() && UNITS.contains(word.substring(i));
  }

  /** I-X may only follow B-X or I-X. */
  static boolean allowed(int prev, int label) {
    if (label == 0 || label % 2 == 1) {
      return true;
    }
    return prev == label || prev == label - 1;
  }

  /**
   * How many label sequences decoding and training keep. Chosen by 5-fold cross-validation on the training
   * articles (three fold assignments): greedy 0.899, 2 → 0.905, 3 → 0.909; 5 was no better than 3 on the one
   * assignment tried, and each sequence kept costs the label-dependent features once more per token.
   */
  static final int BEAM = 3;

  /**
   * The best label sequence by beam search: the scores of a sequence's labels add up, the label-independent
   * features are scored once per token and the label-dependent ones once per distinct pair of previous labels.
   * Decoding applies the label constraints (an I-X only after B-X or I-X; some tokens cannot start a name).
   */
  int[] predict(EntityFeatures.Doc doc) {
    int n = doc.size();
    int[] labels = new int[n];
    if (n == 0) {
      return labels;
    }
    int[][] back = new int[n][BEAM];
    int[][] label = new int[n][BEAM];
    float[] total = new float[BEAM];
    float[] nextTotal = new float[BEAM];
    int[] prev = new int[BEAM];
    int[] prev2 = new int[BEAM];
    int[] nextPrev = new int[BEAM];
    int[] nextPrev2 = new int[BEAM];
    int size = 1;
    prev[0] = -1;
    prev2[0] = -1;
    int[] feats = new int[EntityFeatures.MAX + 32];
    float[] fixed = new float[L];
    float[][] scores = new float[BEAM][L];
    int[] candFrom = new int[BEAM * L];
    int[] candLabel = new int[BEAM * L];
    float[] candScore = new float[BEAM * L];
    for (int i = 0; i < n; i++) {
      score(feats, features.extractFixed(doc, i, feats, 0), fixed);
      boolean startable = canStart(doc.words[i]);
      int c = 0;
      for (int h = 0; h < size; h++) {
        int same = -1;
        for (int e = 0; e < h && same < 0; e++) {
          if (prev[e] == prev[h] && prev2[e] == prev2[h]) {
            same = e;
          }
        }
        if (same >= 0) {
          System.arraycopy(scores[same], 0, scores[h], 0, L);
        } else {
          score(feats, features.extractContext(doc, i, prev[h], prev2[h], feats, 0), scores[h]);
          for (int k = 0; k < L; k++) {
            scores[h][k] += fixed[k];
          }
        }
        for (int k = 0; k < L; k++) {
          if (allowed(prev[h], k) && (startable || k % 2 == 0)) {
            candFrom[c] = h;
            candLabel[c] = k;
            candScore[c] = total[h] + scores[h][k];
            c++;
          }
        }
      }
      int kept = 0;
      for (; kept < BEAM && kept < c; kept++) {
        int best = kept;
        for (int j = kept + 1; j < c; j++) {
          if (candScore[j] > candScore[best]) {
            best = j;
          }
        }
        swap(candFrom, kept, best);
        swap(candLabel, kept, best);
        float t = candScore[kept];
        candScore[kept] = candScore[best];
        candScore[best] = t;
        back[i][kept] = candFrom[kept];
        label[i][kept] = candLabel[kept];
        nextTotal[kept] = candScore[kept];
        nextPrev[kept] = candLabel[kept];
        nextPrev2[kept] = prev[candFrom[kept]];
      }
      size = kept;
      float[] ft = total;
      total = nextTotal;
      nextTotal = ft;
      int[] it = prev;
      prev = nextPrev;
      nextPrev = it;
      it = prev2;
      prev2 = nextPrev2;
      nextPrev2 = it;
    }
    for (int i = n - 1, slot = 0; i >= 0; i--) {
      labels[i] = label[i][slot];
      slot = back[i][slot];
    }
    return labels;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  void score(int[] feats, int count, float[] scores) {
    java.util.Arrays.fill(scores, 0f);
    for (int f = 0; f < count; f++) {
      int base = feats[f] * L;
      for (int k = 0; k < L; k++) {
        scores[k] += weights[base + k];
      }
    }
  }

  void write(OutputStream target) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target, 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(bits);
      int rows = 0;
      for (int b = 0; b < 1 << bits; b++) {
        rows += nonZero(b) ? 1 : 0;
      }
      out.writeInt(rows);
      // Sparse rows: only features seen in training have weights.
      for (int b = 0; b < 1 << bits; b++) {
        if (nonZero(b)) {
          out.writeInt(b);
          for (int k = 0; k < L; k++) {
            out.writeFloat(weights[b * L + k]);
          }
        }
      }
    }
  }

  private boolean nonZero(int b) {
    for (int k = 0; k < L; k++) {
      if (weights[b * L + k] != 0f) {
        return true;
      }
    }
    return false;
  }

  static EntityModel read(InputStream source) {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalStateException("Not a Newswire entity model file");
      }
      int bits = in.readInt();
      EntityModel model = new EntityModel(bits);
      int rows = in.readInt();
      for (int r = 0; r < rows; r++) {
        int b = in.readInt();
        for (int k = 0; k < L; k++) {
          model.weights[b * L + k] = in.readFloat();
        }
      }
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the entity model", e);
    }
  }
}
