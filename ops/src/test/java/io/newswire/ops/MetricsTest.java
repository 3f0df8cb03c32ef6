package io.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static double lagOf(String group) {
    return Metrics.registry().get(Metrics.CONSUMER_LAG + ".seconds").tag("group", group).gauge().value();
  }

  @Test
  void lagInSecondsIsTheAgeOfTheNewestRecordReadAndZeroOnceCaughtUp() throws Exception {
    long now = System.currentTimeMillis();
    List<ConsumerRecord<String, String>> polled = List.of(
        new ConsumerRecord<>("t", 0, 0, now - 90_000, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "a", "x",
            new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty()),
        new ConsumerRecord<>("t", 1, 0, now - 30_000, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "b", "y",
            new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty()));
    assertThat(Metrics.newest(polled)).isEqualTo(now - 30_000);
    Metrics.lag("sink", "metrics-test", Metrics.newest(polled));
    assertThat(lagOf("metrics-test")).isBetween(29.0, 40.0);
    Thread.sleep(1100); // still waiting on those records (a store down): the lag grows
    assertThat(lagOf("metrics-test")).isGreaterThan(30.5);
    Metrics.lag("sink", "metrics-test", Metrics.newest(List.of()));
    assertThat(lagOf("metrics-test")).isZero();
  }
}
