package io.newswire.cli;

import io.newswire.admin.TopicSetup;
import io.newswire.config.NewswireConfig;
import io.newswire.topics.Topic;
import io.newswire.topics.TopicDrift;
import io.newswire.topics.Topics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "topics", mixinStandardHelpOptions = true,
    description = {"Create Newswire's topics that do not exist yet and register the current schemas.",
        "Topics get their partitions, retention and compaction; subjects get BACKWARD compatibility.",
        "Safe to run again. With --verify, change nothing and report drift (exit status 3 if any)."})
public final class TopicsCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @picocli.CommandLine.Option(names = "--verify",
      description = "Only compare the cluster's topics with their intended settings and report the differences.")
  boolean verify;

  @Override
  public Integer call() throws Exception {
    NewswireConfig config = options.load();
    if (verify) {
      List<TopicDrift.Difference> drift;
      try (Admin admin = Admin.create(config.kafkaClients())) {
        drift = TopicDrift.of(admin, Topics.create(config).all());
      }
      drift.forEach(d -> System.out.println("drift: " + d));
      System.out.println(drift.isEmpty() ? "All topics are as intended." : drift.size() + " differences;"
          + " 'newswire topics' creates missing topics; change settings with kafka-configs --alter.");
      return drift.isEmpty() ? 0 : 3;
    }
    Set<String> created = ensure(config);
    Topics topics = Topics.create(config);
    for (Topic<?, ?> topic : topics.all()) {
      System.out.printf("%-30s %s (%d partitions, %s)%n", topic.name(), created.contains(topic.name()) ? "created" : "exists",
          topic.partitions(), topic.configs());
    }
    System.out.println("Schemas registered at " + config.get(NewswireConfig.SCHEMA_REGISTRY_URL) + ": "
        + String.join(", ", Topics.valueSchemas().keySet()));
    return 0;
  }

  /** Creates missing topics and registers schemas; returns the topics created. */
  public static Set<String> ensure(NewswireConfig config) throws Exception {
    return TopicSetup.ensure(config);
  }
}
