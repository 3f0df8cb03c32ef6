package io.newswire.tagger;

/**
 * The best few label sequences of a document so far, extended one token at a time: what the entity model
 * decodes with and what its training searches with. A sequence's score is the sum of its labels' scores; the
 * features that do not depend on the previous labels are scored once per token, the few that do once per
 * distinct pair of previous labels among the sequences kept. Sequences are kept as back pointers.
 */
final class Beam {
  private final EntityModel model;
  private final EntityFeatures.Doc doc;
  private final int width;
  private final int[][] back;
  private final int[][] label;
  private float[] total;
  private float[] nextTotal;
  private int[] prev;
  private int[] prev2;
  private int[] nextPrev;
  private int[] nextPrev2;
  private int size = 1;
  private final int[] feats = new int[EntityFeatures.MAX + 32];
  private final float[] fixed = new float[EntityModel.L];
  private final float[][] scores;
  private final int[] candFrom;
  private final int[] candLabel;
  private final float[] candScore;

  Beam(EntityModel model, EntityFeatures.Doc doc, int width) {
    this.model = model;
    this.doc = doc;
    this.width = width;
    int n = doc.size();
    back = new int[n][width];
    label = new int[n][width];
    total = new float[width];
    nextTotal = new float[width];
    prev = new int[width];
    prev2 = new int[width];
    nextPrev = new int[width];
    nextPrev2 = new int[width];
    prev[0] = -1;
    prev2[0] = -1;
    scores = new float[width][EntityModel.L];
    candFrom = new int[width * EntityModel.L];
    candLabel = new int[width * EntityModel.L];
    candScore = new float[width * EntityModel.L];
  }

  /**
   * Extends every sequence with each label of token i and keeps the best {@code width}. {@code constrained}
   * applies decoding's label constraints (an I-X only after B-X or I-X; some tokens cannot start a name);
   * training goes without them, so that every mistake teaches.
   */
  void advance(int i, boolean constrained) {
    int labels = EntityModel.L;
    model.score(feats, model.features.extractFixed(doc, i, feats, 0), fixed);
    boolean startable = !constrained || doc.startable[i];
    // No name runs across a line break: the search picks the best label that starts afresh there.
    boolean fresh = constrained && doc.lineStart != null && doc.lineStart[i];
    int c = 0;
    for (int h = 0; h < size; h++) {
      int same = -1;
      for (int e = 0; e < h && same < 0; e++) {
        if (prev[e] == prev[h] && prev2[e] == prev2[h]) {
          same = e;
        }
      }
      if (same >= 0) {
        System.arraycopy(scores[same], 0, scores[h], 0, labels);
      } else {
        model.score(feats, model.features.extractContext(doc, i, prev[h], prev2[h], feats, 0), scores[h]);
        for (int k = 0; k < labels; k++) {
          scores[h][k] += fixed[k];
        }
      }
      for (int k = 0; k < labels; k++) {
        if (!constrained || EntityModel.allowed(fresh ? 0 : prev[h], k) && (startable || k % 2 == 0)) {
          candFrom[c] = h;
          candLabel[c] = k;
          candScore[c] = total[h] + scores[h][k];
          c++;
        }
      }
    }
    int kept = 0;
    for (; kept < width && kept < c; kept++) {
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
    float[] totals = total;
    total = nextTotal;
    nextTotal = totals;
    int[] p = prev;
    prev = nextPrev;
    nextPrev = p;
    p = prev2;
    prev2 = nextPrev2;
    nextPrev2 = p;
  }

  /** The labels of the best sequence at positions {@code from} to {@code i} (token i the last one advanced). */
  int[] best(int from, int i, int[] out) {
    for (int t = i, slot = 0; t >= from; t--) {
      out[t] = label[t][slot];
      slot = back[t][slot];
    }
    return out;
  }

  /** Whether one of the sequences kept has the gold labels from {@code from} to {@code i}. */
  boolean holds(int[] gold, int from, int i) {
    for (int s = 0; s < size; s++) {
      boolean same = true;
      for (int t = i, slot = s; t >= from && same; t--) {
        same = label[t][slot] == gold[t];
        slot = back[t][slot];
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** Carries on from the gold sequence alone, as if it were the one sequence kept after token i. */
  void restartFrom(int[] gold, int i) {
    size = 1;
    total[0] = 0;
    prev[0] = gold[i];
    prev2[0] = i > 0 ? gold[i - 1] : -1;
    label[i][0] = gold[i];
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
