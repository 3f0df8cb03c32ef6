package io.newswire.enrich.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains the {@link EntityModel} as a structured averaged perceptron over label sequences, searched with the
 * same beam as decoding (see {@link #train(EntityModel, EntityFeatures.Doc, int[], double[], int[], int)}).
 * Averaging the weights over every step (lazily, with timestamps) is what keeps a perceptron from overfitting
 * the last examples it saw.
 */
public final class EntityTrainer {
  /** A training document: tokens, sentence starts and gold IOB tags. */
  public record Example(String[] words, boolean[] sentenceStart, String[] tags) {}

  private final Lexicon lexicon;
  private final int bits;

  public EntityTrainer(int bits) {
    this.lexicon = NewswireTagger.lexicon();
    this.bits = bits;
  }

  EntityModel train(List<Example> examples, int epochs, long seed, java.util.function.IntConsumer progress) {
    EntityModel model = new EntityModel(bits);
    float[] w = model.weights;
    double[] totals = new double[w.length];
    int[] stamps = new int[w.length];
    int step = 1;
    List<EntityFeatures.Doc> docs = new ArrayList<>();
    List<int[]> gold = new ArrayList<>();
    for (Example e : examples) {
      docs.add(new EntityFeatures.Doc(e.words(), e.sentenceStart(), lexicon));
      int[] g = new int[e.tags().length];
      for (int i = 0; i < g.length; i++) {
        g[i] = EntityModel.label(e.tags()[i]);
      }
      gold.add(g);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int d : order) {
        step = train(model, docs.get(d), gold.get(d), totals, stamps, step);
      }
      progress.accept(epoch + 1);
    }
    for (int i = 0; i < w.length; i++) {
      totals[i] += (step - stamps[i]) * w[i];
      w[i] = (float) (totals[i] / step);
    }
    return model;
  }

  /**
   * One document: decode left to right keeping the best {@link EntityModel#BEAM} label sequences, as decoding
   * does but without its label constraints (every mistake teaches); when the gold sequence falls out of the beam,
   * or is not the best at the end, move weight from the best sequence's features to the gold one's over the
   * tokens since the last such point, and carry on from the gold sequence (learning as search optimisation).
   * Returns the next averaging step.
   */
  private static int train(EntityModel model, EntityFeatures.Doc doc, int[] g, double[] totals, int[] stamps,
      int step) {
    float[] w = model.weights;
    int n = doc.size();
    int width = EntityModel.BEAM;
    int L = EntityModel.L;
    int[][] hist = new int[width][n];
    float[] total = new float[width];
    int size = 1;
    int sync = 0;
    int[] feats = new int[EntityFeatures.MAX + 32];
    float[] scores = new float[L];
    int[][] nextHist = new int[width][n];
    float[] nextTotal = new float[width];
    int[] candFrom = new int[width * L];
    int[] candLabel = new int[width * L];
    float[] candScore = new float[width * L];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int h = 0; h < size; h++) {
        int prev = i > 0 ? hist[h][i - 1] : -1;
        int prev2 = i > 1 ? hist[h][i - 2] : -1;
        int count = model.features.extract(doc, i, prev, prev2, feats);
        model.score(feats, count, scores);
        for (int k = 0; k < L; k++) {
          candFrom[c] = h;
          candLabel[c] = k;
          candScore[c] = total[h] + scores[k];
          c++;
        }
      }
      int kept = 0;
      boolean[] used = new boolean[c];
      boolean goldIn = false;
      while (kept < width && kept < c) {
        int best = -1;
        for (int j = 0; j < c; j++) {
          if (!used[j] && (best < 0 || candScore[j] > candScore[best])) {
            best = j;
          }
        }
        used[best] = true;
        System.arraycopy(hist[candFrom[best]], 0, nextHist[kept], 0, i);
        nextHist[kept][i] = candLabel[best];
        nextTotal[kept] = candScore[best];
        boolean same = true;
        for (int t = sync; t <= i && same; t++) {
          same = nextHist[kept][t] == g[t];
        }
        goldIn |= same;
        kept++;
      }
      int[][] t = hist;
      hist = nextHist;
      nextHist = t;
      float[] tt = total;
      total = nextTotal;
      nextTotal = tt;
      size = kept;
      boolean last = i == n - 1;
      boolean bestIsGold = true;
      for (int u = sync; u <= i && bestIsGold; u++) {
        bestIsGold = hist[0][u] == g[u];
      }
      if (!goldIn || last && !bestIsGold) {
        for (int u = sync; u <= i; u++) {
          int cg = model.features.extract(doc, u, u > 0 ? g[u - 1] : -1, u > 1 ? g[u - 2] : -1, feats);
          for (int f = 0; f < cg; f++) {
            update(w, totals, stamps, feats[f] * L + g[u], step, 1f);
          }
          int cp = model.features.extract(doc, u, u > 0 ? hist[0][u - 1] : -1, u > 1 ? hist[0][u - 2] : -1, feats);
          for (int f = 0; f < cp; f++) {
            update(w, totals, stamps, feats[f] * L + hist[0][u], step, -1f);
          }
        }
        System.arraycopy(g, 0, hist[0], 0, i + 1);
        total[0] = 0;
        size = 1;
        sync = i + 1;
      }
      step++;
    }
    return step;
  }

  private static void update(float[] w, double[] totals, int[] stamps, int i, int step, float delta) {
    totals[i] += (step - stamps[i]) * w[i];
    stamps[i] = step;
    w[i] += delta;
  }
}
