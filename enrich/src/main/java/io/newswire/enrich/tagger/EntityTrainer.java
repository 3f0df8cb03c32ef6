package io.newswire.enrich.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains the {@link EntityModel} as an averaged perceptron: for each token, predict with the gold previous
 * labels' context replaced by the model's own (so training sees what decoding sees), and on a mistake move
 * weight from the predicted label's features to the gold label's. Averaging the weights over every step
 * (lazily, with timestamps) is what keeps a perceptron from overfitting the last examples it saw.
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
    int[] feats = new int[EntityFeatures.MAX + 32];
    float[] scores = new float[EntityModel.L];
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int d : order) {
        EntityFeatures.Doc doc = docs.get(d);
        int[] g = gold.get(d);
        int prev = -1;
        int prev2 = -1;
        for (int i = 0; i < doc.size(); i++) {
          int count = model.features.extract(doc, i, prev, prev2, feats);
          model.score(feats, count, scores);
          int best = 0;
          float bestScore = Float.NEGATIVE_INFINITY;
          for (int k = 0; k < EntityModel.L; k++) {
            if (scores[k] > bestScore) { // no masks while training: every mistake teaches
              bestScore = scores[k];
              best = k;
            }
          }
          if (best != g[i]) {
            for (int f = 0; f < count; f++) {
              int base = feats[f] * EntityModel.L;
              update(w, totals, stamps, base + g[i], step, 1f);
              update(w, totals, stamps, base + best, step, -1f);
            }
          }
          step++;
          prev2 = prev;
          prev = best;
        }
      }
      progress.accept(epoch + 1);
    }
    for (int i = 0; i < w.length; i++) {
      totals[i] += (step - stamps[i]) * w[i];
      w[i] = (float) (totals[i] / step);
    }
    return model;
  }

  private static void update(float[] w, double[] totals, int[] stamps, int i, int step, float delta) {
    totals[i] += (step - stamps[i]) * w[i];
    stamps[i] = step;
    w[i] += delta;
  }
}
