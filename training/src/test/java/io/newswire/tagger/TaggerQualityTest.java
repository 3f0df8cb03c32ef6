package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards the shipped model against regressions: the held-out scores must stay above floors set a little below
 * the figures in docs/TAGGER.md. A change that lowers them needs a look, not a new floor.
 */
class TaggerQualityTest {
  static final Path CORPUS = Path.of("corpus");

  @Test
  void heldOutScoresStayAboveTheirFloors() throws Exception {
    TaggerEvaluation.Report r = TaggerEvaluation.run(new NewswireTagger(), CORPUS, m -> { });
    assertThat(r.articles()).isEqualTo(312);
    assertThat(r.news().overall().f1()).isGreaterThan(0.78);
    assertThat(r.wikigold().overall().f1()).isGreaterThan(0.58);
    assertThat(r.topicAccuracy()).isGreaterThan(0.75);
    assertThat(r.speakerAccuracy()).isGreaterThan(0.80);
  }

  @Test
  void wireTestInCoNLLFormStaysAboveItsFloor() throws Exception {
    // The 30 wire stories in CoNLL form go through the path of `newswire tag --conll`, as an outside test set would.
    java.util.List<String> mistakes = new java.util.ArrayList<>();
    EntityScores s = TaggerEvaluation.conll(new NewswireTagger(), CORPUS.resolve("wire-test.conll"), mistakes::add);
    assertThat(s.overall().gold()).isEqualTo(382);
    assertThat(s.overall().f1()).isGreaterThan(0.85);
    assertThat(mistakes).isNotEmpty().allMatch(m -> m.startsWith("document "));
  }

  @Test
  void trainingIsReproducibleAndNeverReadsTheHeldOutPart(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.copy(CORPUS.resolve("news-train.txt"), corpus.resolve("news-train.txt"));
    Files.copy(CORPUS.resolve("wikigold.conll.txt"), corpus.resolve("wikigold.conll.txt"));
    // no news-heldout.txt in this copy: training would fail if it read it
    TaggerTraining.train(corpus, dir.resolve("a.model"), m -> { });
    TaggerTraining.train(corpus, dir.resolve("b.model"), m -> { });
    assertThat(Files.readAllBytes(dir.resolve("a.model"))).isEqualTo(Files.readAllBytes(dir.resolve("b.model")));
    // and the shipped model is exactly what the committed corpus trains: retrain after editing the corpus
    try (var shipped = NewswireTagger.class.getResourceAsStream(NewswireTagger.MODEL)) {
      assertThat(Files.readAllBytes(dir.resolve("a.model"))).as("entities.model is stale: run ./newswire tag train")
          .isEqualTo(shipped.readAllBytes());
    }
  }
}
