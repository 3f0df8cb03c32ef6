package io.newswire.tagger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the shipped entity model from the committed corpus, reproducibly (fixed seed, fixed order): the
 * project's own training articles, the training part of wikigold and generated sentences. The held-out
 * articles and wikigold's held-out documents are never read here.
 */
public final class TaggerTraining {
  public static final int BITS = Integer.getInteger("newswire.train.bits", 17);
  public static final int EPOCHS = Integer.getInteger("newswire.train.epochs", 12);
  public static final int ORDERS = Integer.getInteger("newswire.train.orders", 4);
  public static final long SEED = Long.getLong("newswire.train.seed", 20261127L);
  public static final int SYNTHETIC_DOCS = Integer.getInteger("newswire.train.synthetic", 500);
  private static final Pattern MARKED = Pattern.compile("\\[(PER|ORG|LOC|MISC) ([^\\]]+)\\]|\\S+");

  private TaggerTraining() {}

  public record Summary(int documents, int tokens, long millis) {}

  public static Summary train(Path corpus, Path model, Consumer<String> progress) throws IOException {
    long started = System.currentTimeMillis();
    List<EntityTrainer.Example> examples = examples(corpus, doc -> doc < TaggerEvaluation.WIKIGOLD_TRAIN_DOCS);
    int tokens = examples.stream().mapToInt(e -> e.words().length).sum();
    progress.accept(examples.size() + " training documents, " + tokens + " tokens");
    EntityModel trained = model(examples, progress);
    Files.createDirectories(model.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(model)) {
      trained.write(out);
    }
    Path words = model.resolveSibling(TOPIC_WORDS);
    Files.writeString(words, topicWords(AnnotatedCorpus.readNews(corpus.resolve("news-train.txt"))).write());
    progress.accept("topic words written to " + words);
    return new Summary(examples.size(), tokens, System.currentTimeMillis() - started);
  }

  /** Trains on the examples; one model per order they are seen in, averaged (the order alone moved F1 by ±0.005). */
  static EntityModel model(List<EntityTrainer.Example> examples, Consumer<String> progress) {
    EntityModel trained = new EntityModel(BITS);
    for (int k = 0; k < ORDERS; k++) {
      int order = k + 1;
      EntityModel one = new EntityTrainer(BITS).train(examples, EPOCHS, SEED + k,
          epoch -> progress.accept("order " + order + "/" + ORDERS + ", epoch " + epoch + "/" + EPOCHS));
      for (int w = 0; w < trained.weights.length; w++) {
        trained.weights[w] += one.weights[w] / ORDERS;
      }
    }
    return trained;
  }

  /** The learned topic model's file name, written beside the entity model. */
  public static final String TOPIC_WORDS = "topic-words.tsv";

  /**
   * Counts each word of the articles under their top-level topics, weighted as the topics weigh them (title 3,
   * first paragraph 2); an article's first topic counts whole, its others half, since the first is what it is
   * about.
   */
  public static TopicWords topicWords(List<AnnotatedCorpus.Article> articles) {
    List<String> codes = new ArrayList<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/topics.tsv")) {
      if (row.length > 2 && row[2].isBlank()) {
        codes.add(row[0].trim());
      }
    }
    double[] prior = new double[codes.size()];
    java.util.Map<String, double[]> counts = new java.util.HashMap<>();
    for (AnnotatedCorpus.Article a : articles) {
      java.util.Map<String, Double> features = TopicWords.features(a.title(), a.body());
      for (int k = 0; k < a.topics().size(); k++) {
        int t = codes.indexOf(a.topics().get(k));
        if (t < 0) {
          continue;
        }
        double weight = k == 0 ? 1 : 0.5;
        prior[t] += weight;
        for (java.util.Map.Entry<String, Double> f : features.entrySet()) {
          counts.computeIfAbsent(f.getKey(), x -> new double[codes.size()])[t] += f.getValue() * weight;
        }
      }
    }
    return new TopicWords(codes.toArray(String[]::new), prior, counts);
  }

  /** The training examples, with the wikigold documents (numbered from 0) that {@code wikiDoc} accepts. */
  static List<EntityTrainer.Example> examples(Path corpus, java.util.function.IntPredicate wikiDoc) throws IOException {
    List<EntityTrainer.Example> examples = new ArrayList<>();
    List<AnnotatedCorpus.Article> articles = AnnotatedCorpus.readNews(corpus.resolve("news-train.txt"));
    for (int i = 0; i < articles.size(); i++) {
      // Every second article without its dateline: nearly all of them have one, and text from feeds, pages and
      // the push endpoint mostly has none ("Given the risks..." after a title is not a name).
      AnnotatedCorpus.Article a = articles.get(i);
      examples.add(AnnotatedCorpus.example(i % 2 == 1 ? a.withoutDateline() : a));
    }
    List<EntityTrainer.Example> wiki = AnnotatedCorpus.readConll(corpus.resolve("wikigold.conll.txt"));
    if (!Boolean.getBoolean("newswire.train.nowiki")) {
      for (int d = 0; d < wiki.size(); d++) {
        if (wikiDoc.test(d)) {
          examples.add(wiki.get(d));
        }
      }
    }
    SyntheticNews synthetic = new SyntheticNews(SEED);
    for (int d = 0; d < SYNTHETIC_DOCS; d++) {
      examples.add(spaced(synthetic.document(4)));
    }
    return examples;
  }

  /** Space-tokenised sentences with inline marks (CoNLL-style tokens) to an example. */
  static EntityTrainer.Example spaced(List<String> sentences) {
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    for (String sentence : sentences) {
      boolean start = true;
      Matcher m = MARKED.matcher(sentence);
      while (m.find()) {
        if (m.group(1) != null) {
          String[] parts = m.group(2).split(" ");
          for (int k = 0; k < parts.length; k++) {
            words.add(parts[k]);
            tags.add((k == 0 ? "B-" : "I-") + m.group(1));
            starts.add(start);
            start = false;
          }
        } else {
          words.add(m.group());
          tags.add("O");
          starts.add(start);
          start = false;
        }
      }
    }
    boolean[] s = new boolean[starts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = starts.get(i);
    }
    return new EntityTrainer.Example(words.toArray(String[]::new), s, tags.toArray(String[]::new));
  }
}
