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
      // A headline's capitals name the body's person: "POGACAR" is "Tadej Pogacar", "VAN AERT" "Wout van Aert".
      String written = type == EntityType.PER && Token.allCaps(canonical) ? capitalisedWords(canonical) : canonical;
      if (type == EntityType.PER && personAlias.containsKey(written)) {
        canonical = personAlias.get(written);
      } else if (type == EntityType.PER && written.contains(" ")) {
        String[] parts = written.split(" ");
        String longer = personAlias.get(parts[parts.length - 1]);
        if (longer != null && longer.toLowerCase(Locale.ROOT).endsWith(written.substring(written.indexOf(' '))
            .toLowerCase(Locale.ROOT)) && sameFirst(parts[0], longer)) {
          canonical = longer; // "Mr Putin" and "Vladimir Putin" are one person; "Sam Ponder" and "Christian Ponder" two
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

  /** "VAN AERT" as running text writes it: "Van Aert". */
  private static String capitalisedWords(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (String w : name.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(NameRules.capitalised(w));
    }
    return out.toString();
  }

  /** Particles that open a family name: "Van Aert", "De Gaulle", "Al Thani". */
  private static final java.util.Set<String> SURNAME_PARTICLES = WordSet.of("van", "von", "de", "da", "di", "del",
      "della", "der", "den", "le", "la", "du", "dos", "das", "al", "el", "bin", "ibn", "ter", "ten", "op", "zu");

  /** Words before a family name that say nothing of the given name: "Mr Putin", "Dr. Hale", "Madame Curie". */
  private static final java.util.Set<String> HONORIFICS = WordSet.of("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss",
      "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady", "Madame", "Mme", "Mme.", "Monsieur", "M.", "Herr",
      "Frau", "Senor", "Señor", "Senora", "Señora", "Signor", "Signora", "Mx", "Mx.");

  /**
   * Whether a shorter name's first word can stand for a longer name's given name: an honorific, or an initial of
   * it ("V. Putin"); another given name is another person.
   */
  static boolean sameFirst(String first, String longer) {
    if (HONORIFICS.contains(first) || SURNAME_PARTICLES.contains(first.toLowerCase(Locale.ROOT))) {
      return true; // "Mr Putin"; "Van Aert" is the family name of "Wout van Aert"
    }
    String bare = first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    return bare.length() == 1 && longer.startsWith(bare) || longer.startsWith(first + " ");
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
