package io.newswire.enrich.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.Mention;
import io.newswire.schema.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Direct quotes and their speakers. A quote is attributed, in this order, to the person or organisation
 * named right after it with a speech verb ("…," Duda said / said Duda / according to Duda), a pronoun after
 * it ("…," she said → the last person named before), the last one named before it in a sentence with a
 * speech verb (Duda said: "…" / Duda was quoted as saying "…"), or, for a quote that follows another in the
 * same paragraph with no attribution of its own, the previous quote's speaker.
 */
final class Quotes {
  private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "warned", "insisted", "stated",
      "wrote", "declared", "explained", "according", "quoted", "asked", "replied", "announced", "saying", "tweeted",
      "posted", "argued", "noted", "continued", "recalled", "admitted", "claimed", "cautioned", "stressed", "urged");
  private static final Pattern PRONOUN = Pattern.compile("(?s)^\\W*(?:\\p{L}+\\s+){0,2}?(he|she)\\b.*");

  private Quotes() {}

  static List<Quote> find(String text, List<Entity> entities) {
    List<Quote> out = new ArrayList<>();
    List<Object[]> mentions = new ArrayList<>();
    for (Entity e : entities) {
      if (e.getType() == EntityType.PER || e.getType() == EntityType.ORG) {
        for (Mention m : e.getMentions()) {
          mentions.add(new Object[] {m.getStart(), m.getEnd(), e});
        }
      }
    }
    mentions.sort((a, b) -> Integer.compare((int) a[0], (int) b[0]));
    Entity previous = null;
    int previousEnd = -1;
    for (int[] q : QuoteSpans.find(text)) {
      Entity speaker = speakerAfter(text, q[1], mentions);
      if (speaker == null) {
        speaker = speakerBefore(text, q[0], mentions);
      }
      if (speaker == null && previous != null && text.substring(previousEnd, q[0]).indexOf('\n') < 0) {
        speaker = previous;
      }
      out.add(Quote.newBuilder().setText(text.substring(q[0] + 1, q[1] - 1)).setStart(q[0]).setEnd(q[1])
          .setSpeaker(speaker == null ? null : speaker.getName())
          .setSpeakerEntityId(speaker == null ? null : speaker.getId()).build());
      previous = speaker;
      previousEnd = q[1];
    }
    return out;
  }

  private static Entity speakerAfter(String text, int end, List<Object[]> mentions) {
    int stop = sentenceEnd(text, end);
    String window = text.substring(end, stop).toLowerCase(Locale.ROOT);
    if (!containsSpeech(window)) {
      return null;
    }
    if (PRONOUN.matcher(window).matches() && window.indexOf("he") < firstMention(mentions, end, stop, text)) {
      return lastBefore(end, mentions, EntityType.PER);
    }
    for (Object[] m : mentions) {
      if ((int) m[0] >= end && (int) m[0] < stop) {
        return (Entity) m[2];
      }
    }
    return null;
  }

  private static int firstMention(List<Object[]> mentions, int from, int stop, String text) {
    for (Object[] m : mentions) {
      if ((int) m[0] >= from && (int) m[0] < stop) {
        return (int) m[0] - from;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static Entity speakerBefore(String text, int start, List<Object[]> mentions) {
    int from = Math.max(Math.max(text.lastIndexOf(". ", start), text.lastIndexOf('\n', start)), 0);
    String window = text.substring(from, start).toLowerCase(Locale.ROOT);
    if (!containsSpeech(window)) {
      return null;
    }
    Entity last = null;
    for (Object[] m : mentions) {
      if ((int) m[0] >= from && (int) m[1] <= start) {
        last = (Entity) m[2];
      }
    }
    if (last == null && window.matches("(?s).*\\b(he|she)\\b.*")) {
      return lastBefore(start, mentions, EntityType.PER);
    }
    return last;
  }

  private static Entity lastBefore(int position, List<Object[]> mentions, EntityType type) {
    Entity last = null;
    for (Object[] m : mentions) {
      if ((int) m[1] <= position && ((Entity) m[2]).getType() == type) {
        last = (Entity) m[2];
      }
    }
    return last;
  }

  private static boolean containsSpeech(String window) {
    for (String w : window.split("[^a-z]+")) {
      if (SPEECH.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '.' && i > from + 2) || c == '“' || c == '"') {
        return i;
      }
    }
    return text.length();
  }
}
