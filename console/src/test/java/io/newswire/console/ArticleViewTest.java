package io.newswire.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.Test;

class ArticleViewTest {
  static final String TITLE = "Kharkiv mayor meets Red Cross";
  static final String BODY = "The mayor of Kharkiv, Ihor Terekhov, met the Red Cross on Monday.";
  static final String TEXT = TITLE + "\n\n" + BODY;

  @Test
  void marksPointAtTheirWordsInTheTitleAndTheExcerpt() {
    ObjectNode view = ArticleView.of(article(TITLE, BODY, List.of(
        entity(EntityType.LOC, "Kharkiv", TEXT, "Kharkiv", "Kharkiv"),
        entity(EntityType.PER, "Ihor Terekhov", TEXT, "Ihor Terekhov"),
        entity(EntityType.ORG, "Red Cross", TEXT, "Red Cross", "Red Cross"))));
    List<String> shown = new ArrayList<>();
    for (JsonNode m : view.get("marks")) {
      String text = m.get("in").asText().equals("title") ? view.get("title").asText() : view.get("excerpt").asText();
      shown.add(m.get("in").asText() + ":" + m.get("type").asText() + ":" + text.substring(m.get("start").asInt(), m.get("end").asInt()));
    }
    assertThat(shown).containsExactly("title:LOC:Kharkiv", "title:ORG:Red Cross", "body:LOC:Kharkiv",
        "body:PER:Ihor Terekhov", "body:ORG:Red Cross");
    assertThat(view.get("places").get(0).get("lat").asDouble()).isEqualTo(49.98);
    assertThat(view.get("topics").get(0).get("label").asText()).isEqualTo("politics");
    assertThat(view.get("quote").get("speaker").asText()).isEqualTo("Ihor Terekhov");
    assertThat(view.get("entities").get(0).get("name").asText()).as("most salient first").isEqualTo("Kharkiv");
  }

  @Test
  void overlappingSpansKeepTheLongerAndSpansPastTheExcerptAreDropped() {
    String body = "Red Cross staff arrived. " + "Filler words go on here. ".repeat(60) + "Kharkiv at the end.";
    String text = TITLE + "\n\n" + body;
    Entity org = entity(EntityType.ORG, "Red Cross", text.substring(TITLE.length()), "Red Cross");
    Entity misc = Entity.newBuilder().setId("MISC:red").setType(EntityType.MISC).setName("Red")
        .setMentions(List.of(new Mention("Red", TITLE.length() + 2, TITLE.length() + 5))).setSalience(0.1).setInTitle(false).build();
    int at = text.lastIndexOf("Kharkiv");
    Entity late = Entity.newBuilder().setId("LOC:kharkiv").setType(EntityType.LOC).setName("Kharkiv")
        .setMentions(List.of(new Mention("Kharkiv", at, at + 7))).setSalience(0.2).setInTitle(false).build();
    ObjectNode view = ArticleView.of(article(TITLE, body, List.of(org, misc, late)));
    assertThat(view.get("more").asBoolean()).isTrue();
    assertThat(view.get("excerpt").asText()).endsWith(".").hasSizeLessThanOrEqualTo(ArticleView.EXCERPT);
    List<String> bodyMarks = new ArrayList<>();
    view.get("marks").forEach(m -> {
      if (m.get("in").asText().equals("body")) {
        bodyMarks.add(m.get("name").asText());
      }
    });
    assertThat(bodyMarks).containsExactly("Red Cross");
  }

  @Test
  void theExcerptEndsAtAParagraphOrSentence() {
    String para = "First paragraph. ".repeat(30).strip() + "\n\n" + "Second. ".repeat(100);
    assertThat(para.substring(0, ArticleView.excerptEnd(para))).endsWith("First paragraph.");
    assertThat(ArticleView.excerptEnd("short")).isEqualTo(5);
    String oneWord = "x".repeat(2000);
    assertThat(ArticleView.excerptEnd(oneWord)).isEqualTo(ArticleView.EXCERPT);
  }

  /** An entity whose mentions are found, in order, in {@code text}, which starts where the tagger's text starts. */
  static Entity entity(EntityType type, String name, String text, String... mentions) {
    int offset = text.startsWith(TITLE) ? 0 : TITLE.length();
    List<Mention> ms = new ArrayList<>();
    int from = 0;
    for (String m : mentions) {
      int at = text.indexOf(m, from);
      ms.add(new Mention(m, offset + at, offset + at + m.length()));
      from = at + m.length();
    }
    return Entity.newBuilder().setId(type + ":" + name.toLowerCase()).setType(type).setName(name).setMentions(ms)
        .setSalience(type == EntityType.LOC ? 0.9 : 0.5).setInTitle(true).build();
  }

  static EnrichedArticle article(String title, String body, List<Entity> entities) {
    RawArticle raw = RawArticle.newBuilder().setId("a1").setSource("wire").setTitle(title).setBody(body)
        .setFetchedAt(Instant.parse("2026-01-01T10:00:00Z")).setContentType("text/plain").setContentHash("h").build();
    return EnrichedArticle.newBuilder().setArticle(raw).setLanguage("en").setEntities(entities)
        .setPlaces(List.of(Place.newBuilder().setEntityId("LOC:kharkiv").setName("Kharkiv").setLatitude(49.98)
            .setLongitude(36.25).setCountryCode("UA").build()))
        .setTopics(List.of(new MediaTopic("medtop:11000000", "politics", 0.8)))
        .setQuotes(List.of(Quote.newBuilder().setText("We are ready").setStart(0).setEnd(12).setSpeaker("Ihor Terekhov").build()))
        .setTagger("test").setEnrichmentVersion(1).setEnrichedAt(Instant.parse("2026-01-01T10:00:01Z")).build();
  }
}
