package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.topics.Topics;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/** Creates Newswire's topics and registers its schemas; safe to run again. */
public final class TopicSetup {
  private TopicSetup() {}

  /**
   * Creates missing topics (raising {@code max.message.bytes} of existing ones where {@code ingest.max.bytes}
   * needs more) and registers the current schemas under BACKWARD compatibility; returns the topics created.
   */
  public static Set<String> ensure(NewswireConfig config) throws Exception {
    short rf = config.getShort(NewswireConfig.REPLICATION_FACTOR);
    Set<String> created;
    try (Admin admin = Admin.create(config.kafkaClients())) {
      Topics topics = Topics.create(config);
      created = topics.createMissing(admin, rf < 0 ? Optional.empty() : Optional.of(rf));
      topics.raiseMessageLimits(admin);
    }
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.serdes())) {
      Topics.registerSchemas(registry);
    }
    return created;
  }
}
