package io.newswire.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.EnrichedArticle;
import java.io.UncheckedIOException;

/**
 * What {@code GET /stories/{id}} returns: a story's articles (id, title, source, time, duplicateOf), oldest
 * first, kept as JSON in the {@value #STORE} store keyed by story id. At most {@value #MAX_ARTICLES} are
 * listed; {@code articleCount} counts them all.
 */
public final class StoryView {
  public static final String STORE = "stories";
  static final int MAX_ARTICLES = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryView() {}

  public static String empty() {
    return "";
  }

  /**
   * What a story keeps of an article, as JSON: the only part of the article that travels to the story's
   * owner (through a repartition topic), rather than the whole enriched article.
   */
  public static String summaryOf(EnrichedArticle article) {
    try {
      return JSON.writeValueAsString(summary(article));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds (or, on a replay, updates) an article, given by its {@link #summaryOf summary}, in a story's JSON. */
  public static String add(String storyId, String articleSummary, String current) {
    try {
      ObjectNode summary = (ObjectNode) JSON.readTree(articleSummary);
      ObjectNode story = current == null || current.isEmpty() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(current);
      story.put("storyId", storyId);
      ArrayNode articles = story.has("articles") ? (ArrayNode) story.get("articles") : story.putArray("articles");
      String id = summary.path("id").asText();
      boolean replaced = false;
      for (int i = 0; i < articles.size(); i++) {
        if (articles.get(i).path("id").asText().equals(id)) {
          articles.set(i, summary);
          replaced = true;
        }
      }
      if (!replaced) {
        story.put("articleCount", story.path("articleCount").asInt(0) + 1);
        if (articles.size() < MAX_ARTICLES) {
          articles.add(summary);
        }
      }
      String when = summary.path("fetchedAt").asText();
      if (!story.has("firstSeen") || when.compareTo(story.get("firstSeen").asText()) < 0) {
        story.put("firstSeen", when);
      }
      if (!story.has("lastSeen") || when.compareTo(story.get("lastSeen").asText()) > 0) {
        story.put("lastSeen", when);
      }
      return JSON.writeValueAsString(story);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode summary(EnrichedArticle a) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", a.getArticle().getId());
    node.put("title", a.getArticle().getTitle());
    node.put("source", a.getArticle().getSource());
    node.put("fetchedAt", a.getArticle().getFetchedAt().toString());
    if (a.getDuplicateOf() != null) {
      node.put("duplicateOf", a.getDuplicateOf());
    }
    return node;
  }
}
