package io.newswire.dev;

import io.newswire.tagger.EntityScores;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.TaggerEvaluation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure the tagger on text it was never trained on: the held-out part of the project's own",
        "annotated articles (entities, top-level IPTC topic, quote speakers) and wikigold's held-out documents.",
        "Entity scores are exact-span precision/recall/F1 per type, counted as conlleval counts them.",
        "With --gold FILE, scores the entities of any CoNLL file with gold tags instead (your own test set)."})
final class TagEvalCommand implements Callable<Integer> {
  @Mixin
  CorpusOption corpus;

  @Option(names = "--model", paramLabel = "FILE", description = "Evaluate this model file instead of the shipped one.")
  Path model;

  @Option(names = "--on", paramLabel = "heldout|train|wiredev", description = "Which of the project's articles to score:"
      + " heldout (the figures; default), train (for tuning rules without touching the held-out part) or wiredev"
      + " (a small development set in agency formats: tables, scorecards, capitals).")
  String on = "heldout";

  @Option(names = "--gold", paramLabel = "FILE", description = "Score only the entities of this CoNLL file (token first,"
      + " gold IOB1 or IOB2 tag last on each line; blank lines between sentences, -DOCSTART- between documents), tagged"
      + " as 'tag --conll' tags it; the project's wire test set is training/corpus/wire-test.conll.")
  Path gold;

  @Option(names = "--fit-calibration", paramLabel = "FILE", description = "Fit the topic score calibration on these"
      + " articles (use --on train) and write it to FILE (the shipped one is"
      + " tagger/src/main/resources/io/newswire/tagger/topic-calibration.tsv).")
  java.nio.file.Path fitCalibration;

  @Option(names = {"-v", "--verbose"}, description = "Also list every topic and quote-speaker mistake.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    NewswireTagger tagger = model == null ? new NewswireTagger() : NewswireTagger.withModel(model, null);
    if (gold != null) {
      EntityScores scores = TaggerEvaluation.conll(tagger, gold, m -> {
        if (verbose) {
          System.out.println("  " + m);
        }
      });
      System.out.println("Tagger " + tagger.name() + ", " + gold);
      print("Entities", scores);
      return 0;
    }
    TaggerEvaluation.Report r = TaggerEvaluation.run(tagger, corpus.path(), "news-" + on + ".txt", m -> {
      if (verbose) {
        System.out.println("  " + m);
      }
    });
    System.out.println("Tagger " + tagger.name() + ", corpus " + corpus.path());
    String which = switch (on) {
      case "heldout" -> "held-out";
      case "train" -> "training";
      default -> on;
    };
    print("Own " + which + " articles (" + r.articles() + ")", r.news());
    print("wikigold held-out documents (" + r.wikigoldDocs() + ")", r.wikigold());
    System.out.printf(Locale.ROOT, "Topic accuracy (top-level, first topic among the gold ones): %.3f (%d/%d)%n",
        r.topicAccuracy(), r.topicCorrect(), r.topicTotal());
    StringBuilder byTopic = new StringBuilder("  by first gold topic:");
    r.byTopic().forEach((topic, tally) -> byTopic.append(String.format(Locale.ROOT, "%n    %-45s %3d/%-3d", topic,
        tally[0], tally[1])));
    System.out.println(byTopic);
    StringBuilder confused = new StringBuilder("  wrong first topics (gold → given: articles):");
    r.confusions().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
        .forEach(e -> confused.append(String.format(Locale.ROOT, "%n    %-70s %3d", e.getKey(), e.getValue())));
    System.out.println(confused);
    System.out.printf(Locale.ROOT, "  as short items (headline and first two sentences): %.3f (%d/%d); articles without a"
        + " top-level topic, full or short: %d%n", r.shortCorrect() / (double) r.topicTotal(), r.shortCorrect(),
        r.topicTotal(), r.withoutTopic());
    System.out.print("  topic score calibration (each reported top-level topic: is it one of the article's topics?):\n"
        + TaggerEvaluation.reliability(r.topicScores()));
    System.out.print("  the same for each article's first topic only:\n"
        + TaggerEvaluation.reliability(r.topicScores().stream().filter(p -> p[2] == 1).toList()));
    if (fitCalibration != null) {
      java.nio.file.Files.writeString(fitCalibration, TaggerEvaluation.fitCalibration(r.rawTopicScores(), r.topicsOfArticles()));
      System.out.println("  calibration written to " + fitCalibration);
    }
    System.out.printf(Locale.ROOT, "Quote speaker accuracy: %.3f (%d/%d)%n", r.speakerAccuracy(), r.speakerCorrect(),
        r.speakerTotal());
    return 0;
  }

  static void print(String title, EntityScores scores) {
    System.out.println(title);
    System.out.println("  type   precision  recall     F1   gold");
    for (Map.Entry<String, EntityScores.Score> e : scores.byType().entrySet()) {
      line(e.getKey(), e.getValue());
    }
    line("all", scores.overall());
  }

  private static void line(String type, EntityScores.Score s) {
    System.out.printf(Locale.ROOT, "  %-5s  %9.3f  %6.3f  %5.3f  %5d%n", type, s.precision(), s.recall(), s.f1(), s.gold());
  }
}
