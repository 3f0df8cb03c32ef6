package io.newswire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommitPaceTest {
  final CommitPace pace = new CommitPace(Duration.ofMillis(200), Duration.ofSeconds(10));

  @Test
  void aLiveStreamIsCommittedAtEveryTickThatFollowsNewRecordsEvenASecondOrTwoBehind() {
    pace.taken(10_000);
    assertThat(pace.commitNow(10_150)).isTrue();
    assertThat(pace.commitNow(10_350)).as("nothing new since the last request").isFalse();
    pace.taken(10_400);
    assertThat(pace.commitNow(12_550)).isTrue();
  }

  @Test
  void aBacklogIsLeftToKafkaStreamsOwnIntervalUntilEnrichHasCaughtUp() {
    pace.taken(10_000);
    assertThat(pace.commitNow(40_000)).as("the newest record is thirty seconds old").isFalse();
    pace.taken(25_000);
    assertThat(pace.commitNow(40_200)).isFalse();
    pace.taken(38_000);
    assertThat(pace.commitNow(40_400)).as("caught up: within ten seconds").isTrue();
  }

  @Test
  void anIdleTaskAsksForNothing() {
    assertThat(pace.commitNow(1_000)).isFalse();
    assertThat(pace.interval()).isEqualTo(Duration.ofMillis(200));
  }
}
