package io.newswire.dev.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.tagger.NewswireTagger;
import org.junit.jupiter.api.Test;

class TimedTaggerTest {
  @Test
  void countsTheArticlesAndTheCpuTimeSpentTaggingThenStartsAgain() {
    NewswireTagger tagger = new NewswireTagger();
    TimedTagger timed = new TimedTagger(tagger);
    String body = "The mayor of Lyon, Anne Martin, met union leaders on Monday. \"We will not close the plant,\" she said.";
    assertEquals(tagger.tag("Talks in Lyon", body).entities(), timed.tag("Talks in Lyon", body).entities());
    timed.tag("Talks in Lyon", body);

    long[] first = timed.takeCpuNanosAndCalls();
    assertEquals(2, first[1]);
    assertTrue(first[0] > 0, "CPU time spent tagging: " + first[0]);
    assertEquals(0, timed.takeCpuNanosAndCalls()[1]);
    assertEquals(tagger.name(), timed.name());
    assertEquals(tagger.enrichmentVersion(), timed.enrichmentVersion());
  }
}
