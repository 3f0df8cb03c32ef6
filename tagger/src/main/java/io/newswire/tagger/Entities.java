package io.newswire.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mentions to entities: one entity per canonical name within an article, a short person name ("Putin",
 * "Xi") joining the long form used in the same article, and so does an acronym of a name of the same type
 * ("WHO" the "World Health Organization", "U.S." the "United States"), with salience from the mention count,
 * the first position and presence in the title.
 */
final class Entities {
  private Entities() {}

  static List<Entity> group(List<Span> found, int titleLength) {
    Map<String, Entity> byId = new LinkedHashMap<>();
    Map<String, String> personAlias = new HashMap<>();
    Map<String, String> acronyms = new HashMap<>();
    // An organisation's last word alone ("the Lakers", "the Commission") is the organisation when one name of the
    // article ends with it; with two ("Democratic Party", "Republican Party") it is left alone. Not its first
    // word: on pages of other publishers that joined as many wrong names as right ones ("House" to "House Freedom
    // Caucus", "Twitter" to a span "Twitter Thread"), the last word about three right to one wrong.
    Map<String, java.util.Set<String>> organisationWords = new HashMap<>();
    for (Span f : found) {
      if (f.type() == EntityType.ORG && f.text().contains(" ")) {
        String[] parts = f.text().split(" ");
        organisationWords.computeIfAbsent(parts[parts.length - 1], k -> new java.util.HashSet<>()).add(f.text());
      }
    }
    for (Span f : found) {
      String acronym = acronym(f.text());
      if (acronym != null) {
        acronyms.putIfAbsent(f.type() + ":" + acronym, f.text());
      }
      if (f.type() == EntityType.PER && f.text().contains(" ")) {
        String[] parts = f.text().split(" ");
        personAlias.merge(parts[parts.length - 1], f.text(), (a, b) -> b.length() > a.length() ? b : a);
        personAlias.merge(parts[0], f.text(), (a, b) -> b.length() > a.length() ? b : a);
      }
    }
    for (Span f : found) {
      EntityType type = f.type();
      String canonical = f.text();
      if (type == EntityType.PER && personAlias.containsKey(canonical)) {
        canonical = personAlias.get(canonical);
      } else if (type == EntityType.PER && canonical.contains(" ")) {
        String[] parts = canonical.split(" ");
        String longer = personAlias.get(parts[parts.length - 1]);
        if (longer != null && longer.endsWith(canonical.substring(canonical.indexOf(' ')))) {
          canonical = longer; // "Mr Putin" and "Vladimir Putin" are one person
        }
      }
      if (!canonical.contains(" ")) {
        canonical = acronyms.getOrDefault(type + ":" + canonical.replace(".", ""), canonical);
      }
      if (type == EntityType.ORG && !canonical.contains(" ")) {
        java.util.Set<String> longer = organisationWords.get(canonical);
        if (longer != null && longer.size() == 1) {
          canonical = longer.iterator().next();
        }
      }
      String id = type + ":" + canonical.toLowerCase(Locale.ROOT);
      String name = canonical;
      Entity e = byId.computeIfAbsent(id, k -> Entity.newBuilder().setId(k).setType(type).setName(name)
          .setMentions(new ArrayList<>()).setSalience(0).setInTitle(false).build());
      e.getMentions().add(new Mention(f.text(), f.start(), f.end()));
      if (f.start() < titleLength) {
        e.setInTitle(true);
      }
    }
    for (Entity e : byId.values()) {
      int first = e.getMentions().get(0).getStart();
      double count = Math.min(1.0, e.getMentions().size() / 5.0);
      e.setSalience(Math.round((0.5 * count + (e.getInTitle() ? 0.3 : 0) + 0.2 / (1 + first / 500.0)) * 1000) / 1000.0);
    }
    List<Entity> ordered = new ArrayList<>(byId.values());
    ordered.sort((a, b) -> Double.compare(b.getSalience(), a.getSalience()));
    return ordered;
  }

  private static final java.util.Set<String> CONNECTORS = WordSet.of("of", "for", "and", "the", "on", "in", "&");

  /**
   * The initials of a name of two or more capitalised words, connectors skipped ("World Health Organization" →
   * "WHO", "Organisation of the Petroleum Exporting Countries" → "OPEC"); null for one word or a word in lower case.
   */
  static String acronym(String name) {
    String[] words = name.split("[ -]+");
    if (words.length < 2) {
      return null;
    }
    StringBuilder initials = new StringBuilder();
    for (String w : words) {
      if (CONNECTORS.contains(w)) {
        continue;
      }
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
        return null;
      }
      initials.append(w.charAt(0));
    }
    return initials.length() >= 2 ? initials.toString() : null;
  }
}
