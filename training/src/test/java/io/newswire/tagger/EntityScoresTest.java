package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntityScoresTest {
  @Test
  void onlyExactSpansOfTheRightTypeCount() {
    EntityScores scores = new EntityScores();
    // gold: PER(0-1), LOC(3), ORG(5); predicted: PER(0) only (wrong span), LOC(3) right, MISC(5) wrong type
    scores.add(new String[] {"B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"},
        new String[] {"B-PER", "O", "O", "B-LOC", "O", "B-MISC"});
    assertThat(scores.overall().precision()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(scores.overall().recall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(scores.byType().get("LOC").f1()).isEqualTo(1.0);
    assertThat(scores.byType().get("PER").f1()).isEqualTo(0.0);
    assertThat(scores.byType().get("ORG").gold()).isEqualTo(1);
  }
}
