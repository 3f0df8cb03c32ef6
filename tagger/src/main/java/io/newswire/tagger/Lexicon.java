package io.newswire.tagger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the entity model uses as features (never as the answer): place names from the gazetteer,
 * given and family names, demonyms, titles, organisation words, known acronyms and English dictionary words.
 * Per document it marks each token with bit flags, longest gazetteer match first.
 */
final class Lexicon {
  static final int PLACE_B = 1;
  static final int PLACE_I = 1 << 1;
  static final int COUNTRY = 1 << 2;
  static final int CITY = 1 << 3;
  static final int REGION = 1 << 4;
  static final int PERSON_NAME = 1 << 5;
  static final int DEMONYM = 1 << 6;
  static final int TITLE = 1 << 7;
  static final int ORG_WORD = 1 << 8;
  static final int ACRONYM = 1 << 9;
  static final int ORG_AHEAD = 1 << 10;
  static final int BIG_PLACE = 1 << 11;
  /** A capitalised word whose lower-case form is an English dictionary word ("Given", "However", "LUCKY"). */
  static final int COMMON_WORD = 1 << 12;
  /** A head word of an event's name ("Cup", "Open", "Games"): events are MISC under the conventions. */
  static final int EVENT_WORD = 1 << 13;
  /** An event word later in the same capitalised run ("World Cup", "Dubai Desert Classic"). */
  static final int EVENT_AHEAD = 1 << 14;
  /** The first word of a known organisation's name ("Bayern Munich", "Bank of Japan", "Likud"), and the rest of it. */
  static final int KNOWN_ORG_B = 1 << 15;
  static final int KNOWN_ORG_I = 1 << 16;
  static final int FLAGS = 17;

  private static final String DATA = "/io/newswire/tagger/";
  private static final int MAX_PLACE_TOKENS = 5;
  private static final int MAX_ORG_TOKENS = 8;
  private static final Set<String> ORG_JOINERS = WordSet.of("of", "for", "and", "&");
  private static final Set<String> EVENT_JOINERS = WordSet.of("of", "de");

  private final Map<String, Integer> places = new HashMap<>();
  /** Every proper prefix of a multi-word place name ("new", "new york"), so a match stops as soon as it cannot grow. */
  private final Set<String> placePrefixes = new HashSet<>();
  /** Known organisations' names as lower-case tokens joined by spaces, and every proper prefix of them. */
  private final Map<String, Integer> organisations = new HashMap<>();
  private final Set<String> organisationPrefixes = new HashSet<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> demonyms = new HashSet<>();
  private final Set<String> titles = new HashSet<>();
  private final Set<String> orgWords = new HashSet<>();
  private final Set<String> eventWords = new HashSet<>();
  private final Set<String> acronyms = new HashSet<>();
  private final Set<String> english = new HashSet<>();
  private final Set<String> countryCodes = new HashSet<>();
  /** Places by a name that some country, region, capital or city of {@value #TOWN_POPULATION} or more has. */
  private final Set<String> notTowns = new HashSet<>();
  static final int TOWN_POPULATION = 100_000;

  Lexicon(Gazetteer gazetteer) {
    gazetteer.forEachName((name, entry) -> {
      int kind = switch (entry.kind()) {
        case "country" -> COUNTRY;
        case "region", "continent" -> REGION;
        default -> CITY;
      };
      if (entry.population() >= 1_000_000 || kind == COUNTRY) {
        kind |= BIG_PLACE;
      }
      places.merge(name, kind, (a, b) -> a | b);
      if (!entry.kind().equals("city") || entry.population() >= TOWN_POPULATION) {
        notTowns.add(name);
      }
      if (name.indexOf(' ') > 0 && name.indexOf(' ') == name.lastIndexOf(' ')) {
        places.merge(name.replace(' ', '-'), kind, (a, b) -> a | b); // "Al Ain" is also written "Al-Ain"
      }
      for (int space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1)) {
        placePrefixes.add(name.substring(0, space));
      }
    });
    for (String[] row : Resources.tsv(DATA + "person-names.txt")) {
      names.add(row[0].trim());
    }
    for (String[] row : Resources.tsv(DATA + "organisations.txt")) {
      List<Token> tokens = Token.of(row[0].trim());
      StringBuilder key = new StringBuilder();
      for (Token t : tokens) {
        if (key.length() > 0) {
          organisationPrefixes.add(key.toString());
          key.append(' ');
        }
        key.append(t.text().toLowerCase(Locale.ROOT));
      }
      organisations.put(key.toString(), 0);
    }
    for (String[] row : Resources.tsv(DATA + "english-words.txt")) {
      english.add(row[0].trim());
    }
    for (String[] row : Resources.tsv(DATA + "demonyms.tsv")) {
      demonyms.add(row[0].trim());
    }
    for (String[] row : Resources.tsv(DATA + "country-codes.tsv")) {
      countryCodes.add(row[0].trim());
    }
    for (String[] row : Resources.tsv(DATA + "lexicon.tsv")) {
      String word = row[1].trim();
      switch (row[0]) {
        case "title" -> titles.addAll(List.of(word.split(" ")));
        case "orgword" -> orgWords.add(word);
        case "eventword" -> eventWords.add(word);
        case "acronym" -> acronyms.add(word);
        case "demonym" -> demonyms.add(word);
        default -> throw new IllegalStateException("Unknown lexicon kind " + row[0] + " in lexicon.tsv");
      }
    }
  }

  /** Whether the lower-case word is an English dictionary word. */
  boolean isEnglishWord(String lowerCase) {
    return english.contains(lowerCase);
  }

  /** A lower-case word whose capitalised form heads organisations' or events' names ("league", "cup"). */
  boolean isNameHead(String lowerCase) {
    String capital = Character.toUpperCase(lowerCase.charAt(0)) + lowerCase.substring(1);
    return orgWords.contains(capital) || eventWords.contains(capital);
  }

  boolean isTitle(String word) {
    return titles.contains(word);
  }

  /** A place in the gazetteer, of any size, by that name ("Hull", "Kenya"). */
  boolean isPlace(String word) {
    return places.containsKey(Gazetteer.key(word));
  }

  /**
   * A place, but only towns of under {@value #TOWN_POPULATION} have its name ("Clinton", "Dole"): no government or
   * club whose name stands for it in the news.
   */
  boolean isTownOnly(String word) {
    String key = Gazetteer.key(word);
    return places.containsKey(key) && !notTowns.contains(key);
  }

  /** A three-letter country code, the IOC's or ISO's ("ITA", "GER", "NED"). */
  boolean isCountryCode(String word) {
    return countryCodes.contains(word);
  }

  boolean isDemonym(String word) {
    return demonyms.contains(word);
  }

  /** "JAPAN" → "Japan", "O'NEILL" → "O'neill" (good enough for the lists' common names), "JAPAN'S" → "Japan's". */
  static String titleCase(String w) {
    return w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * A title in Title Case ("Fed Holds Rates Steady As Inflation Cools", as many sites write headlines) reads as
   * one long name to a model that takes capitals as evidence. When at least three of its words after the first
   * are capitalised dictionary words and at least half of them are capitalised, those dictionary words are
   * lower-cased in {@code words} (the first {@code titleTokens}) unless they belong to a known organisation, a
   * demonym, a country, a region or a city of a million (a town called "Deal" or "Union" does not count), or are
   * written with a capital mid-sentence elsewhere in the document (the body's
   * "Federal Reserve" keeps the headline's "Federal Reserve").
   */
  /** The words a title in Title Case leaves in lower case. */
  private static final Set<String> SMALL_WORDS = WordSet.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
      "or", "but", "by", "with", "from", "as", "vs", "over", "after", "into", "amid", "near", "off", "up");

  void sentenceCase(String[] words, boolean[] starts, int titleTokens) {
    if (titleTokens < 4) {
      return;
    }
    int[] flags = flags(java.util.Arrays.copyOf(words, titleTokens));
    int keep = KNOWN_ORG_B | KNOWN_ORG_I | DEMONYM | ACRONYM | COUNTRY | REGION | BIG_PLACE;
    int letters = 0;
    int capitals = 0;
    int common = 0;
    int small = 0;
    for (int i = 1; i < titleTokens; i++) {
      String w = words[i];
      if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
        continue;
      }
      letters++;
      if (SMALL_WORDS.contains(w)) {
        small++;
      }
      if (Character.isUpperCase(w.charAt(0)) && !Token.allCaps(w)) {
        capitals++;
        if ((flags[i] & COMMON_WORD) != 0 && (flags[i] & keep) == 0) {
          common++;
        }
      }
    }
    // Three capitalised dictionary words, or two in a short title whose every word but the small ones is capitalised
    // ("Quake Kills Dozens in Eastern Iran").
    boolean titled = common >= 3 && capitals * 2 >= letters || common >= 2 && capitals + small == letters;
    if (!titled) {
      return;
    }
    Set<String> capitalisedInBody = new HashSet<>();
    for (int i = titleTokens; i < words.length; i++) {
      if (!starts[i] && !words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))) {
        capitalisedInBody.add(words[i]);
      }
    }
    for (int i = 1; i < titleTokens; i++) {
      String w = words[i];
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !Token.allCaps(w) && (flags[i] & COMMON_WORD) != 0
          && (flags[i] & keep) == 0 && !capitalisedInBody.contains(w)) {
        words[i] = Character.toLowerCase(w.charAt(0)) + w.substring(1);
      }
    }
  }

  /**
   * The first word after a dateline's dash in lower case, when it is a plural dictionary word of no name's list
   * that the document never capitalises inside a sentence: "LONDON - Scientists said" had read "Scientists" as an
   * organisation, for the model reads the word after a dateline's dash as one inside a sentence.
   */
  void openerCase(String[] words, boolean[] starts, int i) {
    String w = words[i];
    // Only a word alone: not the first of a longer name ("United Nations", "Archbishop of Canterbury").
    String next = i + 1 < words.length ? words[i + 1] : "";
    // Only a plural, as people are named there ("Scientists", "Forecasters", "Rebels"): a singular dictionary word
    // there is as often a company's name ("Target", "Total", "Sprint said").
    boolean plural = w.length() >= 5 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is");
    if (!plural || !Character.isUpperCase(w.charAt(0)) || Token.allCaps(w) || next.isEmpty()
        || !Character.isLowerCase(next.charAt(0)) || next.equals("of") || next.equals("for") || next.equals("and")) {
      return;
    }
    int flags = flags(new String[] {w})[0];
    int keep = KNOWN_ORG_B | KNOWN_ORG_I | DEMONYM | ACRONYM | COUNTRY | REGION | BIG_PLACE | PLACE_B | PERSON_NAME;
    if ((flags & COMMON_WORD) == 0 || (flags & keep) != 0) {
      return;
    }
    for (int k = 0; k < words.length; k++) {
      if (k != i && !starts[k] && words[k].equals(w)) {
        return;
      }
    }
    words[i] = Character.toLowerCase(w.charAt(0)) + w.substring(1);
  }

  /** Flags for every token of a document. */
  int[] flags(String[] words) {
    int n = words.length;
    int[] flags = new int[n];
    for (int i = 0; i < n; i++) {
      String w = words[i];
      // Every word of the lists starts with a capital or a digit: most tokens need no lookup at all.
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))) {
        continue;
      }
      String bare = w.endsWith("'s") || w.endsWith("’s") ? w.substring(0, w.length() - 2) : w;
      if (names.contains(w)) {
        flags[i] |= PERSON_NAME;
      }
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && english.contains(bare.toLowerCase(Locale.ROOT))) {
        flags[i] |= COMMON_WORD;
      }
      if (!acronyms.contains(bare) && Token.allCaps(w)) {
        // A headline or dateline in capitals ("JAPANESE MINISTRY ..."): the lists hold words as they are written
        // in running text, so look the word up as it would be written there. Not the given and family names,
        // which hold too many ordinary words ("Will", "Long", "Rose") to trust in capitals.
        w = titleCase(w);
        bare = titleCase(bare);
      }
      if (demonyms.contains(w) || w.endsWith("s") && demonyms.contains(w.substring(0, w.length() - 1))) {
        flags[i] |= DEMONYM;
      }
      if (titles.contains(w)) {
        flags[i] |= TITLE;
      }
      if (orgWords.contains(bare)) {
        flags[i] |= ORG_WORD;
      }
      if (acronyms.contains(bare)) {
        flags[i] |= ACRONYM;
      }
      if (eventWords.contains(bare)) {
        flags[i] |= EVENT_WORD;
      }
    }
    // A head word later in the same run of capitalised words: "Bank of England", "Leeds United" (organisations),
    // "World Cup", "2026 Dubai Desert Classic" (events, which may start with a year).
    markRunsBefore(words, flags, ORG_WORD, ORG_AHEAD, ORG_JOINERS, false);
    markRunsBefore(words, flags, EVENT_WORD, EVENT_AHEAD, EVENT_JOINERS, true);
    String[] lower = new String[n];
    for (int i = 0; i < n; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
    }
    markLongest(words, lower, flags, places, placePrefixes, MAX_PLACE_TOKENS, PLACE_B, PLACE_I);
    // In capitals a dictionary word that is only a small town's name is the word ("CHINA IN SURPRISE DEFEAT":
    // Surprise, Arizona): its place flags go, unless the place is a country, a region or a city of a million.
    for (int i = 0; i < n; i++) {
      boolean single = (flags[i] & PLACE_B) != 0 && (i + 1 == n || (flags[i + 1] & PLACE_I) == 0);
      if (single && (flags[i] & COMMON_WORD) != 0 && (flags[i] & (BIG_PLACE | COUNTRY | REGION)) == 0
          && Token.allCaps(words[i])) {
        flags[i] &= ~(PLACE_B | CITY);
      }
    }
    // A place may be a club too ("Liverpool", "Valencia"): both flags are set and the context decides.
    markLongest(words, lower, flags, organisations, organisationPrefixes, MAX_ORG_TOKENS, KNOWN_ORG_B, KNOWN_ORG_I);
    return flags;
  }

  /**
   * Marks the longest name of {@code names} (lower-case words joined by spaces, each with flags of its own such as
   * a place's kind) that starts at each capitalised word: {@code begin} on its first word, {@code inside} on the
   * rest. A possessive ends a name ("Ukraine's").
   */
  private static void markLongest(String[] words, String[] lower, int[] flags, Map<String, Integer> names,
      Set<String> prefixes, int maxWords, int begin, int inside) {
    int n = words.length;
    for (int i = 0; i < n; i++) {
      if (words[i].isEmpty() || !Character.isUpperCase(words[i].charAt(0))) {
        continue;
      }
      String key = lower[i];
      int best = -1;
      int bestKind = 0;
      for (int j = i; j < Math.min(n, i + maxWords); j++) {
        if (j > i) {
          key = key + ' ' + lower[j];
        }
        Integer kind = names.get(key);
        String w = words[j];
        if (kind == null && (w.endsWith("'s") || w.endsWith("’s"))) {
          kind = names.get(key.substring(0, key.length() - 2));
        }
        if (kind != null) {
          best = j;
          bestKind = kind;
        }
        if (!prefixes.contains(key)) {
          break;
        }
      }
      if (best >= 0) {
        flags[i] |= begin | bestKind;
        for (int j = i + 1; j <= best; j++) {
          flags[j] |= inside | bestKind;
        }
        i = best;
      }
    }
  }

  /**
   * Sets {@code mark} on every word of a capitalised run (joined by {@code joiners}, and by numbers where
   * {@code numbers}) that comes before a word flagged {@code head} in the same run.
   */
  private static void markRunsBefore(String[] words, int[] flags, int head, int mark, Set<String> joiners,
      boolean numbers) {
    boolean ahead = false;
    for (int i = words.length - 1; i >= 0; i--) {
      String w = words[i];
      char first = w.isEmpty() ? ' ' : w.charAt(0);
      boolean capital = Character.isUpperCase(first) || numbers && Character.isDigit(first);
      if ((flags[i] & head) != 0) {
        ahead = true;
      } else if (!capital && !joiners.contains(w)) {
        ahead = false;
      } else if (ahead) {
        flags[i] |= mark;
      }
    }
  }
}
