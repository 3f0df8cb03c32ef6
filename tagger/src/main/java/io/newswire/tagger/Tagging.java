package io.newswire.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import java.util.List;

/** What a tagger found in one article. */
public record Tagging(String language, List<Entity> entities, List<Place> places, List<MediaTopic> topics,
    List<Quote> quotes) {

  /** The text offsets refer to: the title, a blank line, the body. */
  public static String text(String title, String body) {
    return title + "\n\n" + body;
  }
}
