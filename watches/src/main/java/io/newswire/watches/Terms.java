package io.newswire.watches;

import io.newswire.watches.Rule.Field;
import io.newswire.watches.Rule.Near;
import io.newswire.watches.Rule.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each kind of term accepts, and the index keys under which {@link WatchIndex} files it. An article that
 * satisfies a term always has at least one of the term's keys ({@link ArticleFacts#keys()}), so looking up an
 * article's keys finds every watch it may match.
 */
final class Terms {
  private static final Pattern ENTITY_ID = Pattern.compile("(?i)(PER|ORG|LOC|MISC):(.+)");
  private static final Pattern TOPIC_CODE = Pattern.compile("(?i)(medtop:)?(\\d{8})");
  private static final Pattern NEAR = Pattern.compile("(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?)(km)?");
  /** Beyond this many one-degree cells a near: term is checked against every article rather than indexed. */
  private static final int MAX_CELLS = 2_000;

  private Terms() {}

  static Term checked(Field field, String value) {
    switch (field) {
      case TOPIC -> {
        var code = TOPIC_CODE.matcher(value);
        return new Term(field, code.matches() ? "medtop:" + code.group(2) : value.toLowerCase(Locale.ROOT));
      }
      case COUNTRY -> {
        if (!value.matches("[A-Za-z]{2}")) {
          throw new IllegalArgumentException("country: takes a two-letter ISO 3166 code such as TR, not '" + value + "'");
        }
        return new Term(field, value.toUpperCase(Locale.ROOT));
      }
      case LANG -> {
        if (!value.matches("[A-Za-z]{2,3}")) {
          throw new IllegalArgumentException("lang: takes an ISO 639-1 code such as en, not '" + value + "'");
        }
        return new Term(field, value.toLowerCase(Locale.ROOT));
      }
      case NEAR -> {
        var m = NEAR.matcher(value.replace(" ", "").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw new IllegalArgumentException("near: takes LAT,LON,RADIUSkm such as near:48.6,38.0,30km, not '" + value + "'");
        }
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        double radius = Double.parseDouble(m.group(3));
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          throw new IllegalArgumentException("near: latitude must be within ±90 and longitude within ±180");
        }
        if (radius <= 0 || radius > 20_000) {
          throw new IllegalArgumentException("near: the radius must be more than 0 and at most 20000 km");
        }
        return new Term(field, m.group(1) + "," + m.group(2) + "," + m.group(3) + "km", new Near(lat, lon, radius));
      }
      case PHRASE, TITLE -> {
        if (ArticleFacts.words(value).isEmpty()) {
          throw new IllegalArgumentException(field.word + ": needs at least one letter or digit");
        }
        return new Term(field, value);
      }
      default -> {
        var id = ENTITY_ID.matcher(value);
        if (id.matches() && field != Field.ENTITY) {
          throw new IllegalArgumentException("an entity id such as " + value + " goes with entity:, not " + field.word + ":");
        }
        return new Term(field, value);
      }
    }
  }

  /** The index keys of a term, or null when the term cannot be indexed (a very wide near:). */
  static Set<String> keys(Term term) {
    Set<String> keys = new LinkedHashSet<>();
    switch (term.field()) {
      case ENTITY, PERSON, ORG, PLACE, MISC -> {
        var id = ENTITY_ID.matcher(term.value());
        keys.add(id.matches() ? "i:" + entityId(id.group(1), id.group(2)) : "n:" + name(term.value()));
      }
      case TOPIC -> keys.add("t:" + term.value());
      case COUNTRY -> keys.add("c:" + term.value());
      case LANG -> keys.add("l:" + term.value());
      case SOURCE -> keys.add("s:" + term.value().toLowerCase(Locale.ROOT));
      case PHRASE, TITLE -> {
        // Any word of the phrase would do; the longest is likely the rarest.
        String longest = ArticleFacts.words(term.value()).stream()
            .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        keys.add("w:" + longest);
      }
      case NEAR -> {
        Near near = term.near();
        double dLat = near.radiusKm() / 111.0;
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(near.latitude()) + dLat)));
        double dLon = cos < 0.01 ? 360 : near.radiusKm() / (111.32 * cos);
        List<int[]> cells = new ArrayList<>();
        int lat0 = (int) Math.floor(Math.max(-90, near.latitude() - dLat));
        int lat1 = (int) Math.floor(Math.min(90, near.latitude() + dLat));
        if (dLon >= 180 || (long) (lat1 - lat0 + 1) * (long) Math.ceil(2 * dLon + 1) > MAX_CELLS) {
          return null;
        }
        int lon0 = (int) Math.floor(near.longitude() - dLon);
        int lon1 = (int) Math.floor(near.longitude() + dLon);
        for (int lat = lat0; lat <= lat1; lat++) {
          for (int lon = lon0; lon <= lon1; lon++) {
            cells.add(new int[] {lat, Math.floorMod(lon + 180, 360) - 180});
          }
        }
        cells.forEach(c -> keys.add(cell(c[0], c[1])));
      }
    }
    return keys;
  }

  /** How many articles a key is likely to find, roughly: the index files an AND under its cheapest part. */
  static int weight(String key) {
    return switch (key.charAt(0)) {
      case 'l' -> 1000;
      case 'c', 't' -> 50;
      case 'g' -> 10;
      case 's', 'w' -> 5;
      default -> 1;
    };
  }

  static String cell(double latitude, double longitude) {
    return "g:" + (int) Math.floor(latitude) + "," + (int) Math.floor(longitude);
  }

  static String name(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static String entityId(String type, String name) {
    return type.toUpperCase(Locale.ROOT) + ":" + name(name);
  }
}
