package io.newswire.tagger;

import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 over exact entity spans, counted the way conlleval counts them: a predicted chunk
 * is correct only when its type, first token and last token all match a gold chunk.
 */
public final class EntityScores {
  private final Map<String, int[]> counts = new TreeMap<>(); // type -> {correct, predicted, gold}

  /** Adds one document's gold and predicted IOB tags (IOB1 or IOB2). */
  public void add(String[] gold, String[] predicted) {
    Map<String, String> g = chunks(AnnotatedCorpus.iob2(gold));
    Map<String, String> p = chunks(AnnotatedCorpus.iob2(predicted));
    for (Map.Entry<String, String> e : p.entrySet()) {
      int[] c = counts.computeIfAbsent(e.getValue(), k -> new int[3]);
      c[1]++;
      if (e.getValue().equals(g.get(e.getKey()))) {
        c[0]++;
      }
    }
    for (String type : g.values()) {
      counts.computeIfAbsent(type, k -> new int[3])[2]++;
    }
  }

  /** Chunks as "start:end" -> type. */
  private static Map<String, String> chunks(String[] tags) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < tags.length; i++) {
      if (tags[i].startsWith("B-")) {
        int j = i + 1;
        while (j < tags.length && tags[j].equals("I-" + tags[i].substring(2))) {
          j++;
        }
        out.put(i + ":" + j, tags[i].substring(2));
        i = j - 1;
      }
    }
    return out;
  }

  /** Chunks missed ("-") and chunks wrongly predicted ("+"), for reading a tagger's mistakes. */
  public static java.util.List<String> differences(String[] words, String[] gold, String[] predicted) {
    Map<String, String> g = chunks(AnnotatedCorpus.iob2(gold));
    Map<String, String> p = chunks(AnnotatedCorpus.iob2(predicted));
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : g.entrySet()) {
      if (!e.getValue().equals(p.get(e.getKey()))) {
        out.add("- " + e.getValue() + " " + text(words, e.getKey()));
      }
    }
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (!e.getValue().equals(g.get(e.getKey()))) {
        out.add("+ " + e.getValue() + " " + text(words, e.getKey()));
      }
    }
    return out;
  }

  private static String text(String[] words, String key) {
    String[] se = key.split(":");
    return String.join(" ", java.util.Arrays.copyOfRange(words, Integer.parseInt(se[0]), Integer.parseInt(se[1])));
  }

  public record Score(double precision, double recall, double f1, int gold) {}

  public Map<String, Score> byType() {
    Map<String, Score> out = new TreeMap<>();
    counts.forEach((type, c) -> out.put(type, score(c[0], c[1], c[2])));
    return out;
  }

  public Score overall() {
    int correct = 0;
    int predicted = 0;
    int gold = 0;
    for (int[] c : counts.values()) {
      correct += c[0];
      predicted += c[1];
      gold += c[2];
    }
    return score(correct, predicted, gold);
  }

  private static Score score(int correct, int predicted, int gold) {
    double p = predicted == 0 ? 0 : (double) correct / predicted;
    double r = gold == 0 ? 0 : (double) correct / gold;
    return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold);
  }
}
