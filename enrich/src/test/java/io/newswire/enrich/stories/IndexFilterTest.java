package io.newswire.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heap filter in front of the index: never "absent" for a stored key, rarely "present" for another. */
class IndexFilterTest {
  KeyValueStore<String, String> store;
  IndexFilter filter = new IndexFilter(1 << 20);

  @BeforeEach
  void store() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
  }

  @Test
  void everyKeyMayBeThereUntilTheFilterIsSeeded() {
    assertThat(filter.mightContain("band:1234")).isTrue();
    filter.add("entity:PER:vladimir putin"); // a restore that runs before the updater's init
    store.put("entity:PER:vladimir putin", "story-1|1");
    filter.seed(store);
    assertThat(filter.mightContain("entity:PER:vladimir putin")).isTrue();
    assertThat(filter.mightContain("band:1234")).isFalse();
  }

  @Test
  void aKeyTheStoreHeldAtStartOrWasGivenSinceIsNeverReportedAbsent() {
    IntStream.range(0, 2_000).forEach(i -> store.put("band:" + i, "a" + i + "|story-a" + i + "|@1"));
    filter.seed(store);
    IntStream.range(0, 20_000).forEach(i -> filter.add("entity:ORG:company " + i));

    assertThat(IntStream.range(0, 2_000).allMatch(i -> filter.mightContain("band:" + i))).isTrue();
    assertThat(IntStream.range(0, 20_000).allMatch(i -> filter.mightContain("entity:ORG:company " + i))).isTrue();
    long falsePresent = IntStream.range(0, 100_000).filter(i -> filter.mightContain("band:x" + i)).count();
    assertThat(falsePresent).as("absent keys reported present, of 100,000").isLessThan(500);
  }

  @Test
  void aRebuildAQuarterOfTheRetentionLaterForgetsRemovedKeysAndKeepsTheRest() {
    IntStream.range(0, 1_000).forEach(i -> store.put("band:" + i, "v"));
    filter.seed(store);
    IntStream.range(0, 500).forEach(i -> store.delete("band:" + i));
    filter.maybeRebuild(store, 0);
    assertThat(filter.mightContain("band:1")).as("not yet rebuilt").isTrue();

    filter.maybeRebuild(store, ArticleIndex.RETENTION_MS / 4);
    assertThat(IntStream.range(500, 1_000).allMatch(i -> filter.mightContain("band:" + i))).isTrue();
    assertThat(IntStream.range(0, 500).filter(i -> filter.mightContain("band:" + i)).count()).isLessThan(5);
  }

  @Test
  void onlyPowersOfTwoAreSizes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IndexFilter(1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
