package io.newswire.tagger;

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
  private static final Set<String> SPEECH = WordSet.of("said", "says", "told", "added", "warned", "insisted", "stated",
      "wrote", "declared", "explained", "according", "quoted", "asked", "replied", "announced", "saying", "tweeted",
      "posted", "argued", "noted", "continued", "recalled", "admitted", "claimed", "cautioned", "stressed", "urged",
      "described", "describing", "calling");
  private static final Pattern PRONOUN = Pattern.compile("(?s)^\\W*(?:\\p{L}+\\s+){0,2}?(he|she)\\b.*");

  private static final Pattern HE_OR_SHE = Pattern.compile("\\b(he|she)\\b");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

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
    if (end < text.length() && text.charAt(end) == '.') {
      return null; // the quote ends its sentence ('... "no ship will move". Tomas Reyes described ...')
    }
    int stop = sentenceEnd(text, end);
    String window = text.substring(end, stop).toLowerCase(Locale.ROOT);
    if (!containsSpeech(window)) {
      return null;
    }
    if (PRONOUN.matcher(window).matches() && window.indexOf("he") < firstMention(mentions, end, stop, text)) {
      return lastBefore(end, mentions, EntityType.PER);
    }
    // "…," Real Sociedad coach Luis Ortega said: the person, not the organisation that describes them.
    Entity first = null;
    for (Object[] m : mentions) {
      if ((int) m[0] >= end && (int) m[0] < stop) {
        Entity e = (Entity) m[2];
        if (e.getType() == EntityType.PER) {
          return e;
        }
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      return first;
    }
    // "…," the company said / "…," the 49-year-old said: the last organisation or person named before.
    java.util.regex.Matcher described = DESCRIBED.matcher(window);
    if (described.lookingAt()) {
      // The head noun decides: "the union" is an organisation, "the union leader" a person.
      String description = described.group(1).strip();
      String head = description.substring(description.lastIndexOf(' ') + 1);
      return lastBefore(end, mentions, ORGANISATIONS.matcher(head).find() ? EntityType.ORG : EntityType.PER);
    }
    return null;
  }

  private static final Pattern DESCRIBED = Pattern.compile("\\W*(?:the|a|an)\\s+([\\p{L}\\d' -]{1,40}?)\\s+(?:said|says|added|told|wrote|warned|insisted|stated|declared|explained|announced|replied|argued|noted)\\b");
  private static final Pattern ORGANISATIONS = Pattern.compile("\\b(company|group|firm|ministry|agency|bank|union|club|team|party|government|army|military|court|police|committee|council|department|organisation|organization|carmaker|airline|institute|university|regulator|spokes\\w+ for)\\b");

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
    if (last == null && HE_OR_SHE.matcher(window).find()) {
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
    for (String w : NON_LETTERS.split(window)) {
      if (SPEECH.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The end of the sentence that starts at {@code from}: a full stop that ends a word, not one inside "U.S.". */
  private static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean fullStop = c == '.' && i > from + 2 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && !(i >= 2 && Character.isUpperCase(text.charAt(i - 1)) && !Character.isLetter(text.charAt(i - 2)));
      if (c == '\n' || fullStop || c == '“' || c == '"') {
        return i;
      }
    }
    return text.length();
  }
}
