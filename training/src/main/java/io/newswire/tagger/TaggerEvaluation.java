package io.newswire.tagger;

import io.newswire.schema.MediaTopic;
import io.newswire.schema.Quote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures a tagger on text it was not trained on: the held-out part of the project's own articles (entities,
 * top-level topic, quote speakers) and the held-out documents of wikigold (entities). See docs/TAGGER.md.
 */
public final class TaggerEvaluation {
  /** The first wikigold documents are for training; the rest are never trained or tuned on. */
  public static final int WIKIGOLD_TRAIN_DOCS = 100;
  /** Quotes shorter than this many words are titles or scare quotes, not speech: not scored. */
  private static final int MIN_QUOTE_WORDS = 4;

  /**
   * @param byTopic for each top-level topic (its label), how many articles whose first gold topic it is were given
   *     a right first topic, and how many there were: {right, total}
   */
  public record Report(EntityScores news, EntityScores wikigold, int topicCorrect, int topicTotal, int speakerCorrect,
      int speakerTotal, int articles, int wikigoldDocs, java.util.SortedMap<String, int[]> byTopic) {
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
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/topics.tsv")) {
      labels.put(row[0].trim(), row[1].trim());
    }
    List<AnnotatedCorpus.Article> articles = AnnotatedCorpus.readNews(corpus.resolve(articlesFile));
    for (AnnotatedCorpus.Article a : articles) {
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
      String top = t.topics().stream().map(MediaTopic::getCode).filter(c -> c.endsWith("000000")).findFirst().orElse("none");
      String goldTopic = a.topics().get(0);
      int[] tally = byTopic.computeIfAbsent(goldTopic.substring(7, 9) + " " + labels.getOrDefault(goldTopic, goldTopic),
          k -> new int[2]);
      tally[1]++;
      if (a.topics().contains(top)) {
        topicCorrect++;
        tally[0]++;
      } else {
        mistakes.accept(a.id() + " topic: expected " + a.topics() + ", got " + top);
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
        byTopic);
  }
}
