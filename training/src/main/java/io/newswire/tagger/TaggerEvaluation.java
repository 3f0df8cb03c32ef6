package io.newswire.tagger;

import io.newswire.schema.MediaTopic;
import io.newswire.schema.Quote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures a tagger on text it was not trained on: the held-out part of the project's own articles (entities,
 * top-level topic, quote speakers) and the held-out documents of wikigold (entities). See docs/TAGGER.md.
 */
public final class TaggerEvaluation {
  /** The first wikigold documents are for training; the rest are never trained or tuned on. */
  public static final int WIKIGOLD_TRAIN_DOCS = 100;
  /** Folds of the training articles for out-of-fold topic evidence. */
  static final int FOLDS = 5;

  /** Quotes shorter than this many words are titles or scare quotes, not speech: not scored. */
  private static final int MIN_QUOTE_WORDS = 4;

  /**
   * @param byTopic for each top-level topic (its label), how many articles whose first gold topic it is were given
   *     a right first topic, and how many there were: {right, total}
   * @param confusions for each wrong first topic, "gold label → given label" and how many articles
   */
  public record Report(EntityScores news, EntityScores wikigold, int topicCorrect, int topicTotal, int speakerCorrect,
      int speakerTotal, int articles, int wikigoldDocs, java.util.SortedMap<String, int[]> byTopic,
      List<double[]> topicScores, List<double[]> rawTopicScores, Map<String, int[]> topicsOfArticles, int shortCorrect,
      int withoutTopic, java.util.SortedMap<String, Integer> confusions) {
    public double topicAccuracy() {
      return topicTotal == 0 ? 0 : (double) topicCorrect / topicTotal;
    }

    public double speakerAccuracy() {
      return speakerTotal == 0 ? 0 : (double) speakerCorrect / speakerTotal;
    }
  }

  private TaggerEvaluation() {}

  public static Report run(NewswireTagger tagger, Path corpus, Consumer<String> mistakes) throws IOException {
    return run(tagger, corpus, "news-heldout.txt", mistakes);
  }

  /**
   * Scores the entities of a CoNLL file with gold tags in its last column (IOB1 or IOB2), each document tagged
   * as {@code newswire tag --conll} tags it: the project's wire test set, or a user's own test set.
   */
  public static EntityScores conll(NewswireTagger tagger, Path file, Consumer<String> mistakes) throws IOException {
    EntityScores scores = new EntityScores();
    int doc = 0;
    for (EntityTrainer.Example d : AnnotatedCorpus.readConll(file)) {
      doc++;
      String[] predicted = tagger.tagTokens(d.words(), d.sentenceStart());
      scores.add(d.tags(), predicted);
      for (String diff : EntityScores.differences(d.words(), d.tags(), predicted)) {
        mistakes.accept("document " + doc + " entity: " + diff);
      }
    }
    return scores;
  }

  /**
   * Scores the articles of {@code articlesFile}: the held-out file for the figures, or the training file when
   * tuning topic rules and quote attribution (which must never be tuned on the held-out file).
   */
  public static Report run(NewswireTagger tagger, Path corpus, String articlesFile, Consumer<String> mistakes)
      throws IOException {
    EntityScores news = new EntityScores();
    int topicCorrect = 0;
    int speakerCorrect = 0;
    int speakerTotal = 0;
    java.util.SortedMap<String, int[]> byTopic = new java.util.TreeMap<>();
    java.util.SortedMap<String, Integer> confusions = new java.util.TreeMap<>();
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/topics.tsv")) {
      labels.put(row[0].trim(), row[1].trim());
    }
    List<AnnotatedCorpus.Article> articles = AnnotatedCorpus.readNews(corpus.resolve(articlesFile));
    List<double[]> topicScores = new ArrayList<>();
    List<double[]> rawTopicScores = new ArrayList<>();
    Map<String, int[]> topicsOfArticles = new java.util.TreeMap<>();
    int shortCorrect = 0;
    int withoutTopic = 0;
    // On the training articles the learned topic model has seen each article: the raw evidence for fitting the
    // calibration comes from five models each trained without a fifth of the articles (out of fold).
    boolean training = articlesFile.equals("news-train.txt");
    List<TopicWords> folds = new ArrayList<>();
    for (int f = 0; training && f < FOLDS; f++) {
      List<AnnotatedCorpus.Article> rest = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        if (i % FOLDS != f) {
          rest.add(articles.get(i));
        }
      }
      folds.add(TaggerTraining.topicWords(rest));
    }
    int index = -1;
    for (AnnotatedCorpus.Article a : articles) {
      index++;
      // The same article as a short item: its headline and first two sentences, as wire snippets come.
      List<MediaTopic> shortTopics = tagger.tag(a.title(), firstSentences(a.body(), 2)).topics();
      String shortTop = shortTopics.stream().map(MediaTopic::getCode).filter(c -> c.endsWith("000000")).findFirst()
          .orElse("none");
      if (a.topics().contains(shortTop)) {
        shortCorrect++;
      }
      EntityTrainer.Example gold = AnnotatedCorpus.example(a);
      Tagging t = tagger.tag(a.title(), a.body());
      String[] predicted = new String[gold.words().length];
      java.util.Arrays.fill(predicted, "O");
      List<Token> tokens = Token.of(a.text());
      for (var e : t.entities()) {
        for (var m : e.getMentions()) {
          boolean first = true;
          for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= m.getStart() && tokens.get(i).start() < m.getEnd()) {
              predicted[i] = (first ? "B-" : "I-") + e.getType();
              first = false;
            }
          }
        }
      }
      news.add(gold.tags(), predicted);
      for (String diff : EntityScores.differences(gold.words(), gold.tags(), predicted)) {
        mistakes.accept(a.id() + " entity: " + diff);
      }
      // Calibration: each reported top-level topic's score, and whether it is one of the article's topics.
      // {score, right, 1 for the article's first topic}
      int rank = 0;
      for (MediaTopic m : t.topics()) {
        if (m.getCode().endsWith("000000")) {
          topicScores.add(new double[] {m.getScore(), a.topics().contains(m.getCode()) ? 1 : 0, rank++ == 0 ? 1 : 0});
        }
      }
      rank = 0;
      for (MediaTopic m : training ? tagger.rawTopics(a.title(), a.body(), folds.get(index % FOLDS))
          : tagger.rawTopics(a.title(), a.body())) {
        if (m.getCode().endsWith("000000")) {
          rawTopicScores.add(
              new double[] {m.getScore(), a.topics().contains(m.getCode()) ? 1 : 0, rank++ == 0 ? 1 : 0});
        }
      }
      // Which top-level topics the articles have, for the topic given to an article without evidence.
      a.topics().stream().filter(c -> c.endsWith("000000")).forEach(c -> topicsOfArticles.computeIfAbsent(c, k -> new int[1])[0]++);
      topicsOfArticles.computeIfAbsent("", k -> new int[1])[0]++; // the number of articles
      String top = t.topics().stream().map(MediaTopic::getCode).filter(c -> c.endsWith("000000")).findFirst().orElse("none");
      if (top.equals("none") || shortTop.equals("none")) {
        withoutTopic++;
      }
      String goldTopic = a.topics().get(0);
      int[] tally = byTopic.computeIfAbsent(goldTopic.substring(7, 9) + " " + labels.getOrDefault(goldTopic, goldTopic),
          k -> new int[2]);
      tally[1]++;
      if (a.topics().contains(top)) {
        topicCorrect++;
        tally[0]++;
      } else {
        mistakes.accept(a.id() + " topic: expected " + a.topics() + ", got " + top);
        confusions.merge(labels.getOrDefault(goldTopic, goldTopic) + " → " + labels.getOrDefault(top, top), 1,
            Integer::sum);
      }
      List<Quote> quotes = new ArrayList<>();
      for (Quote q : t.quotes()) {
        if (q.getText().strip().split("\\s+").length >= MIN_QUOTE_WORDS) {
          quotes.add(q);
        }
      }
      for (int i = 0; i < a.speakers().size(); i++) {
        speakerTotal++;
        String expected = a.speakers().get(i);
        String got = i < quotes.size() ? quotes.get(i).getSpeaker() : null;
        if (expected.equals(got) || expected.equals("-") && got == null) {
          speakerCorrect++;
        } else {
          mistakes.accept(a.id() + " quote " + (i + 1) + ": expected " + expected + ", got " + got);
        }
      }
    }
    EntityScores wiki = new EntityScores();
    List<EntityTrainer.Example> docs = AnnotatedCorpus.readConll(corpus.resolve("wikigold.conll.txt"));
    List<EntityTrainer.Example> heldOut = docs.subList(WIKIGOLD_TRAIN_DOCS, docs.size());
    for (EntityTrainer.Example d : heldOut) {
      wiki.add(d.tags(), tagger.tagTokens(d.words(), d.sentenceStart()));
    }
    return new Report(news, wiki, topicCorrect, articles.size(), speakerCorrect, speakerTotal, articles.size(), heldOut.size(),
        byTopic, topicScores, rawTopicScores, topicsOfArticles, shortCorrect, withoutTopic, confusions);
  }

  /** The first {@code n} sentences of a text (a full stop, question or exclamation mark, then a space or line end). */
  static String firstSentences(String text, int n) {
    int end = 0;
    for (int found = 0; found < n; found++) {
      int next = -1;
      for (int i = end; i < text.length() - 1; i++) {
        char c = text.charAt(i);
        if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
          next = i + 1;
          break;
        }
      }
      if (next < 0) {
        return text;
      }
      end = next;
    }
    return text.substring(0, end);
  }

  /**
   * A reliability table of (score, right) pairs: for each band of scores, how many, their mean score and how
   * often they were right; and the expected calibration error (the count-weighted mean gap).
   */
  public static String reliability(List<double[]> pairs) {
    double[] edges = {0, 0.2, 0.4, 0.6, 0.8, 1.0001};
    StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-11s %6s %10s %10s%n", "score",
        "topics", "mean score", "right"));
    double gap = 0;
    for (int b = 0; b + 1 < edges.length; b++) {
      double lo = edges[b];
      double hi = edges[b + 1];
      List<double[]> in = pairs.stream().filter(p -> p[0] >= lo && p[0] < hi).toList();
      if (in.isEmpty()) {
        continue;
      }
      double mean = in.stream().mapToDouble(p -> p[0]).average().orElse(0);
      double right = in.stream().mapToDouble(p -> p[1]).average().orElse(0);
      gap += in.size() * Math.abs(mean - right);
      out.append(String.format(java.util.Locale.ROOT, "  %.1f–%.1f %8d %10.3f %10.3f%n", lo, Math.min(1, hi), in.size(),
          mean, right));
    }
    out.append(String.format(java.util.Locale.ROOT, "  expected calibration error %.3f over %d topics%n",
        pairs.isEmpty() ? 0 : gap / pairs.size(), pairs.size()));
    return out.toString();
  }

  /**
   * The calibration table: isotonic regression (pool adjacent violators) of rightness on raw evidence, as
   * {@code upperBound TAB probability} lines, and the fallback topic for articles without evidence: the one
   * articles have most often ({@code topicsOfArticles}: how many articles have each top-level topic, and under
   * "" how many articles there are).
   */
  public static String fitCalibration(List<double[]> rawPairs, Map<String, int[]> topicsOfArticles) {
    StringBuilder out = new StringBuilder("# Topic score calibration: raw evidence upper bound, probability right\n"
        + "# (isotonic regression on " + rawPairs.size() + " reported top-level topics of the training articles;\n"
        + "# written by `newswire tag eval --on train --fit-calibration FILE`); rows marked \"first\" are for an\n"
        + "# article's first topic, fitted apart: it is right more often at the same evidence.\n");
    isotonic(rawPairs.stream().filter(p -> p.length < 3 || p[2] == 0).toList(), "", out);
    isotonic(rawPairs.stream().filter(p -> p.length >= 3 && p[2] == 1).toList(), "first\t", out);
    // An article without any keyword evidence gets the most common topic, scored by how often articles have it.
    int total = topicsOfArticles.getOrDefault("", new int[] {1})[0];
    topicsOfArticles.entrySet().stream().filter(e -> !e.getKey().isEmpty())
        .max(java.util.Comparator.comparingInt(e -> e.getValue()[0]))
        .ifPresent(e -> out.append(String.format(java.util.Locale.ROOT, "fallback\t%s\t%.3f%n", e.getKey(),
            e.getValue()[0] / (double) total)));
    return out.toString();
  }

  /** Pool adjacent violators of rightness on raw evidence, written as {@code prefix upperBound TAB probability}. */
  private static void isotonic(List<double[]> pairs, String prefix, StringBuilder out) {
    List<double[]> sorted = new ArrayList<>(pairs);
    sorted.sort((x, y) -> Double.compare(x[0], y[0]));
    // blocks of {upper bound, sum of rightness, count}
    List<double[]> blocks = new ArrayList<>();
    for (double[] p : sorted) {
      blocks.add(new double[] {p[0], p[1], 1});
      while (blocks.size() >= 2) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] before = blocks.get(blocks.size() - 2);
        if (before[1] / before[2] < last[1] / last[2]) {
          break;
        }
        before[0] = last[0];
        before[1] += last[1];
        before[2] += last[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    // Each block's rate with one right and one wrong added (a block of three wrong is not "never right"), kept
    // increasing.
    double floor = 0;
    for (int i = 0; i < blocks.size(); i++) {
      double[] b = blocks.get(i);
      double bound = i == blocks.size() - 1 ? 1.0 : b[0];
      floor = Math.max(floor, (b[1] + 1) / (b[2] + 2));
      out.append(String.format(java.util.Locale.ROOT, "%s%.4f\t%.3f%n", prefix, bound, floor));
    }
  }
}
