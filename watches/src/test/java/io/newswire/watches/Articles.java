package io.newswire.watches;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Enriched articles built by hand, with exactly the tags a test needs. */
final class Articles {
  private final RawArticle.Builder raw = RawArticle.newBuilder().setId("a1").setSource("https://example.org/feed")
      .setTitle("A title").setBody("A body.").setFetchedAt(Instant.parse("2026-01-01T10:00:00Z"))
      .setContentType("text/plain").setContentHash("h");
  private final List<Entity> entities = new ArrayList<>();
  private final List<Place> places = new ArrayList<>();
  private final List<MediaTopic> topics = new ArrayList<>();
  private String language = "en";

  static Articles article() {
    return new Articles();
  }

  Articles id(String id) {
    raw.setId(id);
    return this;
  }

  Articles text(String title, String body) {
    raw.setTitle(title).setBody(body);
    return this;
  }

  Articles url(String url) {
    raw.setUrl(url);
    return this;
  }

  Articles feed(String feed) {
    raw.setFeed(feed);
    return this;
  }

  Articles language(String language) {
    this.language = language;
    return this;
  }

  Articles entity(EntityType type, String name, double salience, String... mentions) {
    List<Mention> ms = new ArrayList<>();
    ms.add(new Mention(name, 0, name.length()));
    for (String m : mentions) {
      ms.add(new Mention(m, 0, m.length()));
    }
    entities.add(Entity.newBuilder().setId(type + ":" + name.toLowerCase()).setType(type).setName(name)
        .setMentions(ms).setSalience(salience).setInTitle(false).build());
    return this;
  }

  Articles place(String name, double lat, double lon, String country) {
    entity(EntityType.LOC, name, 0.5);
    places.add(Place.newBuilder().setEntityId("LOC:" + name.toLowerCase()).setName(name).setLatitude(lat)
        .setLongitude(lon).setCountryCode(country).build());
    return this;
  }

  Articles topic(String code, String label) {
    topics.add(new MediaTopic(code, label, 0.8));
    return this;
  }

  EnrichedArticle build() {
    return EnrichedArticle.newBuilder().setArticle(raw.build()).setLanguage(language).setEntities(entities)
        .setPlaces(places).setTopics(topics).setQuotes(List.of()).setTagger("test").setEnrichmentVersion(1)
        .setEnrichedAt(Instant.parse("2026-01-01T10:00:01Z")).build();
  }

  ArticleFacts facts() {
    return new ArticleFacts(build());
  }
}
