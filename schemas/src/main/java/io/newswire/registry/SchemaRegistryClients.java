package io.newswire.registry;

import java.util.List;
import java.util.Map;

/** Builds the client a configuration asks for: in-memory for {@code mock://}, REST otherwise; always cached. */
public final class SchemaRegistryClients {
  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(Map<String, ?> configs) {
    return create(new SchemaRegistryConfig(configs));
  }

  public static SchemaRegistryClient create(SchemaRegistryConfig config) {
    List<String> urls = config.urls();
    long ttlMs = config.getLong(SchemaRegistryConfig.LATEST_CACHE_TTL_SEC) * 1000;
    SchemaRegistryClient client;
    if (urls.size() == 1 && urls.get(0).startsWith("mock://")) {
      client = InMemorySchemaRegistry.scope(urls.get(0).substring("mock://".length()));
    } else if (urls.stream().anyMatch(u -> u.startsWith("mock://"))) {
      throw new org.apache.kafka.common.config.ConfigException(SchemaRegistryConfig.URL, urls,
          "a mock:// URL cannot be combined with other URLs");
    } else {
      client = new RestSchemaRegistryClient(config);
    }
    return new CachingSchemaRegistryClient(client, ttlMs);
  }
}
