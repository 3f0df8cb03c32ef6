package io.newswire.sink;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import io.newswire.schema.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Enriched articles written by hand, for store tests. */
public final class Fixtures {
  private Fixtures() {}

  public static EnrichedArticle article(String id, int version, String title) {
    String body = "Mayor Ana Ruiz opened the new bridge in Lisbon on Friday. \u201cIt joins two halves of the city,\u201d Ruiz said.";
    RawArticle raw = RawArticle.newBuilder().setId(id).setUrl("https://example.com/" + id).setSource("test")
        .setFeed("Example News").setTitle(title).setBody(body)
        .setPublishedAt(Instant.parse("2025-04-04T09:00:00Z")).setFetchedAt(Instant.parse("2025-04-04T09:05:00Z"))
        .setContentType("text/plain").setContentHash("hash-" + id).setMetadata(Map.of("author", "Desk")).build();
    int offset = title.length() + 2;
    Entity ruiz = Entity.newBuilder().setId("PER:ana ruiz").setType(EntityType.PER).setName("Ana Ruiz")
        .setMentions(new ArrayList<>(List.of(new Mention("Ana Ruiz", offset + 6, offset + 14))))
        .setSalience(0.7).setInTitle(false).build();
    Entity lisbon = Entity.newBuilder().setId("LOC:lisbon").setType(EntityType.LOC).setName("Lisbon")
        .setMentions(new ArrayList<>(List.of(new Mention("Lisbon", offset + 42, offset + 48))))
        .setSalience(0.4).setInTitle(false).build();
    return EnrichedArticle.newBuilder()
        .setArticle(raw)
        .setLanguage("en")
        .setEntities(new ArrayList<>(List.of(ruiz, lisbon)))
        .setPlaces(new ArrayList<>(List.of(Place.newBuilder().setEntityId("LOC:lisbon").setName("Lisbon")
            .setLatitude(38.72).setLongitude(-9.13).setCountryCode("PT").setGazetteerId(2267057L)
            .setFeatureKind("city").build())))
        .setTopics(new ArrayList<>(List.of(new MediaTopic("medtop:11000000", "politics", 0.6))))
        .setQuotes(new ArrayList<>(List.of(Quote.newBuilder().setText("It joins two halves of the city,")
            .setStart(offset + 60).setEnd(offset + 94).setSpeaker("Ana Ruiz").setSpeakerEntityId("PER:ana ruiz").build())))
        .setTagger("test/" + version)
        .setEnrichmentVersion(version)
        .setEnrichedAt(Instant.parse("2025-04-04T09:06:00Z").plusSeconds(version))
        .build();
  }
}
