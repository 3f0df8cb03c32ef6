package io.newswire.dev;

import io.newswire.cli.Newswire;
import io.newswire.cli.TopicsCommand;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.stack.LocalStack;
import io.newswire.topics.TopicDrift;
import io.newswire.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class TopicsIT {
  @Test
  void creationIsIdempotentAndDriftIsReported() throws Exception {
    LocalStack stack = LocalStack.shared();
    var config = DemoCommand.settingsFor(stack);
    TopicsCommand.ensure(config);
    assertThat(TopicsCommand.ensure(config)).isEmpty(); // nothing left to create
    Topics topics = Topics.create(config.serdes());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      assertThat(TopicDrift.of(admin, topics.all())).isEmpty();

      ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW_ARTICLES);
      admin.incrementalAlterConfigs(Map.of(raw, List.of(new AlterConfigOp(
          new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET)))).all().get();
      try {
        assertThat(TopicDrift.of(admin, topics.all())).singleElement()
            .hasToString(Topics.RAW_ARTICLES + ": retention.ms is 86400000, expected -1");
        assertThat(Newswire.commandLine().execute("topics", "--verify", "--set",
            "bootstrap.servers=" + stack.bootstrapServers(), "--set", "schema.registry.url=" + stack.registryUrl()))
            .isEqualTo(3);
      } finally {
        admin.incrementalAlterConfigs(Map.of(raw, List.of(new AlterConfigOp(
            new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET)))).all().get();
      }
    }
  }

  @Test
  void aStageWhoseTopicsAreMissingOrShortOfPartitionsStopsAtOnceNamingTheFix() throws Exception {
    LocalStack stack = LocalStack.shared();
    var config = DemoCommand.settingsFor(stack).with(Map.of(
        io.newswire.config.NewswireConfig.TOPICS_AUTO_CREATE, "false"));
    TopicsCommand.ensure(config);
    long start = System.nanoTime();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.requireTopics(config, "ingest",
            Topics.RAW_ARTICLES, "newswire.nowhere"))
        .hasMessageContaining("ingest cannot start on " + stack.bootstrapServers())
        .hasMessageContaining("newswire.nowhere is missing")
        .hasMessageContaining("Run 'newswire topics'");
    // an unreachable cluster is named too (here: nothing listens on the port)
    var nowhere = config.with(Map.of("bootstrap.servers", "127.0.0.1:" + io.newswire.stack.Ports.free(),
        "request.timeout.ms", "2000", "default.api.timeout.ms", "3000"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.requireTopics(nowhere, "sink", Topics.ENRICHED_ARTICLES))
        .hasMessageContaining("sink cannot reach Kafka at 127.0.0.1:");
    Topics.requireTopics(config, "enrich", Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES); // all there: no error
    System.out.printf("TopicsIT: the topic checks took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
