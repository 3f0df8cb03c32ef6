package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicWordsTest {
  private static final String[] CODES = {"medtop:04000000", "medtop:15000000"};

  private static TopicWords tiny() {
    return new TopicWords(CODES, new double[] {3, 3},
        Map.of("shares", new double[] {9, 0}, "goal", new double[] {0, 9}, "coach", new double[] {0.5, 6}));
  }

  @Test
  void theWordsOfATopicMakeItLikely() {
    double[] p = tiny().probabilities(Topics.parts("Coach quits", "The coach said the goal was offside."));
    assertThat(p[1]).isGreaterThan(p[0]);
    assertThat(p[0] + p[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    // No known word: the prior alone, here even.
    double[] none = tiny().probabilities(Topics.parts("Nothing here", "Nobody knows."));
    assertThat(none[0]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void functionAndCommonWordsAreNotEvidence() {
    // "we", "you", "people", "really": the voice of a text, not its topic.
    assertThat(TopicWords.features("What we really think of taxes", "You and I know people like budgets."))
        .containsOnlyKeys("taxes", "budgets");
  }

  @Test
  void aWordRepeatedDownAnArticleCountsAtMostThreeTimes() {
    String many = "shares ".repeat(50);
    double[] once = tiny().probabilities(Topics.parts("x", "shares shares shares"));
    double[] often = tiny().probabilities(Topics.parts("x", many));
    assertThat(often[0]).isCloseTo(once[0], org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void itsFileReadsBackTheSameModel() throws Exception {
    String file = tiny().write();
    TopicWords back = TopicWords.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(back.write()).isEqualTo(file);
    assertThat(back.probabilities(Topics.parts("Coach", "goal")))
        .containsExactly(tiny().probabilities(Topics.parts("Coach", "goal")), org.assertj.core.api.Assertions.within(1e-12));
    assertThatThrownBy(() -> TopicWords.read(new ByteArrayInputStream("x\t0:1\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("codes line");
  }

  @Test
  void theShippedModelReadsTechnologyCompaniesAndPoliticsByAllTheirWords() {
    NewswireTagger tagger = new NewswireTagger();
    // Company news about a product, with market words: science and technology first (keywords alone said economy).
    Tagging chip = tagger.tag("Chipmaker unveils faster processor for artificial intelligence",
        "The company showed a new processor for data centres and said its software would run on older chips.\n"
            + "Shares rose 3 percent on the stock market; investors expect revenue and profit to grow.");
    assertThat(chip.topics().get(0).getCode()).isEqualTo("medtop:13000000");
  }
}
