package io.newswire.registry;

import java.util.List;
import java.util.Map;

/** Builds the client a configuration asks for: in-memory for {@code mock://}, REST otherwise; always cached. */
public final class SchemaRegistryClients {
  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(Map<String, ?> configs) {
    return create(new SchemaRegistryConfig(configs));
  }

  /**
   * Checks, before a stage starts, that the registry answers (a list of subjects), so a wrong URL or TLS setting
   * stops the stage at once with the reason rather than at its first record.
   *
   * @throws IllegalStateException naming the stage, the registry's URLs and what went wrong
   */
  public static void requireReachable(Map<String, ?> configs, String stage) {
    try (SchemaRegistryClient client = create(configs)) {
      client.subjects();
    } catch (SchemaRegistryException | org.apache.kafka.common.config.ConfigException e) {
      throw new IllegalStateException(stage + " cannot reach the schema registry at " + configs.get(SchemaRegistryConfig.URL)
          + ": " + e.getMessage() + "; check schema.registry.url (and schema.registry.ssl.* for https)", e);
    }
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
