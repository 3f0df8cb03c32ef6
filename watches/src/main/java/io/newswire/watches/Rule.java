package io.newswire.watches;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A watch's rule: terms about an article combined with AND, OR and NOT. {@link RuleParser} reads the written
 * form; {@link #toString()} writes the canonical form back, which is what a {@code Watch} record stores.
 */
public sealed interface Rule {

  /** Whether the article satisfies the rule; the positive terms that held are added to {@code matched}. */
  boolean test(ArticleFacts article, double minSalience, List<String> matched);

  /** Every part of the rule must hold. */
  record All(List<Rule> parts) implements Rule {
    @Override
    public boolean test(ArticleFacts article, double minSalience, List<String> matched) {
      int before = matched.size();
      for (Rule part : parts) {
        if (!part.test(article, minSalience, matched)) {
          matched.subList(before, matched.size()).clear();
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return parts.stream().map(p -> p instanceof Any ? "(" + p + ")" : p.toString()).collect(Collectors.joining(" AND "));
    }
  }

  /** At least one part must hold; every part that holds is reported. */
  record Any(List<Rule> parts) implements Rule {
    @Override
    public boolean test(ArticleFacts article, double minSalience, List<String> matched) {
      boolean any = false;
      for (Rule part : parts) {
        any |= part.test(article, minSalience, matched);
      }
      return any;
    }

    @Override
    public String toString() {
      return parts.stream().map(Rule::toString).collect(Collectors.joining(" OR "));
    }
  }

  /** The part must not hold. */
  record Not(Rule part) implements Rule {
    @Override
    public boolean test(ArticleFacts article, double minSalience, List<String> matched) {
      return !part.test(article, minSalience, new java.util.ArrayList<>());
    }

    @Override
    public String toString() {
      return "NOT " + (part instanceof Term ? part.toString() : "(" + part + ")");
    }
  }

  /** One fact about an article, e.g. {@code person:"Yevgeny Prigozhin"} or {@code near:48.6,38.0,30km}. */
  record Term(Field field, String value, Near near) implements Rule {
    public Term(Field field, String value) {
      this(field, value, null);
    }

    @Override
    public boolean test(ArticleFacts article, double minSalience, List<String> matched) {
      String found = article.find(this, minSalience);
      if (found == null) {
        return false;
      }
      matched.add(this + " = " + found);
      return true;
    }

    @Override
    public String toString() {
      boolean bare = value.matches("[\\p{L}\\p{N}_.:,+\\-]+") && !Field.isOperator(value);
      return field.word + ":" + (bare ? value : '"' + value.replace("\"", "\\\"") + '"');
    }
  }

  /** A circle around a point, for {@code near:LAT,LON,Rkm}. */
  record Near(double latitude, double longitude, double radiusKm) {
    public double distanceKm(double lat, double lon) {
      double p1 = Math.toRadians(latitude);
      double p2 = Math.toRadians(lat);
      double dp = p2 - p1;
      double dl = Math.toRadians(lon - longitude);
      double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
      return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
  }

  /** What a term is about; the word before the colon. */
  enum Field {
    ENTITY("entity", "an entity of any type, by canonical name, a name the article uses for it, or id (ORG:nato)"),
    PERSON("person", "a person (PER)"),
    ORG("org", "an organisation (ORG)"),
    PLACE("place", "a place (LOC)"),
    MISC("misc", "another named thing: an event, a nationality, a work (MISC)"),
    TOPIC("topic", "an IPTC Media Topic by code (medtop:16000000 or 16000000) or label"),
    COUNTRY("country", "a place in the country with this ISO 3166 code (TR)"),
    NEAR("near", "a place within a radius of a point: near:LAT,LON,Rkm"),
    PHRASE("phrase", "words in the title or body, whole words, any case; a bare \"quoted phrase\" means the same"),
    TITLE("title", "words in the title"),
    LANG("lang", "the article's language, ISO 639-1 (en)"),
    SOURCE("source", "the URL's host or a domain above it, the feed's name, or the source as ingest recorded it");

    public final String word;
    public final String help;

    Field(String word, String help) {
      this.word = word;
      this.help = help;
    }

    static Field of(String word) {
      for (Field f : values()) {
        if (f.word.equals(word.toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      return null;
    }

    static boolean isOperator(String word) {
      return word.equals("AND") || word.equals("OR") || word.equals("NOT");
    }
  }
}
