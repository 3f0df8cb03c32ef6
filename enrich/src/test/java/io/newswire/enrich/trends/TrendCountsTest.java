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
    TrendCounts store = new TrendCounts("trend-counts", 20_000);
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
    TrendCounts store = new TrendCounts("trend-counts", 20_000);
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
  void anEmissionAtABucketBoundaryForgetsOnlyTheMarksOfTheWindowsThatClosed() {
    TrendCounts store = new TrendCounts("trend-counts", 20_000);
    String day = "24h|1767225600000|LOC:lagos";
    store.apply(TrendCounts.key(TrendCounts.ADD), bytes("1\n" + BUCKET + "\tENTITY\tLOC\tLagos\n"
        + day + "\tENTITY\tLOC\tLagos\n"), false);
    Bytes emitted = TrendCounts.key(TrendCounts.EMITTED);
    // Five minutes on: the hour whose newest bucket held Lagos closed, the day's three hours did not.
    store.apply(emitted, bytes((1767225600000L + 300_000) + "\t1\tclose"), false);
    assertThat(new String(store.get(TrendCounts.key(TrendCounts.PENDING)), StandardCharsets.UTF_8)).isEqualTo(day);
    // A quiet stream's flush sends the current hour so far and forgets its marks; the day's wait for its close.
    store.apply(TrendCounts.key(TrendCounts.ADD), bytes("2\n1h|1767225900000|LOC:lagos\tENTITY\tLOC\tLagos\n"), false);
    store.apply(emitted, bytes((1767225600000L + 310_000) + "\t2\tflush"), false);
    assertThat(new String(store.get(TrendCounts.key(TrendCounts.PENDING)), StandardCharsets.UTF_8)).isEqualTo(day);
    store.apply(emitted, bytes((1767225600000L + 3 * 3_600_000) + "\t2\tclose"), false);
    assertThat(store.get(TrendCounts.key(TrendCounts.PENDING))).isNull();
    assertThat(new String(store.get(TrendCounts.key(TrendCounts.APPLIED)), StandardCharsets.UTF_8)).isEqualTo("2");
  }

  @Test
  void aGaugeTellsHowManyBucketEntriesAreOnTheHeap() {
    TrendCounts store = new TrendCounts("trend-counts", 20_000);
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

  @Test
  void aFullBucketKeepsItsMostCountedSubjectsAndARestoreDropsTheSame() {
    java.util.function.BiConsumer<TrendCounts, Boolean> feed = (store, restoring) -> {
      Bytes add = TrendCounts.key(TrendCounts.ADD);
      long offset = 0;
      // Subject s0 named in 5 articles, s1 in 4, ... s4 in 1; then s5 and s6 once each, in another bucket too.
      for (int i = 0; i < 5; i++) {
        StringBuilder lines = new StringBuilder().append(offset++).append('\n');
        for (int s = 0; s < 5 - i; s++) {
          lines.append("1h|1767225600000|PER:s").append(s).append("\tENTITY\tPER\tS").append(s).append('\n');
        }
        store.apply(add, bytes(lines.toString()), restoring);
      }
      store.apply(add, bytes(offset++ + "\n1h|1767225600000|PER:s6\tENTITY\tPER\tS6\n"
          + "1h|1767225600000|PER:s5\tENTITY\tPER\tS5\n1h|1767225900000|PER:s6\tENTITY\tPER\tS6\n"), restoring);
      store.apply(TrendCounts.key(TrendCounts.EMITTED), bytes("1767225900000\t" + (offset - 1)), restoring);
    };
    TrendCounts live = new TrendCounts("trend-counts", 3);
    double before = dropped();
    feed.accept(live, false);
    // The first bucket keeps s0, s1, s2 (5, 4, 3); s3 (2) goes, and of s4, s5, s6 (1 each) too; the second keeps s6.
    java.util.List<String> kept = new java.util.ArrayList<>();
    live.all().forEachRemaining(kv -> kept.add(new String(kv.key.get(), StandardCharsets.UTF_8) + "=" + count(kv.value)));
    assertThat(kept).containsExactly("1h|1767225600000|PER:s0=5", "1h|1767225600000|PER:s1=4",
        "1h|1767225600000|PER:s2=3", "1h|1767225900000|PER:s6=1");
    assertThat(dropped() - before).isEqualTo(4);
    // A dropped subject named again starts from one.
    live.apply(TrendCounts.key(TrendCounts.ADD), bytes("99\n1h|1767225600000|PER:s3\tENTITY\tPER\tS3\n"), false);
    assertThat(new String(live.get(TrendCounts.key("1h|1767225600000|PER:s3")), StandardCharsets.UTF_8)).startsWith("1\t");

    TrendCounts restored = new TrendCounts("trend-counts", 3);
    double beforeRestore = dropped();
    feed.accept(restored, true);
    assertThat(dropped()).isEqualTo(beforeRestore); // counted when they were dropped, not again on a restore
    java.util.List<String> again = new java.util.ArrayList<>();
    restored.all().forEachRemaining(kv -> again.add(new String(kv.key.get(), StandardCharsets.UTF_8) + "=" + count(kv.value)));
    assertThat(again).isEqualTo(kept);
    live.close();
    restored.close();
  }

  private static String count(byte[] value) {
    return new String(value, StandardCharsets.UTF_8).split("\t")[0];
  }

  private static double dropped() {
    return io.newswire.ops.Metrics.registry().get(io.newswire.ops.Metrics.TREND_SUBJECTS_DROPPED).counter().count();
  }
}
