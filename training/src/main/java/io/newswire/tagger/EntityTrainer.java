package io.newswire.tagger;

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
    int n = doc.size();
    Beam beam = new Beam(model, doc, EntityModel.BEAM);
    int[] best = new int[n];
    int[] feats = new int[EntityFeatures.MAX + 32];
    int sync = 0;
    for (int i = 0; i < n; i++) {
      beam.advance(i, false);
      boolean lost = !beam.holds(g, sync, i);
      boolean wrongAtTheEnd = i == n - 1
          && !java.util.Arrays.equals(beam.best(sync, i, best), sync, i + 1, g, sync, i + 1);
      if (lost || wrongAtTheEnd) {
        beam.best(sync, i, best);
        for (int u = sync; u <= i; u++) {
          move(model, doc, u, g, feats, totals, stamps, step, 1f);
          move(model, doc, u, best, feats, totals, stamps, step, -1f);
        }
        beam.restartFrom(g, i);
        System.arraycopy(g, sync, best, sync, i + 1 - sync); // the history the next tokens' features see
        sync = i + 1;
      }
      step++;
    }
    return step;
  }

  /** Adds {@code delta} to the weights of token u's features for its label in {@code labels}. */
  private static void move(EntityModel model, EntityFeatures.Doc doc, int u, int[] labels, int[] feats,
      double[] totals, int[] stamps, int step, float delta) {
    int count = model.features.extract(doc, u, u > 0 ? labels[u - 1] : -1, u > 1 ? labels[u - 2] : -1, feats);
    for (int f = 0; f < count; f++) {
      update(model.weights, totals, stamps, feats[f] * EntityModel.L + labels[u], step, delta);
    }
  }

  private static void update(float[] w, double[] totals, int[] stamps, int i, int step, float delta) {
    totals[i] += (step - stamps[i]) * w[i];
    stamps[i] = step;
    w[i] += delta;
  }
}
