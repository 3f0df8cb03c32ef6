package io.newswire.sink.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.config.NewswireConfig;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.ArticleFilter;
import io.newswire.sink.Fixtures;
import io.newswire.sink.SinkApplication;
import io.newswire.stack.LocalOpenSearch;
import io.newswire.stack.LocalStack;
import io.newswire.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch store on a real OpenSearch node and a real broker: replays give the same documents and versions,
 * a document OpenSearch refuses is one dead letter while the rest are indexed, and a node killed with SIGKILL in
 * the middle of the bulk requests and started again loses nothing: the sink pauses, then resumes.
 */
class OpenSearchStoreIT {
  static LocalStack stack;
  static LocalOpenSearch opensearch;
  static Topics topics;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.shared();
    opensearch = stack.opensearch();
    Map<String, Object> serdes = Map.of("schema.registry.url", stack.registryUrl());
    topics = Topics.create(serdes);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      topics.createMissing(admin, Optional.of((short) 1));
    }
    Topics.registerSchemas(SchemaRegistryClients.create(serdes));
  }

  static NewswireConfig config(String run) {
    return NewswireConfig.of(Map.of(
        NewswireConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        NewswireConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(),
        NewswireConfig.SINK_STORE, "opensearch",
        NewswireConfig.OPENSEARCH_URL, opensearch.url(),
        NewswireConfig.OPENSEARCH_INDEX, run,
        NewswireConfig.SINK_GROUP_ID, run,
        NewswireConfig.SINK_BATCH_SIZE, "200",
        NewswireConfig.SINK_HTTP_PORT, "-1"));
  }

  static void produce(String run, int n, EnrichedArticle... extra) throws Exception {
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
        topics.enrichedArticles.keySerde().serializer(), topics.enrichedArticles.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, run + "-" + i, Fixtures.article(run + "-" + i, 1, "Article " + i)));
      }
      for (EnrichedArticle a : extra) {
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, a.getArticle().getId(), a));
      }
    }
  }

  /** id → version and title of every document under the alias. */
  static Map<String, String> documents(NewswireConfig config, String run) {
    OpenSearchClient client = new OpenSearchClient(opensearch.url(), null, null);
    client.send("POST", "/" + run + "/_refresh", null);
    JsonNode hits = client.send("POST", "/" + run + "/_search?version=true&size=10000",
        "{\"query\":{\"prefix\":{\"id\":\"" + run + "-\"}},\"_source\":[\"title\",\"enrichment_version\"]}").body()
        .path("hits").path("hits");
    Map<String, String> docs = new TreeMap<>();
    for (JsonNode hit : hits) {
      docs.put(hit.path("_id").asText(), hit.path("_version").asText() + " " + hit.path("_source").path("enrichment_version")
          + " " + hit.path("_source").path("title").asText());
    }
    return docs;
  }

  /** Whether the group has committed the end of every partition of the enriched topic. */
  static boolean caughtUp(String group) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      var partitions = admin.describeTopics(List.of(Topics.ENRICHED_ARTICLES)).allTopicNames().get()
          .get(Topics.ENRICHED_ARTICLES).partitions();
      Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
      partitions.forEach(p -> request.put(new TopicPartition(Topics.ENRICHED_ARTICLES, p.partition()), OffsetSpec.latest()));
      var ends = admin.listOffsets(request).all().get();
      return ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
          && committed.get(e.getKey()).offset() >= e.getValue().offset());
    }
  }

  @Test
  void replayingTwiceGivesTheSameDocumentsAndVersions() throws Exception {
    String run = "os-replay-" + System.nanoTime();
    EnrichedArticle revised = Fixtures.article(run + "-3", 2, "Revised");
    EnrichedArticle late = Fixtures.article(run + "-4", 1, "Article 4, an older fetch");
    late.getArticle().setFetchedAt(late.getArticle().getFetchedAt().minusSeconds(3600));
    produce(run, 50, revised, late);
    try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.bootstrapServers()), topics.enrichedArticles.keySerde().serializer(),
        topics.enrichedArticles.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, run + "-9", null)).get(); // retracted
    }
    NewswireConfig config = config(run);
    Map<String, String> first;
    try (SinkApplication sink = new SinkApplication(config)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(config.sinkGroupId("opensearch")));
      first = documents(config, run);
    }
    assertThat(first).hasSize(49).doesNotContainKey(run + "-9");
    assertThat(first.get(run + "-3")).endsWith(" 2 Revised");
    assertThat(first.get(run + "-4")).endsWith(" 1 Article 4"); // the older fetch, later in the topic, lost
    for (int replay = 1; replay <= 2; replay++) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
        admin.deleteConsumerGroups(List.of(config.sinkGroupId("opensearch"))).all().get();
      }
      try (SinkApplication sink = new SinkApplication(config)) {
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(config.sinkGroupId("opensearch")));
      }
      assertThat(documents(config, run)).as("after replay " + replay).isEqualTo(first);
    }

    // the questions of docs/QUERYING.md, asked of OpenSearch as 'newswire query' asks them. The group read the whole
    // topic, other tests' articles too; all of them are fixtures about Ana Ruiz opening a bridge in Lisbon.
    ArticleSearch search = new ArticleSearch(opensearch.url(), "", "", run);
    long all = new OpenSearchClient(opensearch.url(), null, null).send("GET", "/" + run + "/_count", null).body()
        .path("count").asLong();
    assertThat(all).isGreaterThanOrEqualTo(49);
    Instant from = Instant.parse("2025-04-01T00:00:00Z");
    Instant to = Instant.parse("2025-04-10T00:00:00Z");
    var words = search.search("bridge OR ferry", from, to, 5);
    assertThat(words.total()).isEqualTo(all);
    assertThat(words.hits().get(0).snippets()).anySatisfy(s -> assertThat(s).contains("«bridge»"));
    assertThat(words.facets().get("people")).containsEntry("Ana Ruiz", all);
    assertThat(words.facets().get("topics")).containsEntry("politics", all);
    assertThat(words.facets().get("sources")).containsEntry("Example News", all);
    assertThat(search.search("ferry", from, to, 5).total()).isZero();
    assertThat(search.run(ArticleSearch.entityRequest("ana r%", from, to, 5)).total()).isEqualTo(all);
    assertThat(search.run(ArticleSearch.entityRequest("LOC:lisbon", from, to, 5)).total()).isEqualTo(all);
    assertThat(search.run(ArticleSearch.entityRequest("nobody%", from, to, 5)).total()).isZero();
    assertThat(search.run(ArticleSearch.topicRequest("Politics", from, to, 5)).total()).isEqualTo(all);
    assertThat(search.run(ArticleSearch.topicRequest("medtop:11000000", from, to, 5)).total()).isEqualTo(all);
    assertThat(search.run(ArticleSearch.rangeRequest(from, to, 5)).total()).isEqualTo(all);
    assertThat(search.run(ArticleSearch.rangeRequest(to, to.plusSeconds(86_400), 5)).total()).isZero();
    assertThat(search.trending(null, from, to, 2)).containsExactly(new ArticleSearch.Trend("PER", "Ana Ruiz", all),
        new ArticleSearch.Trend("LOC", "Lisbon", all));
    assertThat(search.trending("LOC", from, to, 5)).containsExactly(new ArticleSearch.Trend("LOC", "Lisbon", all));
    // the console's search: every part of the filter must hold
    assertThat(search.find(new ArticleFilter("bridge", "ana r%", "politics", "en", from, to, 5)).total()).isEqualTo(all);
    assertThat(search.find(new ArticleFilter("bridge", null, null, "de", from, to, 5)).total()).isZero();
    assertThat(search.find(new ArticleFilter(null, "nobody%", null, null, from, to, 5)).total()).isZero();
    assertThat(search.find(new ArticleFilter(null, null, null, null, from, to, 5)).total()).isEqualTo(all);
  }

  @Test
  void aDocumentOpenSearchRefusesIsOneDeadLetterAndTheRestAreIndexed() throws Exception {
    String run = "os-mapping-" + System.nanoTime();
    EnrichedArticle bad = Fixtures.article(run + "-bad", 1, "Somewhere past the pole");
    // a place no geo_point takes (a latitude past 90): OpenSearch refuses the document, not the batch
    bad.setPlaces(List.of(io.newswire.schema.Place.newBuilder().setEntityId("LOC:nowhere").setName("Nowhere")
        .setLatitude(123.0).setLongitude(10.0).setCountryCode("XX").build()));
    produce(run, 30, bad);
    NewswireConfig config = config(run);
    try (SinkApplication sink = new SinkApplication(config)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(config.sinkGroupId("opensearch")));
    }
    assertThat(documents(config, run)).hasSize(30).doesNotContainKey(run + "-bad");
    List<DeadLetter> letters = deadLetters(run + "-bad");
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.getStage()).isEqualTo("sink");
      assertThat(l.getErrorMessage()).contains(run + "-bad").contains("mapper_parsing_exception");
    });
  }

  @Test
  void aNodeKilledMidBulkLosesNothing() throws Exception {
    String run = "os-kill-" + System.nanoTime();
    NewswireConfig config = config(run);
    int n = 3000;
    try (SinkApplication sink = new SinkApplication(config)) {
      produce(run, n);
      await().atMost(Duration.ofSeconds(60)).until(() -> documents(config, run).size() > 200);
      opensearch.kill(); // SIGKILL, in the middle of the bulk requests
      Thread.sleep(3_000);
      opensearch.start();
      await().atMost(Duration.ofSeconds(180)).until(() -> caughtUp(config.sinkGroupId("opensearch")));
    }
    assertThat(documents(config, run)).hasSize(n);
    for (int i = 0; i < n; i += 500) {
      assertThat(deadLetters(run + "-" + i)).as("dead letters of " + run).isEmpty();
    }
  }

  @Test
  void anIndexOfAnOlderTemplateIsCopiedAndTheAliasSwapped() throws Exception {
    String alias = "os-migrate-" + System.nanoTime();
    OpenSearchClient client = new OpenSearchClient(opensearch.url(), null, null);
    // what an older build left: documents at external versions in ALIAS-v0, the alias pointing at it
    assertThat(client.send("PUT", "/" + alias + "-v0", "{}").status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      EnrichedArticle a = Fixtures.article(alias + "-" + i, 1, "Article " + i);
      assertThat(client.send("PUT", "/" + alias + "-v0/_doc/" + alias + "-" + i + "?version_type=external&version="
          + OpenSearchStore.version(a), OpenSearchStore.document(a).toString()).status()).isEqualTo(201);
    }
    client.send("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + alias + "-v0\",\"alias\":\"" + alias + "\"}}]}");

    assertThat(SearchIndex.migrate(client, alias)).isEqualTo(alias + "-v" + SearchIndex.VERSION);
    assertThat(client.send("GET", "/_alias/" + alias, null).body().fieldNames()).toIterable()
        .containsExactly(alias + "-v" + SearchIndex.VERSION);
    JsonNode copied = client.send("GET", "/" + alias + "/_doc/" + alias + "-3", null).body();
    assertThat(copied.path("_version").asLong()).isEqualTo(OpenSearchStore.version(Fixtures.article(alias + "-3", 1, "x")));
    assertThat(client.send("GET", "/" + alias + "/_count", null).body().path("count").asLong()).isEqualTo(5);
    // migrating again changes nothing
    assertThat(SearchIndex.migrate(client, alias)).isEqualTo(alias + "-v" + SearchIndex.VERSION);
  }

  @Test
  void aSinkStartedWhileOpenSearchIsDownWaitsForIt() throws Exception {
    String run = "os-late-" + System.nanoTime();
    opensearch.stop();
    try (SinkApplication sink = new SinkApplication(config(run))) {
      produce(run, 20);
      Thread.sleep(2_000);
      opensearch.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(config(run).sinkGroupId("opensearch")));
    } finally {
      opensearch.start(); // idempotent if already up
    }
    assertThat(documents(config(run), run)).hasSize(20);
  }

  static List<DeadLetter> deadLetters(String key) {
    List<DeadLetter> found = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers()), new StringDeserializer(), topics.deadLetters.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            found.add(r.value());
          }
        }
      }
    }
    return found;
  }
}
