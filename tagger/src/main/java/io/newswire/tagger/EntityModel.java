package io.newswire.tagger;

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
   * A token without a letter or digit cannot start a name, nor can a measurement ("46C", "10km", "5bn"), an
   * agency's slug in capitals ("UPDATE 2-Fed holds rates", "WRAPUP 1-Ukraine says...") or a capitalised verb of
   * saying ("..., SAYS WAIGEL").
   */
  static boolean canStart(String word) {
    if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
      return !measurement(word);
    }
    if (word.length() >= 3 && word.length() <= 9 && Character.isUpperCase(word.charAt(0))
        && (SLUGS.contains(word) || speech(word))) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetterOrDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> SLUGS = WordSet.of("UPDATE", "WRAPUP", "EXCLUSIVE", "ANALYSIS",
      "BREAKING", "INSIGHT", "FACTBOX", "REFILE", "CORRECTED", "RPT", "PREVIEW", "TIMELINE", "EXPLAINER", "URGENT");
  /** Verbs of saying, which a headline puts before a name ("BONN TO CUT SPENDING , SAYS WAIGEL"). */
  private static final java.util.Set<String> SPEECH = WordSet.of("says", "said", "tells", "told", "warns",
      "urges", "asks", "admits", "denies", "insists", "vows");
  /** A verb of saying in any case, without building its lower-case form (this runs for every token). */
  private static boolean speech(String word) {
    for (String verb : SPEECH) {
      if (verb.length() == word.length() && verb.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> UNITS = WordSet.of("C", "F", "km", "kg", "g", "mg", "mm", "cm", "m",
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

  /** The best label sequence by beam search, with the label constraints applied (see {@link Beam}). */
  int[] predict(EntityFeatures.Doc doc) {
    int n = doc.size();
    Beam beam = new Beam(this, doc, BEAM);
    for (int i = 0; i < n; i++) {
      beam.advance(i, true);
    }
    return n == 0 ? new int[0] : beam.best(0, n - 1, new int[n]);
  }

  /**
   * The label the model prefers for token i among the first words of names (B-PER, B-ORG, B-LOC, B-MISC), with
   * these previous labels, and that label's margin over O (negative where O won).
   */
  float[] bestStart(EntityFeatures.Doc doc, int i, int prev, int prev2) {
    int[] feats = new int[EntityFeatures.MAX + 32];
    float[] fixed = new float[L];
    float[] context = new float[L];
    score(feats, features.extractFixed(doc, i, feats, 0), fixed);
    score(feats, features.extractContext(doc, i, prev, prev2, feats, 0), context);
    int best = 1;
    for (int k = 3; k < L; k += 2) {
      if (fixed[k] + context[k] > fixed[best] + context[best]) {
        best = k;
      }
    }
    return new float[] {best, fixed[best] + context[best] - fixed[0] - context[0]};
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
