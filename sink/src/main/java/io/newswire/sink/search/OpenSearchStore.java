package io.newswire.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Place;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.Batches;
import io.newswire.sink.Store;
import io.newswire.sink.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Enriched articles as OpenSearch documents: document id = article id, written with {@code _bulk} through the
 * alias {@link SearchIndex} maintains. Ordered like the PostgreSQL store by external versioning: the version is
 * the enrichment version, then the fetch time ({@link #version}), with {@code external_gte}, so the same record
 * again rewrites the same document, and an older version arriving late is refused by OpenSearch (409, ignored). A
 * tombstone deletes. Documents OpenSearch refuses (a mapping error) make the batch a {@link StoreException}: the
 * sink then writes the records one by one and dead-letters the refused one with OpenSearch's reason.
 */
public final class OpenSearchStore implements Store {
  private final OpenSearchClient client;
  private final String alias;
  private volatile boolean migrated;

  /**
   * Migrates the index now if OpenSearch answers; if it does not, the sink starts anyway and the first batch
   * migrates, paused and retried like any write while OpenSearch is away.
   */
  public OpenSearchStore(String url, String user, String password, String alias) {
    this.client = new OpenSearchClient(url, user, password);
    this.alias = alias;
    try {
      migrate();
    } catch (io.newswire.sink.StoreUnavailableException later) {
      org.slf4j.LoggerFactory.getLogger(OpenSearchStore.class).warn("{}; the index is migrated once it answers",
          later.getMessage());
    }
  }

  private void migrate() {
    if (!migrated) {
      SearchIndex.migrate(client, alias);
      migrated = true;
    }
  }

  /** Enrichment version in the high bits, fetch time in milliseconds (until the year 2109) in the low 42. */
  public static long version(EnrichedArticle a) {
    return ((long) a.getEnrichmentVersion() << 42) | (a.getArticle().getFetchedAt().toEpochMilli() & ((1L << 42) - 1));
  }

  @Override
  public void apply(List<ArticleChange> changes) {
    migrate();
    List<ArticleChange> latest = Batches.latestPerArticle(changes);
    if (latest.isEmpty()) {
      return;
    }
    StringBuilder bulk = new StringBuilder();
    for (ArticleChange change : latest) {
      ObjectNode action = OpenSearchClient.JSON.createObjectNode();
      if (change instanceof ArticleChange.Upsert u) {
        action.putObject("index").put("_index", alias).put("_id", change.id()).put("version", version(u.article()))
            .put("version_type", "external_gte");
        bulk.append(action).append('\n').append(document(u.article())).append('\n');
      } else {
        action.putObject("delete").put("_index", alias).put("_id", change.id());
        bulk.append(action).append('\n');
      }
    }
    OpenSearchClient.Response response = client.send("POST", "/_bulk", bulk.toString(), "application/x-ndjson");
    if (response.status() >= 300) {
      throw new StoreException("OpenSearch refused the bulk request: HTTP " + response.status() + " "
          + response.body().path("error"), null);
    }
    if (!response.body().path("errors").asBoolean(false)) {
      return;
    }
    List<String> refused = new ArrayList<>();
    boolean busy = false;
    for (JsonNode item : response.body().path("items")) {
      JsonNode result = item.elements().next();
      int status = result.path("status").asInt();
      if (status == 409 || (status == 404 && item.has("delete")) || status < 300) {
        continue; // a newer version is there already; or the deleted document was not
      }
      if (status == 429 || status >= 500) {
        busy = true;
        continue;
      }
      JsonNode error = result.path("error");
      refused.add(result.path("_id").asText() + ": " + error.path("type").asText() + ": " + error.path("reason").asText()
          + (error.has("caused_by") ? " (" + error.path("caused_by").path("reason").asText() + ")" : ""));
    }
    if (!refused.isEmpty()) {
      throw new StoreException("OpenSearch refused " + refused.size() + " document(s): " + String.join("; ", refused), null);
    }
    if (busy) {
      throw new io.newswire.sink.StoreUnavailableException("OpenSearch was too busy for part of a bulk request (429)", null);
    }
  }

  /** The document of an article: text for search, keywords for facets, places as geo points. */
  public static ObjectNode document(EnrichedArticle a) {
    var raw = a.getArticle();
    ObjectNode doc = OpenSearchClient.JSON.createObjectNode()
        .put("id", raw.getId())
        .put("enrichment_version", a.getEnrichmentVersion())
        .put("tagger", a.getTagger())
        .put("url", raw.getUrl())
        .put("source", raw.getSource())
        .put("feed", raw.getFeed())
        .put("title", raw.getTitle())
        .put("body", raw.getBody())
        .put("language", a.getLanguage())
        .put("published_at", time(raw.getPublishedAt()))
        .put("fetched_at", time(raw.getFetchedAt()))
        .put("enriched_at", time(a.getEnrichedAt()))
        .put("when", time(raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getFetchedAt()))
        .put("duplicate_of", a.getDuplicateOf())
        .put("story_id", a.getStoryId());
    ArrayNode people = doc.putArray("people");
    ArrayNode organisations = doc.putArray("organisations");
    ArrayNode places = doc.putArray("places");
    ArrayNode other = doc.putArray("other");
    ArrayNode ids = doc.putArray("entity_ids");
    for (Entity e : a.getEntities()) {
      ids.add(e.getId());
      switch (e.getType()) {
        case PER -> people.add(e.getName());
        case ORG -> organisations.add(e.getName());
        case LOC -> places.add(e.getName());
        default -> other.add(e.getName());
      }
    }
    ArrayNode codes = doc.putArray("topic_codes");
    ArrayNode labels = doc.putArray("topic_labels");
    for (MediaTopic t : a.getTopics()) {
      codes.add(t.getCode());
      labels.add(t.getLabel());
    }
    ArrayNode countries = doc.putArray("countries");
    ArrayNode locations = doc.putArray("locations");
    for (Place p : a.getPlaces()) {
      if (p.getCountryCode() != null) {
        countries.add(p.getCountryCode());
      }
      locations.addObject().put("lat", p.getLatitude()).put("lon", p.getLongitude());
    }
    return doc;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  @Override
  public String describe() {
    return "OpenSearch " + client.url() + " (alias " + alias + ")";
  }

  @Override
  public void close() {
    // the JDK client holds no connection worth closing
  }
}
