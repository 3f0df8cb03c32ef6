package io.newswire.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cross-validation on wikigold, the one annotated text others wrote that the project has: all of its documents are
 * split into folds (document d in fold d mod k); for each fold a model is trained as the shipped one is, but with
 * every other wikigold document and without the fold, and then tags the fold. Every document is scored once by a
 * model that never saw it, which gives a steadier figure on outside text than the 45 held-out documents alone
 * (3,500 entities against 1,100). It is a development figure: choosing rules and features by it tunes on wikigold.
 */
public final class WikigoldFolds {
  private WikigoldFolds() {}

  public static EntityScores run(Path corpus, int folds, Consumer<String> progress, Consumer<String> mistakes)
      throws IOException {
    List<EntityTrainer.Example> docs = AnnotatedCorpus.readConll(corpus.resolve("wikigold.conll.txt"));
    EntityScores all = new EntityScores();
    for (int f = 0; f < folds; f++) {
      int fold = f;
      List<EntityTrainer.Example> examples = TaggerTraining.examples(corpus, d -> d % folds != fold);
      int n = fold + 1;
      EntityModel model = TaggerTraining.model(examples, m -> { });
      NewswireTagger tagger = new NewswireTagger(model, null);
      EntityScores scores = new EntityScores();
      for (int d = fold; d < docs.size(); d += folds) {
        EntityTrainer.Example doc = docs.get(d);
        String[] predicted = tagger.tagTokens(doc.words(), doc.sentenceStart());
        scores.add(doc.tags(), predicted);
        all.add(doc.tags(), predicted);
        for (String difference : EntityScores.differences(doc.words(), doc.tags(), predicted)) {
          mistakes.accept("wikigold " + (d + 1) + " " + difference);
        }
      }
      progress.accept(String.format(java.util.Locale.ROOT, "fold %d/%d: F1 %.3f", n, folds, scores.overall().f1()));
    }
    return all;
  }
}
