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
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";

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
        .define(HTTP_READ_TIMEOUT_MS, Type.INT, 10_000, Importance.LOW, "Time to wait for an answer.")
        .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
            "Trust store for an https:// registry whose certificate the JVM's default trust store does not trust.")
        .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the trust store.")
        .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", Importance.LOW, "Trust store type: PKCS12 or JKS.")
        .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
            "Key store with this client's certificate, for a registry that asks for one (mutual TLS).")
        .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the key store.")
        .define(SSL_KEYSTORE_TYPE, Type.STRING, "PKCS12", Importance.LOW, "Key store type: PKCS12 or JKS.")
        .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
            "Password of the key in the key store, when it differs from the store's.");
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

  /**
   * The TLS context the {@code schema.registry.ssl.*} settings describe (Confluent's names), or null when none is
   * set and the JVM's defaults apply. Host names are always verified.
   */
  public javax.net.ssl.SSLContext sslContext() {
    String trust = getString(SSL_TRUSTSTORE_LOCATION);
    String keys = getString(SSL_KEYSTORE_LOCATION);
    if (blank(trust) && blank(keys)) {
      return null;
    }
    try {
      javax.net.ssl.TrustManager[] trustManagers = null;
      if (!blank(trust)) {
        java.security.KeyStore store = load(trust, getString(SSL_TRUSTSTORE_TYPE), getPassword(SSL_TRUSTSTORE_PASSWORD));
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trustManagers = factory.getTrustManagers();
      }
      javax.net.ssl.KeyManager[] keyManagers = null;
      if (!blank(keys)) {
        Password storePassword = getPassword(SSL_KEYSTORE_PASSWORD);
        java.security.KeyStore store = load(keys, getString(SSL_KEYSTORE_TYPE), storePassword);
        Password keyPassword = getPassword(SSL_KEY_PASSWORD) != null ? getPassword(SSL_KEY_PASSWORD) : storePassword;
        javax.net.ssl.KeyManagerFactory factory = javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keyPassword == null ? new char[0] : keyPassword.value().toCharArray());
        keyManagers = factory.getKeyManagers();
      }
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new org.apache.kafka.common.config.ConfigException("Cannot set up TLS for the schema registry from "
          + (blank(trust) ? keys : trust) + ": " + e.getMessage());
    }
  }

  private static java.security.KeyStore load(String location, String type, Password password)
      throws java.io.IOException, java.security.GeneralSecurityException {
    java.security.KeyStore store = java.security.KeyStore.getInstance(type == null ? "PKCS12" : type);
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(location))) {
      store.load(in, password == null ? null : password.value().toCharArray());
    }
    return store;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String basic(String userInfo) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
