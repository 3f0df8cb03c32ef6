package io.newswire.topics;

import io.newswire.registry.CompatibilityLevel;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.schema.TrendCount;
import io.newswire.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Newswire's topics: ingest → {@value #RAW_ARTICLES} → enrich → {@value
 * #ENRICHED_ARTICLES} → sink, and {@value #DEAD_LETTERS} for whatever a stage could not process. Every stage
 * gets its topics, serdes and schema subjects from here; nobody spells a topic name twice.
 */
public final class Topics {
  public static final String RAW_ARTICLES = "newswire.articles.raw";
  public static final String ENRICHED_ARTICLES = "newswire.articles.enriched";
  public static final String DEAD_LETTERS = "newswire.deadletters";
  public static final String TRENDS = "newswire.trends";
  /** enrich's shared index of article fingerprints and story entities, read back as a global store by every instance. */
  public static final String ENRICH_INDEX = "newswire.enrich.index";
  /** How long the index remembers an article: its topic's retention, and the window enrich's global store keeps. */
  public static final Duration ENRICH_INDEX_RETENTION = Duration.ofDays(7);
  /** Watches, the saved searches enrich matches every article against: compacted, key = watch id. */
  public static final String WATCHES = "newswire.watches";
  /** An alert for each article a watch matched, key = watch id; the notifier posts them to webhooks. */
  public static final String ALERTS = "newswire.alerts";

  /** Newswire's own subjects evolve under BACKWARD: a new schema must read everything written before it. */
  public static final CompatibilityLevel COMPATIBILITY = CompatibilityLevel.BACKWARD;

  private static final String THIRTY_DAYS_MS = String.valueOf(30L * 24 * 3600 * 1000);

  public final Topic<String, RawArticle> rawArticles;
  public final Topic<String, EnrichedArticle> enrichedArticles;
  public final Topic<String, DeadLetter> deadLetters;
  public final Topic<String, TrendCount> trends;
  public final Topic<String, String> enrichIndex;
  public final Topic<String, io.newswire.schema.Watch> watches;
  public final Topic<String, io.newswire.schema.Alert> alerts;

  private Topics(Map<String, ?> serdeConfig, long articleMaxBytes, int partitions) {
    // Records as large as the largest article ingest accepts makes (RecordSizes); the broker's default is 1 MB.
    String maxMessage = String.valueOf(RecordSizes.recordMaxBytes(articleMaxBytes));
    // Raw articles are kept forever: replaying them through a better tagger is how enrichment improves.
    rawArticles = new Topic<>(RAW_ARTICLES, Serdes.String(), specific(serdeConfig), partitions, Map.of(
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.COMPRESSION_TYPE_CONFIG, "producer",
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    // Compacted: the latest enrichment of each article, and tombstones for retracted ones.
    // As many partitions as the raw topic: enrich reads its earlier decisions from this topic's store by article id.
    enrichedArticles = new Topic<>(ENRICHED_ARTICLES, Serdes.String(), specific(serdeConfig), partitions, Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.COMPRESSION_TYPE_CONFIG, "producer",
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    deadLetters = new Topic<>(DEAD_LETTERS, Serdes.String(), specific(serdeConfig), 1, Map.of(
        TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS_MS,
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    // Compacted: the latest count of each entity or topic in each window.
    trends = new Topic<>(TRENDS, Serdes.String(), specific(serdeConfig), Math.max(1, partitions / 2), Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    // Compacted and time-limited: one record per article (its fingerprint, story and key entities; earlier
    // builds wrote one per band or entity), forgotten after 7 days.
    enrichIndex = new Topic<>(ENRICH_INDEX, Serdes.String(), Serdes.String(), partitions, Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(ENRICH_INDEX_RETENTION.toMillis())));
    // Compacted and never expired: the current version of every watch; one partition, since every enrich
    // instance reads all of it into a global store and there are thousands of watches, not millions.
    watches = new Topic<>(WATCHES, Serdes.String(), specific(serdeConfig), 1, Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    // Kept 30 days, like the dead letters: long enough for a notifier that was down to catch up.
    // An alert carries its article's title, which may be as long as an article: the same record limit.
    alerts = new Topic<>(ALERTS, Serdes.String(), specific(serdeConfig), Math.max(1, partitions / 2), Map.of(
        TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS_MS,
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
  }

  /** Topics whose serdes are configured with the given registry settings ({@code schema.registry.url}, ...). */
  public static Topics create(Map<String, ?> serdeConfig) {
    return new Topics(serdeConfig, RecordSizes.DEFAULT_ARTICLE_MAX_BYTES, DEFAULT_PARTITIONS);
  }

  /** As above, for articles of at most {@code articleMaxBytes} ({@code ingest.max.bytes}). */
  public static Topics create(Map<String, ?> serdeConfig, long articleMaxBytes) {
    return new Topics(serdeConfig, articleMaxBytes, DEFAULT_PARTITIONS);
  }

  /** The topics as a configuration declares them: its registry, its article size and its partition count. */
  public static Topics create(io.newswire.config.NewswireConfig config) {
    return new Topics(config.serdes(), config.articleMaxBytes(),
        config.getInt(io.newswire.config.NewswireConfig.TOPICS_PARTITIONS));
  }

  /** Partitions of the article topics unless {@code topics.partitions} says otherwise. */
  public static final int DEFAULT_PARTITIONS = 6;

  public List<Topic<?, ?>> all() {
    return List.of(rawArticles, enrichedArticles, deadLetters, trends, enrichIndex, watches, alerts);
  }

  /** Value schemas by subject, for registering them up front. */
  public static Map<String, Schema> valueSchemas() {
    Map<String, Schema> schemas = new HashMap<>();
    schemas.put(RAW_ARTICLES + "-value", RawArticle.getClassSchema());
    schemas.put(ENRICHED_ARTICLES + "-value", EnrichedArticle.getClassSchema());
    schemas.put(DEAD_LETTERS + "-value", DeadLetter.getClassSchema());
    schemas.put(TRENDS + "-value", TrendCount.getClassSchema());
    schemas.put(WATCHES + "-value", io.newswire.schema.Watch.getClassSchema());
    schemas.put(ALERTS + "-value", io.newswire.schema.Alert.getClassSchema());
    return schemas;
  }

  /** Sets BACKWARD on each subject and registers the current schemas; fails with the registry's reasons if one is incompatible. */
  public static void registerSchemas(SchemaRegistryClient registry) {
    valueSchemas().forEach((subject, schema) -> {
      registry.setCompatibility(subject, COMPATIBILITY);
      registry.register(subject, schema);
    });
  }

  /**
   * Checks, before a stage starts, that the topics it uses exist with at least their partitions; creates the
   * missing ones when {@code topics.auto.create} is on. Otherwise fails at once with the fix, rather than
   * letting every send wait a minute for metadata of a topic that will never appear.
   *
   * @throws IllegalStateException naming the topics and the command that fixes them, or the unreachable cluster
   */
  public static void requireTopics(io.newswire.config.NewswireConfig config, String stage, String... names) {
    Topics topics = create(config);
    String bootstrap = config.get(io.newswire.config.NewswireConfig.BOOTSTRAP_SERVERS);
    Map<String, Object> admin = new HashMap<>(config.kafkaClients());
    admin.putIfAbsent("default.api.timeout.ms", 30_000);
    admin.putIfAbsent("request.timeout.ms", 15_000);
    long waitMs = Long.parseLong(admin.get("default.api.timeout.ms").toString()) + 1_000;
    try (Admin client = Admin.create(admin)) {
      if (config.getBoolean(io.newswire.config.NewswireConfig.TOPICS_AUTO_CREATE)) {
        short rf = config.getShort(io.newswire.config.NewswireConfig.REPLICATION_FACTOR);
        topics.createMissing(client, rf < 0 ? Optional.empty() : Optional.of(rf));
        topics.raiseMessageLimits(client);
      }
      Set<String> existing = client.listTopics().names().get(waitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
      List<String> problems = new java.util.ArrayList<>();
      List<String> present = java.util.Arrays.stream(names).filter(existing::contains).toList();
      for (String name : names) {
        if (!existing.contains(name)) {
          problems.add(name + " is missing");
        }
      }
      if (!present.isEmpty()) {
        var described = client.describeTopics(present).allTopicNames().get(waitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        for (Topic<?, ?> t : topics.all()) {
          if (described.containsKey(t.name()) && described.get(t.name()).partitions().size() < t.partitions()) {
            problems.add(t.name() + " has " + described.get(t.name()).partitions().size() + " partitions, fewer than "
                + t.partitions());
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException(stage + " cannot start on " + bootstrap + ": " + String.join(", ", problems)
            + ". Run 'newswire topics' (with the same settings) to create them, or set topics.auto.create=true");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(stage + " was interrupted while checking its topics", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(stage + " cannot reach Kafka at " + bootstrap + " to check its topics ("
          + (e.getCause() == null ? e : e.getCause()).getMessage() + "); check bootstrap.servers and the security"
          + " settings", e);
    }
  }

  /** Creates the topics that do not exist yet; returns the names created. */
  public Set<String> createMissing(Admin admin, Optional<Short> replicationFactor)
      throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    var missing = all().stream().filter(t -> !existing.contains(t.name())).toList();
    if (!missing.isEmpty()) {
      try {
        admin.createTopics(missing.stream().map(t -> t.newTopic(replicationFactor)).toList()).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e; // another instance created it in between: fine
        }
      }
    }
    return missing.stream().map(Topic::name).collect(Collectors.toSet());
  }

  /**
   * Raises {@code max.message.bytes} of existing topics that are below what their records may need (topics
   * created before the setting existed, or before {@code ingest.max.bytes} was raised); returns the names changed.
   */
  public Set<String> raiseMessageLimits(Admin admin) throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<Topic<?, ?>> present = all().stream().filter(t -> existing.contains(t.name())
        && t.configs().containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)).toList();
    if (present.isEmpty()) {
      return Set.of();
    }
    var resources = present.stream().map(t -> new org.apache.kafka.common.config.ConfigResource(
        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t.name())).toList();
    var current = admin.describeConfigs(resources).all().get();
    Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>>
        changes = new HashMap<>();
    for (Topic<?, ?> t : present) {
      var resource = new org.apache.kafka.common.config.ConfigResource(
          org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t.name());
      var entry = current.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      long wanted = Long.parseLong(t.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
      if (entry == null || entry.value() == null || Long.parseLong(entry.value()) < wanted) {
        changes.put(resource, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
            new org.apache.kafka.clients.admin.ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(wanted)),
            org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)));
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get();
    }
    return changes.keySet().stream().map(org.apache.kafka.common.config.ConfigResource::name).collect(Collectors.toSet());
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> specific(Map<String, ?> config) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }
}
