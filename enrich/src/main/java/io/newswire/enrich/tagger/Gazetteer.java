package io.newswire.enrich.tagger;

import io.newswire.schema.Place;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Place names to gazetteer entries. */
final class Gazetteer {
  record Entry(String name, String country, double lat, double lon, Long geonamesId, String kind) {}

  private final Map<String, Entry> byName = new HashMap<>();

  Gazetteer(String resource) {
    for (String[] row : Resources.tsv(resource)) {
      Entry e = new Entry(row[0], row[2].isBlank() ? null : row[2].trim(), Double.parseDouble(row[3]),
          Double.parseDouble(row[4]), row[5].isBlank() ? null : Long.parseLong(row[5]), row[6]);
      byName.put(key(row[0]), e);
      for (String alias : row[1].split("\\|")) {
        if (!alias.isBlank()) {
          byName.putIfAbsent(key(alias), e);
        }
      }
    }
  }

  Entry find(String name) {
    return byName.get(key(name));
  }

  Place place(String entityId, Entry e) {
    return Place.newBuilder().setEntityId(entityId).setName(e.name()).setLatitude(e.lat()).setLongitude(e.lon())
        .setCountryCode(e.country()).setGazetteerId(e.geonamesId()).setFeatureKind(e.kind()).build();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("\\s+", " ").trim();
  }
}
