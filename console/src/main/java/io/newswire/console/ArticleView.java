package io.newswire.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import io.newswire.schema.RawArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An enriched article as the page shows it: the title and the start of the body with the spans of every
 * mention (offsets into the same text the tagger read, {@code title + "\n\n" + body}), and its entities, places,
 * topics, first quote and story. The page builds the text from these spans with DOM text nodes, never as HTML,
 * so nothing in an article can run as script.
 */
final class ArticleView {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Characters of body shown: a few paragraphs, enough to see the entities in context. */
  static final int EXCERPT = 900;

  private ArticleView() {}

  static ObjectNode of(EnrichedArticle enriched) {
    RawArticle a = enriched.getArticle();
    ObjectNode view = JSON.createObjectNode();
    view.put("id", a.getId());
    view.put("title", a.getTitle());
    view.put("url", a.getUrl());
    view.put("source", a.getSource());
    view.put("language", enriched.getLanguage());
    view.put("when", (a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt()).toString());
    view.put("enrichedAt", enriched.getEnrichedAt().toString());
    view.put("storyId", enriched.getStoryId());
    view.put("duplicateOf", enriched.getDuplicateOf());

    int bodyStart = a.getTitle().length() + 2;
    String body = a.getBody();
    int cut = excerptEnd(body);
    view.put("excerpt", body.substring(0, cut));
    view.put("more", cut < body.length());

    ArrayNode marks = view.putArray("marks");
    List<int[]> spans = new ArrayList<>();
    List<Entity> entities = new ArrayList<>(enriched.getEntities());
    for (int i = 0; i < entities.size(); i++) {
      for (Mention m : entities.get(i).getMentions()) {
        spans.add(new int[] {m.getStart(), m.getEnd(), i});
      }
    }
    spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
    int taken = 0;
    for (int[] s : spans) {
      boolean inTitle = s[1] <= a.getTitle().length();
      boolean inExcerpt = s[0] >= bodyStart && s[1] <= bodyStart + cut;
      if (s[0] < taken || !(inTitle || inExcerpt)) {
        continue; // overlapping spans: the longer, earlier one is kept; spans past the excerpt are not shown
      }
      Entity e = entities.get(s[2]);
      ObjectNode mark = marks.addObject();
      mark.put("in", inTitle ? "title" : "body");
      mark.put("start", inTitle ? s[0] : s[0] - bodyStart);
      mark.put("end", inTitle ? s[1] : s[1] - bodyStart);
      mark.put("type", e.getType().name());
      mark.put("name", e.getName());
      taken = s[1];
    }

    entities.sort(Comparator.comparingDouble(Entity::getSalience).reversed());
    ArrayNode list = view.putArray("entities");
    for (Entity e : entities) {
      list.addObject().put("id", e.getId()).put("type", e.getType().name()).put("name", e.getName())
          .put("mentions", e.getMentions().size()).put("salience", round(e.getSalience()));
    }
    ArrayNode places = view.putArray("places");
    for (Place p : enriched.getPlaces()) {
      places.addObject().put("name", p.getName()).put("lat", p.getLatitude()).put("lon", p.getLongitude())
          .put("country", p.getCountryCode());
    }
    ArrayNode topics = view.putArray("topics");
    for (MediaTopic t : enriched.getTopics()) {
      topics.addObject().put("code", t.getCode()).put("label", t.getLabel()).put("score", round(t.getScore()));
    }
    List<Quote> quotes = enriched.getQuotes();
    if (!quotes.isEmpty()) {
      view.putObject("quote").put("text", quotes.get(0).getText()).put("speaker", quotes.get(0).getSpeaker());
    }
    return view;
  }

  /** Where the excerpt ends: the whole body if short, else at the last paragraph or sentence end before the limit. */
  static int excerptEnd(String body) {
    if (body.length() <= EXCERPT) {
      return body.length();
    }
    int paragraph = body.lastIndexOf("\n\n", EXCERPT);
    if (paragraph > EXCERPT / 2) {
      return paragraph;
    }
    int sentence = body.lastIndexOf(". ", EXCERPT);
    if (sentence > EXCERPT / 2) {
      return sentence + 1;
    }
    int space = body.lastIndexOf(' ', EXCERPT);
    return space > 0 ? space : Character.isHighSurrogate(body.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
