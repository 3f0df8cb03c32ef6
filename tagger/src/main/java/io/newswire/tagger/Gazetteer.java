package io.newswire.tagger;

import io.newswire.schema.Place;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Place names to GeoNames entries ({@code gazetteer.tsv}, built by {@code tools/gazetteer}, plus the hand-kept
 * {@code places-extra.tsv}). A name can have many entries; {@link #resolve} picks one by the article's
 * context: a candidate in a country the article mentions wins, then the most populous.
 */
final class Gazetteer {
  record Entry(String name, String country, double lat, double lon, Long geonamesId, String kind, long population) {}

  private static final String DATA = "/io/newswire/tagger/";
  private final Map<String, List<Entry>> byName = new HashMap<>(64_000);

  Gazetteer() {
    for (String[] row : Resources.tsv(DATA + "gazetteer.tsv")) {
      Entry e = new Entry(row[0], blank(row[2]), Double.parseDouble(row[3]), Double.parseDouble(row[4]),
          row[5].isBlank() ? null : Long.parseLong(row[5]), row[6], Long.parseLong(row[7]));
      add(row[0], e);
      for (String alias : row[1].split("\\|")) {
        if (!alias.isBlank()) {
          add(alias, e);
        }
      }
    }
    for (String[] row : Resources.tsv(DATA + "places-extra.tsv")) {
      String country = blank(row[2]);
      Long id = row[5].isBlank() ? null : Long.parseLong(row[5]);
      List<Entry> same = byName.getOrDefault(key(row[0]), List.of()).stream()
          .filter(e -> e.name().equalsIgnoreCase(row[0]) && java.util.Objects.equals(e.country(), country)
              && town(e.kind()) == town(row[6])).toList();
      Entry e;
      if (!same.isEmpty()) {
        Entry old = same.get(0);
        e = new Entry(old.name(), old.country(), old.lat(), old.lon(), id != null ? id : old.geonamesId(), old.kind(), old.population());
        byName.get(key(row[0])).replaceAll(x -> x == old ? e : x);
      } else {
        e = new Entry(row[0], country, Double.parseDouble(row[3]), Double.parseDouble(row[4]), id, row[6], 1_000_000_000L);
        add(row[0], e);
      }
      for (String alias : row[1].split("\\|")) {
        if (!alias.isBlank()) {
          add(alias, e);
        }
      }
    }
    byName.values().forEach(list -> list.sort((a, b) -> Long.compare(b.population(), a.population())));
  }

  private static boolean town(String kind) {
    return "city".equals(kind) || "capital".equals(kind);
  }

  /**
   * Adds the name, and its form without accents when it has any: English news writes "Cancun", "Sao Paulo" and
   * "Bogota" for GeoNames' "Cancún", "São Paulo" and "Bogotá".
   */
  private void add(String name, Entry e) {
    String key = key(name);
    addKey(key, e);
    String plain = withoutAccents(key);
    if (!plain.equals(key)) {
      addKey(plain, e);
    }
  }

  private void addKey(String key, Entry e) {
    List<Entry> list = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!list.contains(e)) {
      list.add(e);
    }
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  /** Latin letters without their accents ("são paulo" → "sao paulo", "malmö" → "malmo", "łódź" → "lodz"). */
  static String withoutAccents(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 128;
    }
    if (ascii) {
      return s;
    }
    String plain = MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("");
    return plain.replace('ø', 'o').replace('ł', 'l').replace('đ', 'd').replace("ß", "ss").replace("æ", "ae")
        .replace("œ", "oe").replace('ı', 'i');
  }

  private static String blank(String s) {
    return s.isBlank() ? null : s.trim();
  }

  /** The most populous entry of that name, or null. */
  Entry find(String name) {
    List<Entry> list = byName.get(key(name));
    return list == null ? null : list.get(0);
  }

  /**
   * The entry for a place named in an article that mentions places in {@code contextCountries}: "Paris" is
   * the French capital unless the article is about Texas.
   */
  Entry resolve(String name, Collection<String> contextCountries) {
    List<Entry> list = byName.get(key(name));
    if (list == null) {
      return null;
    }
    if (list.size() > 1 && list.get(0).kind().equals("country")) {
      return list.get(0);
    }
    Entry chosen = list.get(0);
    for (Entry e : list) {
      if (e.country() != null && contextCountries.contains(e.country()) && !"country".equals(e.kind())) {
        chosen = e;
        break;
      }
    }
    return preferTown(chosen, list);
  }

  /** "Kharkiv" on its own is the city, not the region of the same name around it. */
  private static Entry preferTown(Entry chosen, List<Entry> list) {
    if (!"region".equals(chosen.kind())) {
      return chosen;
    }
    for (Entry e : list) {
      if (java.util.Objects.equals(e.country(), chosen.country()) && ("city".equals(e.kind()) || "capital".equals(e.kind()))) {
        return e;
      }
    }
    return chosen;
  }

  void forEachName(BiConsumer<String, Entry> action) {
    byName.forEach((name, list) -> action.accept(name, list.get(0)));
  }

  Place place(String entityId, Entry e) {
    return Place.newBuilder().setEntityId(entityId).setName(e.name()).setLatitude(e.lat()).setLongitude(e.lon())
        .setCountryCode(e.country()).setGazetteerId(e.geonamesId()).setFeatureKind(e.kind()).build();
  }

  static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace('’', '\'');
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || i == 0 || i + 1 == lower.length() || lower.charAt(i + 1) == ' ')) {
        // only names with odd spacing pay for the pattern (this runs for every word the rules look up)
        return SPACES.matcher(lower).replaceAll(" ").trim();
      }
    }
    return lower;
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
}
