package io.newswire.watches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.RawArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Enriched articles read back from the JSON document the PostgreSQL store keeps of each (the {@code document}
 * column: the record with unions unwrapped and times as ISO-8601), with what rules look at: the text, source,
 * language, entities, places and topics. For trying a watch on stored articles ({@code newswire watch test}).
 */
public final class StoredArticles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredArticles() {}

  public static EnrichedArticle fromDocument(String json) throws IOException {
    JsonNode doc = JSON.readTree(json);
    JsonNode a = doc.path("article");
    RawArticle raw = RawArticle.newBuilder()
        .setId(a.path("id").asText())
        .setUrl(text(a, "url"))
        .setSource(a.path("source").asText(""))
        .setFeed(text(a, "feed"))
        .setTitle(a.path("title").asText(""))
        .setBody(a.path("body").asText(""))
        .setPublishedAt(a.hasNonNull("publishedAt") ? Instant.parse(a.get("publishedAt").asText()) : null)
        .setFetchedAt(a.hasNonNull("fetchedAt") ? Instant.parse(a.get("fetchedAt").asText()) : Instant.EPOCH)
        .setContentType(a.path("contentType").asText("text/plain"))
        .setContentHash(a.path("contentHash").asText(""))
        .build();
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : doc.path("entities")) {
      List<Mention> mentions = new ArrayList<>();
      for (JsonNode m : e.path("mentions")) {
        mentions.add(new Mention(m.path("text").asText(), m.path("start").asInt(), m.path("end").asInt()));
      }
      entities.add(Entity.newBuilder().setId(e.path("id").asText()).setType(type(e.path("type").asText()))
          .setName(e.path("name").asText()).setMentions(mentions).setSalience(e.path("salience").asDouble())
          .setInTitle(e.path("inTitle").asBoolean()).build());
    }
    List<Place> places = new ArrayList<>();
    for (JsonNode p : doc.path("places")) {
      places.add(Place.newBuilder().setEntityId(p.path("entityId").asText()).setName(p.path("name").asText())
          .setLatitude(p.path("latitude").asDouble()).setLongitude(p.path("longitude").asDouble())
          .setCountryCode(text(p, "countryCode")).build());
    }
    List<MediaTopic> topics = new ArrayList<>();
    for (JsonNode t : doc.path("topics")) {
      topics.add(new MediaTopic(t.path("code").asText(), t.path("label").asText(), t.path("score").asDouble()));
    }
    return EnrichedArticle.newBuilder().setArticle(raw).setLanguage(text(doc, "language")).setEntities(entities)
        .setPlaces(places).setTopics(topics).setQuotes(List.of()).setStoryId(text(doc, "storyId"))
        .setTagger(doc.path("tagger").asText("")).setEnrichmentVersion(doc.path("enrichmentVersion").asInt())
        .setEnrichedAt(doc.hasNonNull("enrichedAt") ? Instant.parse(doc.get("enrichedAt").asText()) : Instant.EPOCH)
        .build();
  }

  private static EntityType type(String name) {
    try {
      return EntityType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return EntityType.MISC;
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
