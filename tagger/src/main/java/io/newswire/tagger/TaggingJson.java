package io.newswire.tagger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;

/** A tagging as plain JSON, for {@code newswire tag}. */
public final class TaggingJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaggingJson() {}

  public static ObjectNode of(Tagging t, String tagger) {
    ObjectNode out = JSON.createObjectNode();
    out.put("tagger", tagger);
    out.put("language", t.language());
    ArrayNode entities = out.putArray("entities");
    for (Entity e : t.entities()) {
      ObjectNode entity = entities.addObject().put("id", e.getId()).put("type", e.getType().name())
          .put("name", e.getName()).put("salience", e.getSalience()).put("inTitle", e.getInTitle());
      ArrayNode mentions = entity.putArray("mentions");
      for (Mention m : e.getMentions()) {
        mentions.addObject().put("text", m.getText()).put("start", m.getStart()).put("end", m.getEnd());
      }
    }
    ArrayNode places = out.putArray("places");
    for (Place p : t.places()) {
      places.addObject().put("entityId", p.getEntityId()).put("name", p.getName()).put("latitude", p.getLatitude())
          .put("longitude", p.getLongitude()).put("countryCode", p.getCountryCode())
          .put("geonamesId", p.getGazetteerId()).put("kind", p.getFeatureKind());
    }
    ArrayNode topics = out.putArray("topics");
    for (MediaTopic topic : t.topics()) {
      topics.addObject().put("code", topic.getCode()).put("label", topic.getLabel()).put("score", topic.getScore());
    }
    ArrayNode quotes = out.putArray("quotes");
    for (Quote q : t.quotes()) {
      quotes.addObject().put("text", q.getText()).put("start", q.getStart()).put("end", q.getEnd())
          .put("speaker", q.getSpeaker()).put("speakerEntityId", q.getSpeakerEntityId());
    }
    return out;
  }
}
