package io.newswire.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learned half of the top-level topics: a multinomial naive Bayes model over every word of the title and body
 * (not only the keywords a person thought of), trained on the project's topic-labelled training articles by {@code
 * newswire tag train}. Keywords are precise but miss the words nobody listed; this model knows every word the
 * training articles use and how often each topic uses it. {@link Topics} blends the two.
 *
 * <p>Each word's weight is counted as the keyword rules count it (a title word three times, a word of the first
 * paragraph twice) and capped at three in scoring, so one word repeated down a long article cannot decide alone.
 */
public final class TopicWords {
  static final String RESOURCE = "/io/newswire/tagger/topic-words.tsv";
  /** Additive smoothing; 0.2 was best by cross-validation on the training articles (0.1: 0.875, 1.0: 0.814 held out). */
  static final double SMOOTHING = 0.2;
  private static final double CAP = 3;
  /**
   * Naive Bayes multiplies hundreds of word likelihoods as if they were independent, so its probabilities are
   * nearly always 0 or 1; dividing the log-scores by this softens them into evidence the keywords can still
   * outweigh (cross-validated with the blend's weight on the training articles: 1 gave 0.920, 3 0.923, 10 0.923
   * with a softer blend, 30 0.915).
   */
  static final double TEMPERATURE = 10;
  /**
   * The words' evidence is scaled down to at most this much (the sum of their capped weights): about what a median
   * training article carries (62). The model learned from articles of that length; on the long pages of other
   * publishers its certainty otherwise grew with every paragraph of background, and 30 English news pages from the
   * extraction set, labelled by the section in their addresses, went from 24 right with keywords alone to 17 with
   * the blend (25 with this cap; the held-out articles, short like the training ones, did not move).
   */
  static final double EVIDENCE = 60;
  /**
   * Function words, reporting verbs and the commonest general words. They carry the voice of the training articles
   * rather than their topic: with only the 50 commonest left out, first-person blogs and reports of other
   * publishers read as human interest or lifestyle (the word model put 42 of 61 pages of other publishers right in
   * the blend, 47 with this list; the training articles cross-validated the same, 0.908 against 0.911).
   */
  private static final Set<String> STOP = WordSet.copyOf(java.util.Arrays.asList((
      "the a an and or nor but if then else so than as of to in on at by for with from into onto upon over under "
      + "about above below between among through during before after since until till against across along around "
      + "behind beyond within without off out up down via per is was were be been being are am it its it's this "
      + "that these those there here he she they we you i me him her them us my your his their our mine yours "
      + "ours theirs who whom whose which what when where why how whether while because although though unless "
      + "said says say saying told tell has have had having do does did done will would shall should can could "
      + "may might must not no yes all any some each every both either neither one ones other others another "
      + "such same own very just only also too even still yet already again ever never now then more most less "
      + "least much many few lot lots new like well really quite rather get got gets make made makes go goes went "
      + "gone come came take took know think see seen way thing things something anything nothing everything "
      + "someone anyone everyone people year years time times day days week weeks month months today yesterday "
      + "last first next two three four five").split(" ")));

  final String[] codes;
  /** What the model was built from, for writing it out. */
  private final double[] prior;
  private final Map<String, double[]> counts;
  private final double[] logPrior;
  /** Each known word's number, and by number its log-likelihood under each topic. */
  private final Map<String, Integer> index = new HashMap<>();
  private final double[][] logLikelihood;
  /** Per thread: each word's weight so far in the article being scored, and which words it has. */
  private final ThreadLocal<double[]> weights;
  private final ThreadLocal<int[]> seen;

  /**
   * @param codes the topics' codes, in the order of the counts
   * @param prior how many training articles each topic has (a second topic of an article counts half)
   * @param counts each word's weighted count in each topic's articles
   */
  public TopicWords(String[] codes, double[] prior, Map<String, double[]> counts) {
    this.codes = codes.clone();
    int k = codes.length;
    double articles = 0;
    for (double p : prior) {
      articles += p;
    }
    logPrior = new double[k];
    double[] totals = new double[k];
    for (int t = 0; t < k; t++) {
      logPrior[t] = Math.log((prior[t] + 1) / (articles + k));
    }
    for (double[] c : counts.values()) {
      for (int t = 0; t < k; t++) {
        totals[t] += c[t];
      }
    }
    int vocabulary = counts.size();
    logLikelihood = new double[vocabulary][];
    for (Map.Entry<String, double[]> e : new TreeMap<>(counts).entrySet()) {
      double[] l = new double[k];
      for (int t = 0; t < k; t++) {
        l[t] = Math.log((e.getValue()[t] + SMOOTHING) / (totals[t] + SMOOTHING * vocabulary));
      }
      logLikelihood[index.size()] = l;
      index.put(e.getKey(), index.size());
    }
    weights = ThreadLocal.withInitial(() -> new double[vocabulary]);
    seen = ThreadLocal.withInitial(() -> new int[vocabulary]);
    this.prior = prior.clone();
    this.counts = counts;
  }

  /** The shipped model. */
  static TopicWords shipped() {
    try (InputStream in = TopicWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the model's file: a {@code codes} line, a {@code prior} line, then one line per word with its counts as
   * {@code topicIndex:count} pairs (most words occur under few topics).
   */
  static TopicWords read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] codes = null;
    double[] prior = null;
    Map<String, double[]> counts = new HashMap<>();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols[0].equals("codes")) {
        codes = cols[1].split(",");
      } else if (cols[0].equals("prior")) {
        prior = java.util.Arrays.stream(cols[1].split(",")).mapToDouble(Double::parseDouble).toArray();
      } else if (codes == null) {
        throw new IOException("A topic words file starts with its codes line, not: " + line);
      } else {
        double[] c = new double[codes.length];
        for (String pair : cols[1].split(",")) {
          int colon = pair.indexOf(':');
          c[Integer.parseInt(pair.substring(0, colon))] = Double.parseDouble(pair.substring(colon + 1));
        }
        counts.put(cols[0], c);
      }
    }
    if (codes == null || prior == null) {
      throw new IOException("A topic words file needs its codes and prior lines");
    }
    return new TopicWords(codes, prior, counts);
  }

  /** The model's file, sorted by word so that the same articles give the same file. */
  public String write() {
    StringBuilder out = new StringBuilder("# Topic words: weighted counts of each word in each top-level topic's training"
        + " articles\n# (written by `newswire tag train` from training/corpus/news-train.txt; see docs/TAGGER.md)\n");
    out.append("codes\t").append(String.join(",", codes)).append('\n');
    out.append("prior\t");
    for (int t = 0; t < prior.length; t++) {
      out.append(t == 0 ? "" : ",").append(number(prior[t]));
    }
    out.append('\n');
    for (Map.Entry<String, double[]> e : new TreeMap<>(counts).entrySet()) {
      out.append(e.getKey()).append('\t');
      boolean first = true;
      for (int t = 0; t < codes.length; t++) {
        if (e.getValue()[t] > 0) {
          out.append(first ? "" : ",").append(t).append(':').append(number(e.getValue()[t]));
          first = false;
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String number(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  /**
   * The probability of each topic (in the order of {@code codes}) given the lower-case words of the title, the first
   * paragraph and the rest ({@link Topics#parts}).
   */
  double[] probabilities(String[][] parts) {
    double[] weight = weights.get();
    int[] words = seen.get();
    int distinct = 0;
    for (int p = 0; p < parts.length; p++) {
      double w = Topics.weight(p);
      for (String word : parts[p]) {
        Integer i = counted(word) ? index.get(word) : null;
        if (i != null) {
          if (weight[i] == 0) {
            words[distinct++] = i;
          }
          weight[i] += w;
        }
      }
    }
    double[] score = new double[logPrior.length];
    double total = 0;
    for (int d = 0; d < distinct; d++) {
      int i = words[d];
      double w = Math.min(weight[i], CAP);
      total += w;
      weight[i] = 0;
      double[] l = logLikelihood[i];
      for (int t = 0; t < score.length; t++) {
        score[t] += w * l[t];
      }
    }
    double scale = total > EVIDENCE ? EVIDENCE / total : 1;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < score.length; t++) {
      score[t] = (logPrior[t] + score[t] * scale) / TEMPERATURE;
      max = Math.max(max, score[t]);
    }
    double sum = 0;
    for (int t = 0; t < score.length; t++) {
      score[t] = Math.exp(score[t] - max);
      sum += score[t];
    }
    for (int t = 0; t < score.length; t++) {
      score[t] /= sum;
    }
    return score;
  }

  /** The article's words in lower case with their weights: title 3, first paragraph 2, the rest 1 per occurrence. */
  public static Map<String, Double> features(String title, String body) {
    Map<String, Double> f = new HashMap<>();
    String[][] parts = Topics.parts(title, body);
    for (int p = 0; p < parts.length; p++) {
      double w = Topics.weight(p);
      for (String word : parts[p]) {
        if (counted(word)) {
          f.merge(word, w, Double::sum);
        }
      }
    }
    return f;
  }

  /** Words of two letters or more that start with a letter, other than the commonest function words. */
  private static boolean counted(String word) {
    return word.length() >= 2 && Character.isLetter(word.charAt(0)) && !STOP.contains(word);
  }
}
