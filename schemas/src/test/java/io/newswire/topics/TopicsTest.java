package io.newswire.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics a configuration declares: partitions and record sizes come from settings, not constants. */
class TopicsTest {
  @Test
  void partitionsAndMessageSizesFollowTheSettings() {
    Topics topics = Topics.create(NewswireConfig.of(Map.of("schema.registry.url", "mock://topics-test",
        NewswireConfig.TOPICS_PARTITIONS, "12", NewswireConfig.INGEST_MAX_BYTES, String.valueOf(2 * 1024 * 1024))));
    assertThat(topics.rawArticles.partitions()).isEqualTo(12);
    assertThat(topics.enrichedArticles.partitions()).isEqualTo(12); // co-partitioned with the raw topic
    assertThat(topics.enrichIndex.partitions()).isEqualTo(12);
    assertThat(topics.trends.partitions()).isEqualTo(6);
    assertThat(topics.deadLetters.partitions()).isEqualTo(1);
    for (Topic<?, ?> t : topics.all()) {
      if (t != topics.trends && t != topics.enrichIndex) {
        assertThat(t.configs()).as(t.name()).containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            String.valueOf(RecordSizes.recordMaxBytes(2 * 1024 * 1024)));
      }
    }
    assertThat(Topics.create(Map.of("schema.registry.url", "mock://topics-test")).rawArticles.partitions())
        .isEqualTo(Topics.DEFAULT_PARTITIONS);
  }
}
