package io.newswire.registry;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.types.Password;

/**
 * Registry client settings. The key names are Confluent's, so a configuration written for Confluent's
 * serdes works here unchanged. Secrets are {@link Password}s: Kafka's config logging prints them hidden.
 */
public class SchemaRegistryConfig extends AbstractConfig {
  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

  public static ConfigDef configDef() {
    return new ConfigDef()
        .define(URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
            "Comma-separated registry URLs, tried in order. mock://NAME selects an in-memory registry shared"
                + " by every client of the same NAME in this JVM (for unit tests).")
        .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
            ValidString.in("URL", "USER_INFO", "NONE"), Importance.MEDIUM,
            "Where HTTP basic credentials come from: USER_INFO (basic.auth.user.info) or URL (user:password@host).")
        .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password for basic auth.")
        .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "NONE",
            ValidString.in("NONE", "STATIC_TOKEN"), Importance.MEDIUM,
            "STATIC_TOKEN sends bearer.auth.token as an Authorization: Bearer header; it wins over basic auth.")
        .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "Bearer token.")
        .define(LATEST_CACHE_TTL_SEC, Type.LONG, 60L, Importance.LOW,
            "How long the latest version of a subject is cached. Schemas and ids are immutable and cached forever.")
        .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
            "Retries when the registry is unreachable or answers 5xx, with exponential backoff.")
        .define(RETRIES_WAIT_MS, Type.LONG, 500L, Importance.LOW, "First backoff between retries.")
        .define(RETRIES_MAX_WAIT_MS, Type.LONG, 10_000L, Importance.LOW, "Longest backoff between retries.")
        .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 5_000, Importance.LOW, "Connect timeout.")
        .define(HTTP_READ_TIMEOUT_MS, Type.INT, 10_000, Importance.LOW, "Time to wait for an answer.");
  }

  public SchemaRegistryConfig(Map<?, ?> props) {
    this(configDef(), props);
  }

  protected SchemaRegistryConfig(ConfigDef def, Map<?, ?> props) {
    super(def, props, false);
  }

  public java.util.List<String> urls() {
    return getList(URL);
  }

  /** The Authorization header value, or null. */
  public String authorizationHeader() {
    if ("STATIC_TOKEN".equals(getString(BEARER_AUTH_CREDENTIALS_SOURCE))) {
      Password token = getPassword(BEARER_AUTH_TOKEN);
      if (token == null || token.value().isBlank()) {
        throw new org.apache.kafka.common.config.ConfigException(BEARER_AUTH_TOKEN, "(hidden)",
            "bearer.auth.credentials.source=STATIC_TOKEN needs bearer.auth.token");
      }
      return "Bearer " + token.value();
    }
    if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
      Password info = getPassword(BASIC_AUTH_USER_INFO);
      if (info == null || !info.value().contains(":")) {
        throw new org.apache.kafka.common.config.ConfigException(BASIC_AUTH_USER_INFO, "(hidden)",
            "basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=user:password");
      }
      return basic(info.value());
    }
    return null; // URL credentials are read per URL by the client
  }

  static String basic(String userInfo) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
