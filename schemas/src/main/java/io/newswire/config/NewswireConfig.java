package io.newswire.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Newswire's settings: one home for every key, its default and its documentation. Values come from, in
 * increasing precedence: defaults, a properties file, {@code NEWSWIRE_*} environment variables
 * ({@code NEWSWIRE_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}), and command-line overrides.
 *
 * <p>Kafka client settings users already have ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) pass
 * through to every client unchanged; registry settings ({@code basic.auth.*}, {@code bearer.auth.*}, ...) pass
 * through to the serdes under Confluent's names.
 */
public final class NewswireConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String POSTGRES_URL = "postgres.url";
  public static final String POSTGRES_USER = "postgres.user";
  public static final String POSTGRES_PASSWORD = "postgres.password";
  public static final String REPLICATION_FACTOR = "topics.replication.factor";
  public static final String TOPICS_AUTO_CREATE = "topics.auto.create";
  public static final String TOPICS_PARTITIONS = "topics.partitions";
  public static final String ENRICH_APPLICATION_ID = "enrich.application.id";
  public static final String ENRICH_STATE_DIR = "enrich.state.dir";
  public static final String ENRICH_DUPLICATE_RETENTION_HOURS = "enrich.duplicate.retention.hours";
  public static final String ENRICH_TOPIC_RULES = "enrich.tagger.topic.rules";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
  public static final String INGEST_OPS_PORT = "ingest.ops.port";
  public static final String ENRICH_HTTP_PORT = "enrich.http.port";
  public static final String SINK_HTTP_PORT = "sink.http.port";
  public static final String ENRICH_STANDBY_REPLICAS = "enrich.standby.replicas";
  public static final String ENRICH_ROCKSDB_MEMORY_MB = "enrich.rocksdb.memory.mb";
  public static final String ENRICH_COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";
  public static final String ENRICH_COMMIT_BACKLOG_INTERVAL_MS = "enrich.commit.backlog.interval.ms";
  public static final String ENRICH_COMMIT_BACKLOG_LAG_MS = "enrich.commit.backlog.lag.ms";
  public static final String ENRICH_HEALTH_GRACE_MS = "enrich.health.grace.ms";
  public static final String ENRICH_INSTANCE_ID = "enrich.instance.id";
  public static final String ENRICH_TRENDS_BUCKET_MAX_SUBJECTS = "enrich.trends.bucket.max.subjects";
  public static final String SINK_GROUP_ID = "sink.group.id";
  public static final String SINK_BATCH_SIZE = "sink.batch.size";
  public static final String SINK_STORE = "sink.store";
  public static final String SINK_PARQUET_DIR = "sink.parquet.dir";
  public static final String OPENSEARCH_URL = "opensearch.url";
  public static final String OPENSEARCH_USER = "opensearch.user";
  public static final String OPENSEARCH_PASSWORD = "opensearch.password";
  public static final String OPENSEARCH_INDEX = "opensearch.index";
  public static final String NOTIFY_WEBHOOK = "notify.webhook";
  public static final String NOTIFY_SECRET = "notify.secret";
  public static final String NOTIFY_GROUP_ID = "notify.group.id";
  public static final String NOTIFY_HTTP_PORT = "notify.http.port";
  public static final String NOTIFY_MAX_ATTEMPTS = "notify.max.attempts";
  public static final String NOTIFY_BACKOFF_MS = "notify.backoff.ms";
  public static final String NOTIFY_TIMEOUT_MS = "notify.timeout.ms";
  public static final String NOTIFY_QUEUE_SIZE = "notify.queue.size";
  public static final String CONSOLE_HTTP_PORT = "console.http.port";
  public static final String CONSOLE_ENRICH_URL = "console.enrich.url";
  public static final String CONSOLE_RECENT = "console.recent";
  public static final String INGEST_QUARANTINE_DIR = "ingest.quarantine.dir";
  public static final String INGEST_MAX_IN_FLIGHT = "ingest.max.in.flight";
  public static final String INGEST_STATE_DIR = "ingest.state.dir";
  public static final String INGEST_SEEN_MAX = "ingest.seen.max";
  public static final String INGEST_MAX_BYTES = "ingest.max.bytes";
  public static final String INGEST_USER_AGENT = "ingest.user.agent";
  public static final String INGEST_FETCH_TIMEOUT_MS = "ingest.fetch.timeout.ms";
  public static final String INGEST_FEED_INTERVAL_SECONDS = "ingest.feed.interval.seconds";
  public static final String INGEST_HOST_CONCURRENCY = "ingest.host.concurrency";
  public static final String INGEST_HOST_DELAY_MS = "ingest.host.delay.ms";
  public static final String INGEST_FOLLOW_INTERVAL_SECONDS = "ingest.follow.interval.seconds";
  public static final String INGEST_HTTP_PORT = "ingest.http.port";
  public static final String INGEST_HTTP_TOKEN = "ingest.http.token";
  public static final String INGEST_HTTP_SSL_KEYSTORE_LOCATION = "ingest.http.ssl.keystore.location";
  public static final String INGEST_HTTP_SSL_KEYSTORE_PASSWORD = "ingest.http.ssl.keystore.password";
  public static final String INGEST_HTTP_SSL_KEYSTORE_TYPE = "ingest.http.ssl.keystore.type";

  public static final String ENV_PREFIX = "NEWSWIRE_";
  /** Settings under this prefix go to Kafka Streams unchanged, the prefix removed. */
  public static final String ENRICH_STREAMS_PREFIX = "enrich.streams.";
  /** Any Kafka consumer setting for the sink, e.g. sink.consumer.session.timeout.ms=10000. */
  public static final String SINK_CONSUMER_PREFIX = "sink.consumer.";

  private static final String[] KAFKA_PASSTHROUGH = {"security.protocol", "sasl.", "ssl.", "client.dns.lookup"};
  private static final String[] REGISTRY_PASSTHROUGH = {"schema.registry.", "basic.auth.", "bearer.auth.",
      "auto.register.schemas", "use.latest.version", "latest.cache.ttl.sec", "max.retries", "retries.",
      "http.", "key.subject.name.strategy", "value.subject.name.strategy"};

  public static final ConfigDef CONFIG = new ConfigDef()
      .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", Importance.HIGH, "Kafka bootstrap servers.")
      .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", Importance.HIGH,
          "Confluent-compatible Schema Registry URL(s), comma-separated.")
      .define(POSTGRES_URL, Type.STRING, "jdbc:postgresql://localhost:5432/newswire", Importance.HIGH,
          "JDBC URL of the sink's PostgreSQL database.")
      .define(POSTGRES_USER, Type.STRING, "newswire", Importance.HIGH, "Database user.")
      .define(POSTGRES_PASSWORD, Type.PASSWORD, "", Importance.HIGH, "Database password (never logged).")
      .define(REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
          "Replication factor of topics Newswire creates; -1 takes the broker's default.replication.factor.")
      .define(TOPICS_PARTITIONS, Type.INT, 6, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
          "Partitions of the raw and enriched topics and enrich's index (the trends get half): the most enrich and"
              + " sink instances that can share the work. Set it before 'newswire topics' first runs: Kafka can add"
              + " partitions later but then moves articles between them.")
      .define(TOPICS_AUTO_CREATE, Type.BOOLEAN, false, Importance.MEDIUM,
          "Whether a stage creates the topics it needs when they are missing (the demo does). Off: a stage whose"
              + " topics are missing or have too few partitions exits at once, naming the fix ('newswire topics').")
      .define(ENRICH_APPLICATION_ID, Type.STRING, "newswire-enrich", Importance.MEDIUM,
          "Kafka Streams application.id of enrich: its consumer group and the prefix of its internal topics.")
      .define(ENRICH_STATE_DIR, Type.STRING, ".newswire/streams", Importance.MEDIUM,
          "Where enrich keeps its local state stores, under a folder per application id (enrich.application.id);"
              + " give each instance on one machine its own.")
      .define(ENRICH_DUPLICATE_RETENTION_HOURS, Type.INT, 168, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "How long enrich remembers content hashes: the same content again within it is an exact duplicate.")
      .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM,
          "Address the services' HTTP endpoints (/metrics, /health, /ready, enrich's queries) listen on;"
              + " 0.0.0.0 in containers.")
      .define(HTTP_ADVERTISED_HOST, Type.STRING, "", Importance.MEDIUM,
          "Host name other enrich instances use to reach this one's queries (application.server); empty: http.host.")
      .define(INGEST_OPS_PORT, Type.INT, 8082, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
          "Port of ingest's /metrics, /health and /ready (every ingest mode); 0: any free port; -1: off.")
      .define(ENRICH_HTTP_PORT, Type.INT, 8083, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
          "Port of enrich's /metrics, /health, /ready and queries (/articles, /stories, /trends); 0: any free port;"
              + " -1: off (queries then unavailable).")
      .define(SINK_HTTP_PORT, Type.INT, 8084, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
          "Port of the sink's /metrics, /health and /ready; 0: any free port; -1: off.")
      .define(ENRICH_TOPIC_RULES, Type.STRING, "", Importance.LOW,
          "A file of your own topics (tab-separated: code, label, parent, keywords; see docs/TAGGER.md), tagged"
              + " beside the IPTC Media Topics. Empty: none.")
      .define(ENRICH_ROCKSDB_MEMORY_MB, Type.INT, 64, ConfigDef.Range.atLeast(8), Importance.LOW,
          "Memory for all of enrich's RocksDB stores together (block cache and memtables, outside the Java heap). "
              + "More keeps more of the duplicate and story stores in memory; each store otherwise takes its own.")
      .define(ENRICH_TRENDS_BUCKET_MAX_SUBJECTS, Type.INT, 20_000, ConfigDef.Range.atLeast(100), Importance.LOW,
          "The most subjects (entities and topics) enrich keeps per trend bucket (five minutes of the 1h window, three"
              + " hours of the 24h one), on its heap at about 260 bytes each. Past it, the subjects named least in the"
              + " bucket are dropped at the next trend update, so their counts may come out lower (the metric"
              + " newswire_enrich_trend_subjects_dropped_total counts them); the most-named ones are exact.")
      .define(ENRICH_STANDBY_REPLICAS, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
          "Standby replicas of enrich's state stores (num.standby.replicas), for fast fail-over.")
      .define(ENRICH_COMMIT_INTERVAL_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(10), Importance.MEDIUM,
          "How often enrich commits its transaction while it keeps up with its input. Enriched records become "
              + "readable (read_committed) at each commit, so this bounds the added latency (about half of it on "
              + "average).")
      .define(ENRICH_COMMIT_BACKLOG_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(10), Importance.LOW,
          "How often enrich commits while it works through a backlog (Kafka Streams' commit.interval.ms). A "
              + "transaction costs the same however many articles it holds, so fewer commits leave more CPU for "
              + "catching up. At least " + ENRICH_COMMIT_INTERVAL_MS + ".")
      .define(ENRICH_COMMIT_BACKLOG_LAG_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Enrich works through a backlog, and commits every " + ENRICH_COMMIT_BACKLOG_INTERVAL_MS + ", when the "
              + "newest raw article it has taken was sent longer ago than this (a replay, a restart after a stop, a "
              + "burst it cannot keep up with); otherwise every " + ENRICH_COMMIT_INTERVAL_MS + ".")
      .define(ENRICH_HEALTH_GRACE_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "How long enrich's streams may stay out of RUNNING (rebalancing, restoring state) before /health says DOWN.")
      .define(ENRICH_INSTANCE_ID, Type.STRING, "", Importance.MEDIUM,
          "A stable, unique name for this enrich instance (group.instance.id: static membership). A restarted instance"
              + " with the same name takes its partitions back at once, without a rebalance; empty: dynamic membership,"
              + " where a killed instance's partitions move after the session timeout (10 s).")
      .define(SINK_GROUP_ID, Type.STRING, "newswire-sink", Importance.MEDIUM, "Consumer group of the sink.")
      .define(SINK_BATCH_SIZE, Type.INT, 500, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Most records the sink writes in one database transaction.")
      .define(SINK_STORE, Type.STRING, "postgres", new StoreList(), Importance.HIGH,
          "Where the sink writes: postgres, parquet (a data lake of Parquet files in sink.parquet.dir), opensearch"
              + " (opensearch.url), or several (postgres,opensearch). Each store has a consumer group of its own, so"
              + " each keeps up and replays on its own: sink.group.id for postgres, sink.group.id-STORE for the others.")
      .define(OPENSEARCH_URL, Type.STRING, "http://127.0.0.1:9200", Importance.HIGH,
          "OpenSearch's HTTP address, for sink.store=opensearch and for 'newswire query search' when that store is on.")
      .define(OPENSEARCH_USER, Type.STRING, "", Importance.MEDIUM, "OpenSearch user (basic authentication); empty: none.")
      .define(OPENSEARCH_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "OpenSearch password (never logged).")
      .define(OPENSEARCH_INDEX, Type.STRING, "newswire-articles", Importance.MEDIUM,
          "The alias readers and the sink use; the index behind it is ALIAS-vN, N the template version (docs/SINK.md).")
      .define(SINK_PARQUET_DIR, Type.STRING, "lake", Importance.MEDIUM,
          "Folder of the parquet store: articles/date=YYYY-MM-DD/part-*.parquet and retractions/part-*.parquet.")
      .define(NOTIFY_WEBHOOK, Type.STRING, "", Importance.HIGH,
          "Where 'newswire notify' posts alerts (http:// or https://), unless a watch names its own webhook.")
      .define(NOTIFY_SECRET, Type.PASSWORD, "", Importance.HIGH,
          "Key of the HMAC-SHA256 signature of every alert posted (header X-Newswire-Signature: sha256=HEX);"
              + " empty: unsigned.")
      .define(NOTIFY_GROUP_ID, Type.STRING, "newswire-notify", Importance.MEDIUM, "Consumer group of the notifier.")
      .define(NOTIFY_HTTP_PORT, Type.INT, 8085, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
          "Port of the notifier's /metrics, /health and /ready; 0: any free port; -1: off.")
      .define(NOTIFY_MAX_ATTEMPTS, Type.INT, 6, ConfigDef.Range.between(1, 100), Importance.MEDIUM,
          "Attempts to deliver one alert (5xx, 408, 429 and network errors are retried) before it is dead-lettered.")
      .define(NOTIFY_BACKOFF_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Wait before the first retry; it doubles at each retry (up to 30 s), with random jitter of up to half.")
      .define(NOTIFY_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(100), Importance.LOW,
          "Connect and response timeout of one webhook request.")
      .define(NOTIFY_QUEUE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Most alerts waiting for one webhook. Beyond it, further alerts for that webhook are dead-lettered with"
              + " the reason at once, so a dead receiver never holds up the others.")
      .define(CONSOLE_HTTP_PORT, Type.INT, 8088, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
          "Port of the web console ('newswire console'), on http.host; 0: any free port.")
      .define(CONSOLE_ENRICH_URL, Type.STRING, "", Importance.MEDIUM,
          "Where the console asks enrich for trends and stories; empty: http://127.0.0.1:ENRICH_HTTP_PORT, enrich"
              + " on this machine.")
      .define(CONSOLE_RECENT, Type.INT, 200, ConfigDef.Range.between(10, 10_000), Importance.LOW,
          "Latest enriched articles the console keeps in memory and shows in its live stream (about 10 KB each).")
      .define(INGEST_QUARANTINE_DIR, Type.STRING, "quarantine", Importance.MEDIUM,
          "Folder for input that could not even be sent to the dead-letter topic.")
      .define(INGEST_MAX_IN_FLIGHT, Type.INT, 5000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Most articles ingest has sent but Kafka has not acknowledged yet; bounds memory (about 7 KB of heap "
              + "each for 3 KB articles). Too few starves the producer: at 1,000, batches of 6 partitions never "
              + "filled and every send waited for linger.ms.")
      .define(INGEST_STATE_DIR, Type.STRING, ".newswire/ingest", Importance.MEDIUM,
          "Where ingest remembers the articles it published and each feed's ETag and Last-Modified, across restarts.")
      .define(INGEST_SEEN_MAX, Type.INT, 1_000_000, ConfigDef.Range.atLeast(1000), Importance.LOW,
          "How many published article ids ingest remembers (the oldest are forgotten first).")
      .define(INGEST_MAX_BYTES, Type.LONG, io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES,
          ConfigDef.Range.between(1024, 512L * 1024 * 1024), Importance.MEDIUM,
          "Largest file, feed, page or HTTP request ingest reads; larger input is refused with a clear error (413 over"
              + " HTTP) and dead-lettered with its head only. Every producer's max.request.size, the topics'"
              + " max.message.bytes and the dead letters' payload are derived from it, so anything ingest accepts can"
              + " be enriched, stored and dead-lettered; after raising it, run 'newswire topics' again.")
      .define(INGEST_USER_AGENT, Type.STRING, "Newswire/0.2 (feed reader)", Importance.MEDIUM,
          "User-Agent of feed and page requests; put a contact address in it for publishers.")
      .define(INGEST_FETCH_TIMEOUT_MS, Type.INT, 15_000, ConfigDef.Range.atLeast(100), Importance.LOW,
          "Connect and read timeout of feed and page requests.")
      .define(INGEST_FEED_INTERVAL_SECONDS, Type.INT, 300, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "How often a feed is polled unless the feeds file says otherwise.")
      .define(INGEST_HOST_CONCURRENCY, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Most requests at once to one host.")
      .define(INGEST_HOST_DELAY_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Least time between two requests to one host.")
      .define(INGEST_FOLLOW_INTERVAL_SECONDS, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
          "How often 'ingest files --follow' looks for new files.")
      .define(INGEST_HTTP_PORT, Type.INT, 8090, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
          "Port of 'ingest serve', the HTTP push endpoint.")
      .define(INGEST_HTTP_TOKEN, Type.PASSWORD, "", Importance.HIGH,
          "Bearer token clients of 'ingest serve' must send; empty disables authentication (local use only).")
      .define(INGEST_HTTP_SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
          "A key store with the push endpoint's certificate and key: set, 'ingest serve' speaks https only.")
      .define(INGEST_HTTP_SSL_KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
          "Password of that key store (and of its key).")
      .define(INGEST_HTTP_SSL_KEYSTORE_TYPE, Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"),
          Importance.LOW, "Type of that key store.");

  /** Environment variables of the launcher and the logging set-up, not settings: never checked as keys. */
  private static final java.util.Set<String> NOT_SETTINGS = java.util.Set.of("java.opts", "skip.build", "debug",
      "log.format", "log.level", "registry.archive", "home", "health.port");

  private final Map<String, String> values;
  /** Where each value came from, for error messages: a file, an environment variable, --set. */
  private final Map<String, String> origins;

  private NewswireConfig(Map<String, String> values, Map<String, String> origins) {
    this.values = values;
    this.origins = origins;
  }

  private NewswireConfig(Map<String, String> values) {
    this(values, Map.of());
  }

  /** Reads the file (if any), then the environment, then the overrides. */
  public static NewswireConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>();
    Map<String, String> origins = new HashMap<>();
    if (file != null) {
      Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        props.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
      }
      props.stringPropertyNames().forEach(k -> {
        values.put(k, props.getProperty(k).trim());
        origins.put(k, file.toString());
      });
    }
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        if (!NOT_SETTINGS.contains(key)) {
          values.put(key, value);
          origins.put(key, "environment variable " + name);
        }
      }
    });
    values.putAll(overrides);
    overrides.keySet().forEach(k -> origins.put(k, "--set"));
    return new NewswireConfig(values, origins);
  }

  public static NewswireConfig of(Map<String, String> values) {
    return load(null, Map.of(), values);
  }

  public NewswireConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new NewswireConfig(merged, origins);
  }

  /**
   * Checks every setting: a Newswire key must be declared and its value valid; pass-through prefixes
   * ({@code enrich.streams.}, {@code sink.consumer.}, security and registry settings) and Kafka clients' own keys
   * are left to Kafka, which warns about keys a client does not use. Anything else is refused, with the nearest
   * valid key. Returns this configuration, so {@code NewswireConfig.load(...).checked()} reads well.
   *
   * @throws ConfigProblem naming each bad key, its value, where it came from, and what is allowed
   */
  public NewswireConfig checked() {
    List<String> problems = new ArrayList<>();
    values.forEach((key, value) -> {
      String where = origins.containsKey(key) ? " (from " + origins.get(key) + ")" : "";
      ConfigDef.ConfigKey declared = CONFIG.configKeys().get(key);
      if (declared != null) {
        try {
          Object parsed = ConfigDef.parseType(key, value, declared.type);
          if (declared.validator != null) {
            declared.validator.ensureValid(key, parsed);
          }
        } catch (org.apache.kafka.common.config.ConfigException e) {
          String allowed = declared.validator != null ? declared.validator.toString() : declared.type.toString().toLowerCase(Locale.ROOT);
          problems.add("invalid value '" + (secret(key) ? "[hidden]" : value) + "' for " + key + where + "; allowed: " + allowed);
        }
      } else if (!passesThrough(key)) {
        String nearest = nearest(key);
        problems.add("unknown setting " + key + where + (nearest == null ? "" : "; did you mean " + nearest + "?"));
      }
    });
    try {
      if (getLong(ENRICH_COMMIT_BACKLOG_INTERVAL_MS) < getLong(ENRICH_COMMIT_INTERVAL_MS)) {
        problems.add(ENRICH_COMMIT_BACKLOG_INTERVAL_MS + " (" + get(ENRICH_COMMIT_BACKLOG_INTERVAL_MS) + ") is less than "
            + ENRICH_COMMIT_INTERVAL_MS + " (" + get(ENRICH_COMMIT_INTERVAL_MS) + "); a backlog would be committed more"
            + " often than a live stream");
      }
    } catch (NumberFormatException e) {
      // already reported above as an invalid value
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblem(problems);
    }
    return this;
  }

  /** Settings that are wrong: every problem at once, so a user fixes them in one go. */
  public static final class ConfigProblem extends IllegalArgumentException {
    public final List<String> problems;

    ConfigProblem(List<String> problems) {
      super("configuration refused: " + String.join("; ", problems) + " (docs/CONFIGURATION.md lists every setting)");
      this.problems = List.copyOf(problems);
    }
  }

  private static boolean passesThrough(String key) {
    if (key.startsWith(ENRICH_STREAMS_PREFIX) || key.startsWith(SINK_CONSUMER_PREFIX)) {
      return true;
    }
    for (String prefix : KAFKA_PASSTHROUGH) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    for (String prefix : REGISTRY_PASSTHROUGH) {
      if (key.startsWith(prefix) && !OWN_NAMESPACES.stream().anyMatch(key::startsWith)) {
        return true;
      }
    }
    return KafkaKeys.ALL.contains(key);
  }

  /** Prefixes only Newswire uses: a key under them that is not declared is a mistake, never a pass-through. */
  private static final List<String> OWN_NAMESPACES = List.of("ingest.", "enrich.", "sink.", "postgres.", "topics.",
      "http.host", "http.advertised");

  /** The declared or Kafka key nearest to a mistyped one, if near enough to be what was meant. */
  static String nearest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    java.util.Set<String> candidates = new java.util.TreeSet<>(CONFIG.names());
    candidates.addAll(KafkaKeys.ALL);
    for (String candidate : candidates) {
      int d = distance(key, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The stores the sink writes to ({@code sink.store}), in the order given. */
  public List<String> sinkStores() {
    return java.util.Arrays.stream(get(SINK_STORE).split(",")).map(String::strip).filter(x -> !x.isEmpty())
        .distinct().toList();
  }

  /** The consumer group of the sink writing to {@code store}: {@code sink.group.id}, suffixed but for postgres. */
  public String sinkGroupId(String store) {
    return store.equals("postgres") ? get(SINK_GROUP_ID) : get(SINK_GROUP_ID) + "-" + store;
  }

  /** sink.store: one store, or several separated by commas. */
  static final class StoreList implements ConfigDef.Validator {
    static final List<String> STORES = List.of("postgres", "parquet", "opensearch");

    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString();
      List<String> stores = java.util.Arrays.stream(text.split(",")).map(String::strip).toList();
      if (stores.isEmpty() || !STORES.containsAll(stores)) {
        throw new org.apache.kafka.common.config.ConfigException(name, value, "expected " + this);
      }
    }

    @Override
    public String toString() {
      return "one or more of " + String.join(", ", STORES) + ", separated by commas";
    }
  }

  /** A declared key's value, or its default. */
  public String get(String key) {
    if (values.containsKey(key)) {
      return values.get(key);
    }
    ConfigDef.ConfigKey declared = CONFIG.configKeys().get(key);
    if (declared == null) {
      throw new IllegalArgumentException("Unknown setting " + key);
    }
    Object def = declared.defaultValue;
    return def == null ? null : def instanceof org.apache.kafka.common.config.types.Password p ? p.value() : def.toString();
  }

  public int getInt(String key) {
    return Integer.parseInt(get(key));
  }

  public long getLong(String key) {
    return Long.parseLong(get(key));
  }

  public boolean getBoolean(String key) {
    return Boolean.parseBoolean(get(key).trim());
  }

  public short getShort(String key) {
    return Short.parseShort(get(key));
  }

  /** The settings under a prefix, with the prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix) && k.length() > prefix.length()) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * Settings for every Kafka client: bootstrap servers, security settings, and any other Kafka client key
   * given (e.g. {@code client.id}, {@code request.timeout.ms}), passed through; a client warns about the ones it
   * does not use, as Kafka's tools do.
   */
  public Map<String, Object> kafkaClients() {
    Map<String, Object> props = new HashMap<>();
    props.put(BOOTSTRAP_SERVERS, get(BOOTSTRAP_SERVERS));
    values.forEach((k, v) -> {
      for (String prefix : KAFKA_PASSTHROUGH) {
        if (k.startsWith(prefix)) {
          props.put(k, v);
        }
      }
      if (KafkaKeys.ALL.contains(k) && !CONFIG.names().contains(k) && !passesThroughToRegistryOnly(k)) {
        props.put(k, v);
      }
    });
    return props;
  }

  private static boolean passesThroughToRegistryOnly(String key) {
    return key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.");
  }

  /** The largest article ingest accepts ({@value #INGEST_MAX_BYTES}), from which every record size is derived. */
  public long articleMaxBytes() {
    return getLong(INGEST_MAX_BYTES);
  }

  /** {@link #kafkaClients()} for producers: requests large enough for any record the accepted articles make. */
  public Map<String, Object> producerClients() {
    Map<String, Object> props = kafkaClients();
    props.put("max.request.size", io.newswire.topics.RecordSizes.recordMaxBytes(articleMaxBytes()));
    return props;
  }

  /** Settings for the Avro serdes and the registry client, under Confluent's names. */
  public Map<String, Object> serdes() {
    Map<String, Object> props = new HashMap<>();
    props.put(SCHEMA_REGISTRY_URL, get(SCHEMA_REGISTRY_URL));
    values.forEach((k, v) -> {
      for (String prefix : REGISTRY_PASSTHROUGH) {
        if (k.startsWith(prefix)) {
          props.put(k, v);
        }
      }
    });
    return props;
  }

  /** Everything set explicitly, secrets hidden, for logs and {@code --help}-style listings. */
  public Map<String, String> describe() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, secret(k) ? "[hidden]" : v));
    return shown;
  }

  static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("user.info")
        || k.contains("jaas");
  }
}
