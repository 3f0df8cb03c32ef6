package io.newswire.enrich.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The trend counts' changelog of additions may be replayed more than once, and must count each addition once. */
class TrendCountsTest {
  static final String BUCKET = "1h|1767225600000|LOC:lagos";

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String count(TrendCounts store) {
    byte[] value = store.get(TrendCounts.key(BUCKET));
    return value == null ? null : new String(value, StandardCharsets.UTF_8).split("\t")[0];
  }

  @Test
  void anAdditionReplayedAgainOrReprocessedCountsOnce() {
    TrendCounts store = new TrendCounts("trend-counts");
    Bytes add = TrendCounts.key(TrendCounts.ADD);
    store.apply(add, bytes("5\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    store.apply(add, bytes("6\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    // Restored again from the start, without the store being cleared in between.
    store.apply(add, bytes("5\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    store.apply(add, bytes("6\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    assertThat(count(store)).isEqualTo("2");
    // The same input processed again after an aborted transaction: written to the changelog, not counted.
    store.put(add, bytes("6\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"));
    store.put(add, bytes("7\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"));
    assertThat(count(store)).isEqualTo("3");
    assertThat(new String(store.get(TrendCounts.key(TrendCounts.PENDING)), StandardCharsets.UTF_8)).isEqualTo(BUCKET);
  }

  @Test
  void anEmissionReplayedBeforeLaterAdditionsKeepsTheirMarks() {
    TrendCounts store = new TrendCounts("trend-counts");
    Bytes add = TrendCounts.key(TrendCounts.ADD);
    Bytes emitted = TrendCounts.key(TrendCounts.EMITTED);
    store.apply(add, bytes("5\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    store.apply(emitted, bytes("1767225600000\t5"), true);
    store.apply(add, bytes("6\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"), true);
    store.apply(emitted, bytes("1767225600000\t5"), true); // replayed: the addition at 6 is still pending
    assertThat(store.get(TrendCounts.key(TrendCounts.PENDING))).isNotNull();
    assertThat(count(store)).isEqualTo("2");
  }

  @Test
  void aGaugeTellsHowManyBucketEntriesAreOnTheHeap() {
    TrendCounts store = new TrendCounts("trend-counts");
    store.apply(TrendCounts.key(TrendCounts.ADD), bytes("1\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"
        + "1h|1767225600000|PER:ada okoye\tENTITY\tPER\tAda Okoye\n"), false);
    assertThat(gauge()).isGreaterThanOrEqualTo(2);
    double before = gauge();
    store.close();
    assertThat(gauge()).isEqualTo(before - 2);
  }

  private static double gauge() {
    return io.newswire.ops.Metrics.registry().get(io.newswire.ops.Metrics.TREND_BUCKETS).gauge().value();
  }
}
