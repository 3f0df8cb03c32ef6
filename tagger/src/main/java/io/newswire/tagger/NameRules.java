package io.newswire.tagger;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Corrections to decoded names for shapes of text that the training articles hold too few of for the model to
 * learn, found on news pages written by others (see docs/TAGGER.md): a title read into the name it precedes,
 * a name running on into a lower-case word, a nationality inside a hyphenated word, a city's people, and words
 * that are never names alone. Labels are the model's (0 is outside, odd is the first word of a name of a type, the
 * next even label a following word); each rule rewrites them in place.
 */
final class NameRules {
  private NameRules() {}

  /**
   * Titles beyond the lexicon's (whose words the model has learned): abbreviations and titles of legislatures and
   * governments that pages use and the training articles rarely do. Matched with or without a closing period.
   */
  private static final Set<String> TITLES = WordSet.of("Sen", "Rep", "Gov", "Lt", "Sgt", "Cpl", "Capt", "Adm", "Rev",
      "Gen", "Col", "Maj", "Supt", "Insp", "Det", "Cmdr", "Congressman", "Congresswoman", "Councillor", "Councilman",
      "Councilwoman", "Assemblyman", "Assemblywoman", "Representative", "Senator", "Vice-President", "Vice-Premier",
      "Vice-Chancellor", "Deputy", "Taoiseach", "Tanaiste", "Tánaiste", "MP", "MEP", "MSP", "Lawmaker", "Rabbi",
      "Bishop", "Archbishop", "Cardinal", "Father", "Coach", "Detective", "Inspector",
      "Sergeant", "Lieutenant", "Corporal", "Admiral", "Commissioner", "Attorney", "Sheriff", "Chief",
      "Superintendent", "Speaker", "Princess", "Emir", "Ayatollah");

  /** Titles that are never a name alone ("Sen", "Congressman"), unlike "Bishop" or "Major", which are surnames too. */
  private static final Set<String> ONLY_TITLES = WordSet.of("Sen", "Rep", "Gov", "Lt", "Sgt", "Cpl", "Capt", "Adm", "Rev",
      "Gen", "Col", "Maj", "Supt", "Insp", "Det", "Cmdr", "Congressman", "Congresswoman", "Councillor", "Councilman",
      "Councilwoman", "Assemblyman", "Assemblywoman", "Taoiseach", "Tanaiste", "Tánaiste", "MP", "MEP", "MSP",
      "MPs", "MEPs", "MSPs", "MPP", "MPPs", "MLA", "MLAs", "MNA", "MNAs", "Lawmaker", "Senator", "Hon", "Rt");

  /** A company's officers, whom a name never ends with ("Google CEO") and who open none ("CEO of Tesla"). */
  private static final Set<String> OFFICERS = WordSet.of("CEO", "CFO", "COO", "CTO", "Chairman", "Chairwoman");

  /** Words that close no name: a name run on into a verb ("Edward Russell Is", from a page's byline). */
  private static final Set<String> CLOSERS = WordSet.of("Is", "Was", "Are", "Were", "Has", "Have", "Had", "Would",
      "Says", "Told", "And", "Or", "But", "The", "An", "Of", "In", "On", "At", "To", "For");

  /** Punctuation that ends no name. Not "!" ("Yahoo!") or ")" ("Real (Madrid)"), which can. */
  private static final Set<String> TRAILING = WordSet.of("?", ",", ";", ":", "[", "(", "\"", "“", "”", "‘", "'");

  /** Lower-case words that belong inside names ("Bank of England", "Leonardo da Vinci", "bin Laden"). */
  private static final Set<String> PARTICLES = WordSet.of("of", "for", "and", "the", "de", "da", "di", "del", "della",
      "der", "den", "des", "du", "dos", "das", "van", "von", "la", "le", "al", "el", "bin", "ibn", "bint", "y", "e",
      "on", "upon", "in", "&", "zu", "ter", "ten", "op", "lo", "do", "und", "et");

  /**
   * Never a name alone: months and days (not "May", "March" or "August", which are people's names too), the
   * pandemic's disease, scales, common abbreviations written in capitals, and contractions.
   */
  private static final Set<String> NEVER = WordSet.of("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
      "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
      "January", "February", "April", "June", "July", "September", "October", "November", "December",
      // Diseases and scales are not names under CoNLL conventions, however they are written.
      "Covid", "COVID", "Covid-19", "COVID-19", "Ebola", "EBOLA", "Fahrenheit", "Celsius",
      // Wire headlines' abbreviations of amounts ("NIKKEI ENDS DOWN 1.2 PCT", "PROFIT 2.1 BLN STG").
      "PCT", "MLN", "BLN", "DLRS", "STG", "CTS", "BPD", "YR", "QTR",
      // Capitals that abbreviate things, not names: a knockout, a disc, a chief executive ("two KOs", "the CEO").
      "KO", "KOs", "TKO", "DJ", "DJs", "CD", "CDs", "DVD", "DVDs", "VIP", "VIPs", "CEO", "CEOs", "CFO", "COO", "CTO",
      "GDP", "GNP", "CPI", "PMI", "IPO", "IPOs", "TV", "MVP", "OST", "POS", "DNA", "RNA", "GPS", "CPU", "GPU", "LED",
      "LCD", "USB", "PDF", "FAQ", "DIY", "IQ", "PhD", "MBA", "RSVP", "SUV", "SUVs", "ATM", "ATMs", "ETF", "ETFs",
      "EPS", "HIV", "AIDS", "SMS", "URL", "AM", "PM", "API", "APIs", "IP", "CSS", "HTML", "JSON", "XML", "HTTP",
      "HTTPS", "SQL", "SDK", "UI", "OS", "GB", "MB", "KB", "TB", "DOI", "ISBN", "PMID",
      // Time zones ("10 a.m. EST").
      "EST", "EDT", "PST", "PDT", "CST", "CDT", "MST", "MDT", "GMT", "UTC", "BST", "CET", "CEST", "JST", "AEST",
      "AEDT",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays",
      "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays");

  /** A legislator's party and state ("D-Calif", "R-N.C."), as American pages write it after the name. */
  private static final java.util.regex.Pattern PARTY_AND_STATE = java.util.regex.Pattern.compile("[DRI]-[A-Z][A-Za-z.]*");

  /** Words that open a sentence in capitals without being names. */
  private static final Set<String> OPENERS = WordSet.of("The", "A", "An", "In", "On", "At", "For", "By", "With", "From",
      "Its", "His", "Her", "Their", "Our", "This", "That", "These", "Those", "Some", "Many", "Two", "Three", "Several",
      "Most", "All", "Both", "After", "Before", "As", "And", "But", "THE", "AN");

  private static final Set<String> NEGATED = WordSet.of("pro", "anti", "non", "ex", "pan", "post", "pre", "neo");

  /** A company's legal form closes its name: "Datecs Ltd." is one organisation, never a place and a suffix. */
  private static final Set<String> LEGAL_FORMS = WordSet.of("Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "Co.", "LLC",
      "L.L.C.", "LP", "L.P.", "PLC", "Plc", "plc", "AG", "S.A.", "NV", "N.V.", "GmbH", "BV", "B.V.", "SpA", "S.p.A.",
      "ASA", "Oyj", "Bhd", "Pty", "Limited", "Incorporated", "LLP");

  /** Words between two sides of a match ("Leeds beat Chelsea", "Houston lost to Utah", "Ajax v PSV"). */
  private static final Set<String> MATCH_WORDS = WordSet.of("beat", "beats", "defeated", "defeat", "edged", "edge",
      "thrashed", "routed", "crushed", "downed", "upset", "overcame", "hammered", "trounced", "blanked", "swept",
      "held", "v", "v.", "vs", "vs.", "versus", "against");

  /** The same, as two words ending with a preposition ("lost to", "drew with"). */
  private static final Set<String> MATCH_VERBS = WordSet.of("lost", "lose", "loses", "fell", "drew", "draw", "draws",
      "tied", "ties", "went");

  /** Sides that are nations but not countries in the gazetteer. */
  private static final Set<String> NATIONS = WordSet.of("England", "ENGLAND", "Scotland", "SCOTLAND", "Wales", "WALES",
      "Northern", "NORTHERN", "West", "WEST");

  /** @param flags the lexicon's flags of each word, as the model saw them */
  static void apply(String[] words, int[] flags, int[] labels, Lexicon lexicon) {
    compoundOpeners(words, flags, labels, lexicon);
    joinAtParticles(words, labels);
    legalForms(words, flags, labels);
    splitAtThe(words, labels);
    splitOrganisationsAtAnd(words, flags, labels);
    liberationFronts(words, labels);
    typeByLastWord(words, flags, labels);
    placesReadAsPeople(words, flags, labels);
    speakers(words, flags, labels, lexicon);
    peopleReadAsPlaces(words, flags, labels, lexicon);
    events(words, flags, labels);
    articles(words, labels);
    leaders(words, flags, labels);
    bracketedCountries(words, flags, labels);
    scorers(words, flags, labels);
    matches(words, flags, labels);
    players(words, flags, labels);
    clubs(words, flags, labels);
    scores(words, flags, labels);
    units(words, flags, labels);
    countryCodes(words, labels, lexicon);
    people(words, flags, labels);
    roles(words, flags, labels);
    initials(words, flags, labels);
    possessors(words, flags, labels);
    owners(words, flags, labels);
    headlinePeoples(words, flags, labels);
    bracketedForms(words, labels);
    awards(words, labels);
    leagues(words, labels);
    firms(words, flags, labels);
    financialCompounds(words, labels);
    pollsters(words, labels);
    styledNames(words, labels);
    constructors(words, labels);
    nationalFirms(words, flags, labels);
    craft(words, labels);
    works(words, labels);
    lands(words, labels);
    agreements(words, labels, lexicon);
    combined(words, labels);
    countryPairs(words, labels, lexicon);
    groupsOfNations(words, labels);
    doubleGivenNames(words, flags, labels, lexicon);
    movements(words, labels);
    crudes(words, labels);
    contracts(words, labels);
    scales(words, labels);
    indexes(words, labels);
    scriptures(words, labels);
    jobs(words, labels);
    credits(words, labels);
    organisationNouns(words, labels);
    joinLongNames(words, labels);
    appositions(words, labels);
    feasts(words, labels);
    storms(words, flags, labels);
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = NewswireTagger.end(labels, i);
        i = trimStart(words, labels, i, j);
        j = trimEnd(words, labels, i, j, lexicon);
        if (j > i) {
          titles(words, labels, flags, lexicon, i, j);
        }
        if (j == i + 1 && labels[i] % 2 == 1 && never(words[i])) {
          labels[i] = 0;
        }
        i = Math.max(i, j - 1);
      }
    }
    for (int i = 0; i < words.length; i++) {
      boolean alone = labels[i] == 0 || labels[i] % 2 == 1 && (i + 1 == words.length || labels[i + 1] != labels[i] + 1);
      // Not the last word of a name the model cut short ("South" of "South Africans"), nor a club ("Corinthians").
      // A capitalised article or preposition opening a sentence cuts nothing ("The Arabic-language daily").
      boolean cut = labels[i] == 0 && i > 0 && (labels[i - 1] != 0 || Character.isUpperCase(words[i - 1].charAt(0))
          && !OPENERS.contains(words[i - 1]));
      boolean known = (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) != 0;
      if (alone && !cut && !known && labels[i] != 7 && misc(words[i], flags[i], lexicon)) {
        labels[i] = 7;
      }
      // A people's name the model left out opening a sentence ("Republicans in Congress said"), as it tags it inside one.
      boolean next = i + 1 < words.length && Character.isUpperCase(words[i + 1].charAt(0));
      if (labels[i] == 0 && !cut && !next && (flags[i] & Lexicon.DEMONYM) != 0 && (flags[i] & Lexicon.PERSON_NAME) == 0
          && Character.isUpperCase(words[i].charAt(0))) {
        labels[i] = 7;
      }
    }
    qualifiers(words, labels);
    quotedTitles(words, flags, labels);
    designations(words, labels);
  }

  /**
   * A people's or a place's compound opening a longer name is a miscellany of its own: "Israeli-occupied West Bank",
   * "Serb-held Brcko", "U.S.-led coalition forces" are read as one name by the model. What follows keeps its type, or
   * is a place when it is exactly a place's name ("West Bank", which ends with "Bank" and was read as a bank).
   */
  private static void compoundOpeners(String[] words, int[] flags, int[] labels, Lexicon lexicon) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (labels[i] % 2 == 0 || labels[i + 1] != labels[i] + 1) {
        continue; // the label first: only names of two words or more
      }
      String w = words[i];
      int hyphen = w.indexOf('-');
      int end = NewswireTagger.end(labels, i);
      if (hyphen > 0 && hyphen + 1 < w.length() && Character.isLowerCase(w.charAt(hyphen + 1))
          && misc(w, flags[i], lexicon)) {
        int type = labels[i] == 7 ? 3 : labels[i];
        boolean place = (flags[i + 1] & Lexicon.PLACE_B) != 0 && (end == words.length || (flags[end] & Lexicon.PLACE_I) == 0);
        for (int k = i + 2; k < end && place; k++) {
          place = (flags[k] & Lexicon.PLACE_I) != 0;
        }
        labels[i] = 7;
        type = place ? 5 : type;
        for (int k = i + 1; k < end; k++) {
          labels[k] = k == i + 1 ? type : type + 1;
        }
      }
      i = end - 1;
    }
  }

  /**
   * A type's designation is a miscellany, as CoNLL-2003 has products and models: "F-16", "Su-34 bombers", "S-400s",
   * with the capitalised words that follow it ("P-51 Mustang", "B-25 Mitchell", "F-4 Phantom II") but a place ("F-16
   * Ukraine"). One inside another name starts a name of its own ("Lockheed F-35"). Running text splits a
   * designation at its hyphen ("F", "-", "16"); CoNLL text has it as one word. A group or a road ("G-20", "I-95") is
   * none.
   */
  private static void designations(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean split = w.length() <= 3 && i + 1 < words.length && words[i + 1].equals("-");
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || !split && w.indexOf('-') < 0) {
        continue; // most words: no regular expression for them (this runs for every word)
      }
      int length = DESIGNATION.matcher(w).matches() ? 1
          : i + 2 < words.length && DESIGNATION_PREFIX.matcher(words[i]).matches() && words[i + 1].equals("-")
              && DESIGNATION_NUMBER.matcher(words[i + 2]).matches() ? 3 : 0;
      if (length == 0 || labels[i] == 7 && (i + length == words.length || labels[i + length - 1] == 8 || length == 1)) {
        continue; // none, or a miscellany already
      }
      int j = i + length;
      while (j < words.length && j < i + length + 3 && Character.isUpperCase(words[j].charAt(0))
          && labels[j] != 5 && labels[j] != 6 && !OPENERS.contains(words[j])) {
        j++;
      }
      // What the name the designation ran into had after it is now a name of its own.
      if (j < words.length && labels[j] % 2 == 0 && labels[j] != 0) {
        labels[j]--;
      }
      for (int k = i; k < j; k++) {
        labels[k] = k == i ? 7 : 8;
      }
      i = j - 1;
    }
  }

  /** A designation's letters (not "G" of "G-20" nor "I" of "I-95") and its number ("16", "400s", "25SM"). */
  private static final String LETTERS = "(?:[A-FHJ-Z]|\\p{Lu}\\p{L}{1,2})";
  private static final String NUMBER = "\\d{1,4}\\p{L}{0,2}";
  private static final java.util.regex.Pattern DESIGNATION_PREFIX = java.util.regex.Pattern.compile(LETTERS);
  private static final java.util.regex.Pattern DESIGNATION_NUMBER = java.util.regex.Pattern.compile(NUMBER);
  private static final java.util.regex.Pattern DESIGNATION = java.util.regex.Pattern.compile(LETTERS + "-" + NUMBER);


  private static final Set<String> OPENING_QUOTES = WordSet.of("\"", "“", "``", "‘");
  private static final Set<String> CLOSING_QUOTES = WordSet.of("\"", "”", "''", "’");
  /** Words a title leaves in lower case: "Anarchy in Tokyo", "Santa Through the Back Door" keeps none of them. */
  private static final Set<String> TITLE_SMALL = WordSet.of("a", "an", "the", "of", "in", "on", "to", "for", "and",
      "at", "by", "from", "with", "into", "or", "nor", "but", "as", "is", "are", "be", "up", "out", "de", "la", "le",
      "el", "du", "des", "del", "da", "di", "'s", "’s", "vs", "vs.", "&", ":", "-", "–", "(", ")", "/", ",", "!", "?",
      "'", "’");
  /** Words that name what a quoted title is: one quoted word after them is a title too ("the single \"Hunter\""). */
  private static final Set<String> WORKS = WordSet.of("song", "songs", "single", "singles", "album", "albums", "track",
      "tracks", "film", "films", "movie", "movies", "novel", "novels", "book", "books", "play", "plays", "series",
      "show", "shows", "sitcom", "drama", "episode", "titled", "entitled", "poem", "painting", "opera",
      "musical", "EP", "documentary", "programme", "program", "hit", "ballad", "anthem", "video", "game", "report",
      "operation", "Operation", "campaign", "slogan", "exhibition", "column", "memoir", "book's", "film's");

  /**
   * Words in title case between quotation marks name a work, an operation or a slogan, MISC as CoNLL-2003 has
   * them ("the album \"A Beautiful Lie\"", "Operation \"Desert Storm\""): quoted speech is a sentence, with
   * its words in lower case. One quoted word is a title only after a word naming a work ("the single \"Hunter\""),
   * and a quoted nickname inside a person's name is left alone ("Dwayne \"The Rock\" Johnson"). The model
   * found few of them: the training articles quote speech, not titles, and wikigold's cross-validation missed most.
   * With an organisation's word in it and no work named before it, the quoted name is the organisation ("the
   * \"Committee to Reelect the President\"", "a \"Climate Innovation Fund\"").
   */
  static void quotedTitles(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (!OPENING_QUOTES.contains(words[i])) {
        continue;
      }
      int close = -1;
      for (int k = i + 1; k < words.length && k <= i + 9; k++) {
        if (CLOSING_QUOTES.contains(words[k]) || OPENING_QUOTES.contains(words[k])) {
          close = CLOSING_QUOTES.contains(words[k]) ? k : -1;
          break;
        }
      }
      if (close < 0) {
        continue;
      }
      int from = i + 1;
      int to = close;
      while (to > from && (words[to - 1].equals(".") || words[to - 1].equals(","))) {
        to--; // "Time to Wake Up." ends before its stop
      }
      boolean work = workBefore(words, i);
      if (to > from && titleCase(words, from, to) && !nickname(words, labels, i, close)
          && (to - from > 1 || work) && !wholeName(labels, from, to, work)) {
        boolean organisation = false; // "the album \"My Kinda Party\"" stays a work
        for (int k = from; k < to && !organisation && !work; k++) {
          organisation = (flags[k] & Lexicon.ORG_WORD) != 0;
        }
        labels[from] = organisation ? 3 : 7;
        Arrays.fill(labels, from + 1, to, labels[from] + 1);
        if (to < words.length && labels[to] % 2 == 0 && labels[to] != 0) {
          labels[to] = labels[to] - 1; // a name the title cut in two starts afresh after it
        }
      }
      i = close;
    }
  }

  private static boolean titleCase(String[] words, int from, int to) {
    if (!Character.isUpperCase(words[from].charAt(0)) || TITLE_SMALL.contains(words[to - 1])) {
      return false;
    }
    boolean lower = false;
    int capitalised = 0;
    for (int k = from; k < to; k++) {
      String w = words[k];
      char c = w.charAt(0);
      if (Character.isUpperCase(c)) {
        capitalised++;
        lower |= w.chars().anyMatch(Character::isLowerCase);
      } else if (!TITLE_SMALL.contains(w) && !Character.isDigit(c)) {
        return false;
      }
    }
    return lower && (capitalised >= 2 || to - from == 1); // in capitals, a headline: not a title
  }

  /** Whether a word naming a work comes at most three words before the opening quotation mark. */
  private static boolean workBefore(String[] words, int quote) {
    for (int k = quote - 1; k >= Math.max(0, quote - 3); k--) {
      if (WORKS.contains(words[k])) {
        return true;
      }
    }
    return false;
  }

  /** A quoted word between two parts of a person's name is what the person is called. */
  private static boolean nickname(String[] words, int[] labels, int open, int close) {
    return open > 0 && close + 1 < words.length && labels[open - 1] != 0 && labels[open - 1] <= 2
        && Character.isUpperCase(words[close + 1].charAt(0));
  }

  /** A quoted name the model read whole as a person, organisation or place stays one, unless a work is named. */
  private static boolean wholeName(int[] labels, int from, int to, boolean workBefore) {
    return labels[from] % 2 == 1 && labels[from] != 7 && NewswireTagger.end(labels, from) == to && !workBefore;
  }

  private static final java.util.regex.Pattern QUALIFIER = java.util.regex.Pattern.compile(
      "\\p{Lu}[\\p{L}.]*-(\\p{Ll}+ed|born|made|run|held|built|grown|wide|speaking|language|style)");

  /**
   * A name of several words ending with a place's qualifier in lower case is a MISC word, as a single one is:
   * "New York-based", "Abu Dhabi-led", "Hong Kong-listed".
   */
  private static void qualifiers(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = NewswireTagger.end(labels, i);
        if (j - i >= 2 && QUALIFIER.matcher(words[j - 1]).matches()) {
          for (int k = i; k < j; k++) {
            labels[k] = k == i ? 7 : 8;
          }
        }
        i = j - 1;
      }
    }
  }

  /**
   * A country code in brackets after a person's name is the country, as results lists write it: "Jannik Sinner
   * (ITA)", "Joost Luiten (NED)". CoNLL-2003 marks a country named beside a player as a place; the model read the
   * codes as organisations or nothing. Only after a person: elsewhere three capitals in brackets are mostly an
   * abbreviation being introduced ("value added tax (VAT)") or an airport ("Bangalore (BLR)").
   */
  private static void countryCodes(String[] words, int[] labels, Lexicon lexicon) {
    for (int i = 2; i + 1 < words.length; i++) {
      if (words[i - 1].equals("(") && words[i + 1].equals(")") && lexicon.isCountryCode(words[i])
          && (labels[i - 2] == 1 || labels[i - 2] == 2)
          && (labels[i] == 0 || labels[i] % 2 == 1 && labels[i + 1] != labels[i] + 1)) {
        labels[i] = 5;
      }
    }
  }

  /** Titles that only people bear right before their name: "President Trump", "Mrs Thatcher". */
  private static final Set<String> PERSONAL_TITLES = WordSet.of("President", "Mr", "Mrs", "Ms", "Dr", "Sen", "Senator",
      "Gov", "Governor", "Rep", "Chancellor", "Mayor", "Judge", "Justice", "Professor", "Prof", "Pope", "Sir", "Dame",
      "King", "Queen", "Prince", "Princess", "Emir", "Sultan", "Ayatollah");

  /** What people are, in lower case right before their names: "spokesman Shen Guofang", "striker Jardel". */
  private static final Set<String> PEOPLE_ROLES = WordSet.of("spokesman", "spokeswoman", "spokesperson", "chief", "boss",
      "chairman", "chairwoman", "striker", "midfielder", "defender", "goalkeeper", "winger", "coach", "manager",
      "skipper", "batsman", "bowler", "opener", "all-rounder", "pitcher", "quarterback", "playmaker", "left-hander",
      "right-hander", "compatriot", "team-mate", "teammate", "envoy", "ambassador", "negotiator", "mediator",
      "prosecutor", "lawyer", "attorney", "judge", "analyst", "economist", "strategist", "dealer", "trader");

  /**
   * A name right after a lower-case word for what people are is a person: "former Elf Aquitaine chief Loik Le
   * Floch-Prigent" was an organisation. Not a place, a people, a known organisation or a name with an
   * organisation's head word ("its coach Ajax" is no one, and "to captain Australia" has a verb, not a role).
   */
  private static void roles(String[] words, int[] flags, int[] labels) {
    int mask = Lexicon.PLACE_B | Lexicon.PLACE_I | Lexicon.COUNTRY | Lexicon.DEMONYM | Lexicon.KNOWN_ORG_B
        | Lexicon.KNOWN_ORG_I | Lexicon.ACRONYM;
    for (int i = 1; i < words.length; i++) {
      if (labels[i] != 3 && labels[i] != 5 && labels[i] != 7) {
        continue; // the label first: this runs for every token
      }
      int end = NewswireTagger.end(labels, i);
      boolean person = PEOPLE_ROLES.contains(words[i - 1]) && end - i <= 4;
      for (int k = i; k < end && person; k++) {
        // A given name that is also a people's ("Christian Blanc") counts as the given name in a name of two words.
        int own = end - i >= 2 && (flags[k] & Lexicon.PERSON_NAME) != 0 ? mask & ~Lexicon.DEMONYM : mask;
        person = (flags[k] & own) == 0 && !listed(ORGANISATION_HEADS, words[k]) && !LEGAL_FORMS.contains(words[k])
            && (k > i || (flags[k] & Lexicon.COMMON_WORD) == 0 && !Token.allCaps(words[k])); // "chief AI scientist"
      }
      if (person) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 1 : 2;
        }
      }
      i = end - 1;
    }
  }

  private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("[1-9][0-9]?|10[0-9]");

  /**
   * Wording only people take: a single name right after a personal title ("President Trump won", where the model
   * read a place), and a name of two or three words followed by an age between commas, as reports of arrests,
   * courts and deaths write it ("Chad Hull, 37, Bulpitt, was arrested"; the model read "Chad" as the country); and
   * so is every other mention of that name in the document. A country or region stays a place ("Governor Texas" is
   * no one).
   */
  private static void people(String[] words, int[] flags, int[] labels) {
    int place = Lexicon.COUNTRY | Lexicon.REGION;
    Set<String> people = null;
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 != 1) {
        continue; // a person already counts too: the other mentions follow it
      }
      int j = NewswireTagger.end(labels, i);
      boolean titled = j == i + 1 && i > 0 && labels[i - 1] == 0 && PERSONAL_TITLES.contains(bare(words[i - 1]))
          && (flags[i] & place) == 0;
      boolean aged = j - i >= 2 && j - i <= 3 && j + 2 < words.length && words[j].equals(",")
          && AGE.matcher(words[j + 1]).matches() && words[j + 2].equals(",") && (flags[j - 1] & place) == 0
          && !listed(ORGANISATION_HEADS, words[j - 1]) && !listed(PLACE_HEADS, words[j - 1]);
      for (int k = i; k < j; k++) {
        aged &= Character.isUpperCase(words[k].charAt(0))
            && (flags[k] & (Lexicon.ORG_WORD | Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) == 0;
      }
      if (titled || aged) {
        people = people == null ? new HashSet<>() : people;
        people.add(name(words, i, j));
      }
      i = j - 1;
    }
    if (people == null) {
      return;
    }
    // Every mention of such a person is the person: "a Trump district" after "President Trump".
    everyMention(words, labels, people, 1, i -> true);
  }

  /** Gives every mention of these names the type, where {@code which} allows it (asked with the mention's start). */
  private static void everyMention(String[] words, int[] labels, Set<String> names, int type,
      java.util.function.IntPredicate which) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = NewswireTagger.end(labels, i);
        if (labels[i] != type && which.test(i) && names.contains(name(words, i, j))) {
          for (int k = i; k < j; k++) {
            labels[k] = k == i ? type : type + 1;
          }
        }
        i = j - 1;
      }
    }
  }

  private static String name(String[] words, int from, int to) {
    return String.join(" ", Arrays.asList(words).subList(from, to));
  }

  /** Possessives that open organisations' names and are nobody's: "People's", "Women's", "Children's". */
  private static final Set<String> NOT_POSSESSORS = WordSet.of("People", "Women", "Men", "Children", "Workers",
      "Farmers", "Peoples", "Veterans", "Teachers", "Nurses", "Citizens", "Boys", "Girls", "Saint", "St", "St.");

  /**
   * A person's family name and a possessive open no organisation: "Clinton's Democrats", "Dole's Republicans" were
   * read as one name, and are the person and what is theirs, when the document names the person elsewhere ("Bill
   * Clinton"). Not a known organisation whose name holds the possessive ("Sotheby's", "McDonald's Corp"), nor
   * "People's Liberation Army", nor a law or a place named after someone ("Moore's Law", "Sheffield's").
   */
  private static void possessors(String[] words, int[] flags, int[] labels) {
    Set<String> people = null;
    for (int i = 0; i + 2 < words.length; i++) {
      if (labels[i] != 3 || labels[i + 1] != 4) {
        continue; // the label first: this runs for every token
      }
      String possessive = words[i + 1];
      if ((possessive.equals("'s") || possessive.equals("’s")) && labels[i + 2] == 4
          && (flags[i] & Lexicon.PERSON_NAME) != 0 && (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) == 0
          && !NOT_POSSESSORS.contains(words[i]) && Character.isUpperCase(words[i + 2].charAt(0))
          && (i == 0 || labels[i - 1] == 0)
          // One word after the possessive is the person's people ("Democrats", "Tories"), not a law or a guide.
          && (i + 3 < words.length && labels[i + 3] == 4 || words[i + 2].endsWith("s"))) {
        if (people == null) {
          people = new HashSet<>();
          for (int k = 0; k < words.length; k++) {
            if (labels[k] == 1 || labels[k] == 2) {
              people.add(words[k]); // a person's words, as the model read them anywhere in the document
            }
          }
        }
        if (!people.contains(words[i])) {
          continue;
        }
        labels[i] = 1;
        labels[i + 1] = 0;
        labels[i + 2] = 3;
      }
    }
  }

  /**
   * An organisation's name does not run on over its possessive into what it owns: "Microsoft's Windows", "NASA's
   * Voyager" were one organisation each. The owner must be a known organisation of one word ("McDonald's Corp", whose
   * name holds the possessive, stays whole).
   */
  private static void owners(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 3) {
        continue; // the label first: this runs for every token
      }
      int end = NewswireTagger.end(labels, i);
      if (end - i >= 3 && (words[i + 1].equals("'s") || words[i + 1].equals("’s"))
          && (flags[i] & Lexicon.KNOWN_ORG_B) != 0 && (flags[i + 1] & Lexicon.KNOWN_ORG_I) == 0
          && !words[i + 2].isEmpty() && Character.isUpperCase(words[i + 2].charAt(0))) {
        labels[i + 1] = 0;
        labels[i + 2] = 3;
      }
      i = end - 1;
    }
  }

  /**
   * A people's name and a common word in a headline's capitals are the people and the word, where the body writes
   * the word in lower case: "ISRAELI ARMY KILLS TWO" above "the Israeli army said" (the model read one
   * organisation). Not a company's trade or an organisation's head ("BRITISH STEEL", "IRISH GOVERNMENT").
   */
  private static void headlinePeoples(String[] words, int[] flags, int[] labels) {
    Set<String> lower = null;
    for (int i = 0; i + 1 < words.length; i++) {
      if (labels[i] != 3 || labels[i + 1] != 4 || i + 2 < words.length && labels[i + 2] == 4) {
        continue; // the label first: an organisation of exactly two words
      }
      if (!Token.allCaps(words[i]) || !Token.allCaps(words[i + 1]) || (flags[i] & Lexicon.DEMONYM) == 0
          || (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.COUNTRY)) != 0 || listed(ORGANISATION_HEADS, words[i + 1])
          || listed(TRADES, words[i + 1]) || listed(HEADS_OF, words[i + 1])) {
        continue;
      }
      if (lower == null) {
        lower = new HashSet<>();
        for (String w : words) {
          if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
            lower.add(w);
          }
        }
      }
      if (lower.contains(words[i + 1].toLowerCase(Locale.ROOT))) {
        labels[i] = 7;
        labels[i + 1] = 0;
      }
    }
  }

  /**
   * A company's form in brackets after its name is part of it, as Hong Kong's listings write it: "Cheung Kong
   * (Holdings)" was a person and an organisation.
   */
  private static void bracketedForms(String[] words, int[] labels) {
    for (int i = 0; i + 3 < words.length; i++) {
      if (labels[i] % 2 != 1 || labels[i] == 7) {
        continue; // the label first
      }
      int end = NewswireTagger.end(labels, i);
      if (end + 2 < words.length && words[end].equals("(") && words[end + 2].equals(")")
          && (words[end + 1].equals("Holdings") || words[end + 1].equals("Group") || words[end + 1].equals("International"))) {
        labels[i] = 3;
        for (int k = i + 1; k <= end + 2; k++) {
          labels[k] = 4;
        }
        end += 3;
      }
      i = end - 1;
    }
  }

  /** A person's initials: "P.W.", "J.R.R.". */
  private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:\\p{Lu}\\.){1,3}");
  /** Initials that are no one's: countries, cities, clubs' and companies' prefixes, times. */
  private static final Set<String> NOT_INITIALS = WordSet.of("U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "A.C.", "F.C.",
      "S.A.", "N.V.", "A.G.", "B.V.", "D.C.", "L.A.", "N.Y.", "S.C.", "A.M.", "P.M.", "T.V.", "U.A.E.", "R.C.", "S.S.",
      "P.S.", "B.C.", "P.E.I.", "N.J.", "N.C.", "N.S.", "N.B.", "N.H.", "N.M.", "N.D.", "S.D.", "D.F.", "E.C.");

  /**
   * A name that opens with a person's initials is a person: "P.W. Botha", "J.K. Rowling", "E.L. Doctorow" were read
   * as organisations (initials look like an acronym's), and "P.V. Narasimha Rao", "J.R.R. Tolkien" lost them. Not a
   * known organisation's name ("J.P. Morgan"), one with an organisation's head or legal form, nor initials that
   * are a country's or a club's ("U.S. Steel", "A.C. Milan").
   */
  private static void initials(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      // The second character first: this runs for every token, and few have a full stop there.
      if (words[i].length() < 2 || words[i].charAt(1) != '.' || !INITIALS.matcher(words[i]).matches()
          || NOT_INITIALS.contains(words[i])
          || (flags[i] & (Lexicon.COUNTRY | Lexicon.REGION | Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) != 0) {
        continue;
      }
      // The initials tagged with the name, or left out before it ("P.V." of "P.V. Narasimha Rao").
      int from = labels[i] == 0 && labels[i + 1] % 2 == 1 ? i + 1 : i;
      int type = labels[from];
      if (type != 1 && type != 3 && type != 5 || from == i + 1 && type == 3) {
        continue;
      }
      int end = NewswireTagger.end(labels, from);
      boolean known = false;
      for (int k = from; k < end; k++) {
        known |= (flags[k] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) != 0;
      }
      // A place after initials is a person's family name only when the name lists know it as one ("M.L. Anderson").
      boolean family = type != 5 || (flags[end - 1] & Lexicon.PERSON_NAME) != 0;
      if (end - i >= 2 && end - i <= 4 && !known && family && !headed(words, i + 1, end)
          && Character.isUpperCase(words[end - 1].charAt(0))) {
        labels[i] = 1;
        for (int k = i + 1; k < end; k++) {
          labels[k] = 2;
        }
      }
      i = end - 1;
    }
  }

  /** Awards named by their statuettes' plural are events: "at the Oscars", "the Grammys". */
  private static final Set<String> AWARDS = WordSet.of("Oscars", "Grammys", "Emmys", "Tonys", "Baftas", "BAFTAs",
      "Globes", "Brits", "Oliviers", "Césars", "Razzies");

  /** Awards named by their statuette or founder before "award", "prize", "nomination": "the Grammy awards". */
  private static final Set<String> AWARD_NAMES = WordSet.of("Oscar", "Grammy", "Emmy", "Tony", "Bafta", "BAFTA",
      "Olivier", "César", "Pulitzer", "Nobel", "Booker", "Juno", "Brit", "Webby", "Peabody");
  /** Statuettes whose name alone, after a lower-case word, is the award: "won an honorary Oscar". */
  private static final Set<String> STATUETTES = WordSet.of("Oscar", "Emmy", "Grammy", "Bafta", "BAFTA");
  private static final Set<String> AWARD_WORDS = WordSet.of("award", "awards", "prize", "prizes", "nomination",
      "nominations", "ceremony", "winner", "winners", "nominee", "nominees");

  private static void awards(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      boolean alone = labels[i] % 2 == 1 && NewswireTagger.end(labels, i) == i + 1;
      if (alone && AWARDS.contains(words[i])) {
        labels[i] = 7;
      } else if ((alone || labels[i] == 0) && labels[i] != 7 && i + 1 < words.length && labels[i + 1] == 0
          && AWARD_WORDS.contains(words[i + 1]) && AWARD_NAMES.contains(words[i])) {
        labels[i] = 7; // "the Grammy awards", "a Nobel prize", "his Oscar nomination"
      } else if (alone && i > 0 && STATUETTES.contains(words[i]) && lowerCaseWord(words[i - 1])
          && (i + 1 == words.length || !Character.isUpperCase(words[i + 1].charAt(0)))) {
        labels[i] = 7; // "won an honorary Oscar", "her second Emmy"; not "Oscar Wilde"
      }
    }
  }

  /**
   * Football's leagues are competitions, MISC by the CoNLL-2003 conventions ("top of Serie A"): the organisations'
   * list names them, as evidence of sport, and the model then read them as organisations.
   */
  private static final Set<String> LEAGUES = WordSet.of("Premier League", "Serie A", "Serie B", "La Liga", "Bundesliga",
      "Ligue 1", "Ligue 2", "Eredivisie", "Primeira Liga", "Super Lig", "Scottish Premiership", "Liga MX", "MLS Cup");

  private static void leagues(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1 && labels[i] != 7) {
        int j = NewswireTagger.end(labels, i);
        if (LEAGUES.contains(name(words, i, j))) {
          for (int k = i; k < j; k++) {
            labels[k] = k == i ? 7 : 8;
          }
        }
        i = j - 1;
      }
    }
  }

  /** Craft named after their kind, which CoNLL-2003 has as MISC: "the space shuttle Atlantis", "the tanker Exxon Valdez". */
  private static final Set<String> CRAFT = WordSet.of("shuttle", "spacecraft", "rover", "warship", "frigate", "destroyer",
      "submarine", "cruiser", "tanker", "freighter", "ferry", "liner", "yacht", "ship", "vessel", "trawler");
  /** Kinds whose word alone names other things too: "radio station Erbol", "carrier Lufthansa", "corruption probe". */
  private static final Set<String> CRAFT_PAIRS = WordSet.of("space station", "aircraft carrier", "space probe");

  /** Words for rockets, which follow a launcher's name: "a Delta rocket". */
  private static final Set<String> ROCKETS = WordSet.of("rocket", "launcher", "booster");
  private static final Set<String> ARTICLES = WordSet.of("a", "an", "the");

  private static String at(String[] words, int i) {
    return i < words.length ? words[i] : "";
  }

  private static void craft(String[] words, int[] labels) {
    for (int i = 1; i < words.length; i++) {
      if (labels[i] % 2 != 1 || labels[i] == 7) {
        continue; // this runs for every token: the label first, the words only at a name
      }
      int end = NewswireTagger.end(labels, i);
      boolean kind = CRAFT.contains(words[i - 1]) || i > 1 && CRAFT_PAIRS.contains(words[i - 2] + " " + words[i - 1])
          // a rocket named before its kind, with its number: "a Delta rocket", "an Ariane 5 rocket"; not "Hamas
          // rockets", nor an organisation's ("the Boeing rocket")
          || labels[i] != 3 && ARTICLES.contains(words[i - 1].toLowerCase(Locale.ROOT))
          && (ROCKETS.contains(at(words, end)) || GOALS.matcher(at(words, end)).matches()
          && ROCKETS.contains(at(words, end + 1)) && labels[end] == 0);
      if (kind && ROCKETS.contains(at(words, end + 1)) && GOALS.matcher(at(words, end)).matches()) {
        end++;
      }
      if (kind) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 7 : 8;
        }
        i = end - 1;
      }
    }
  }

  /**
   * Works named after their kind, MISC by the CoNLL-2003 conventions: "the film Schindler's List", "the album Definitely
   * Maybe" were read as organisations. Only after a word that makes the kind a noun ("the", "her", "a 1993", "his
   * new"), since "play", "book" and "single" are verbs and adjectives too ("they play Arsenal"), and not a person's
   * name, which follows these words as often ("the book Clinton wrote"). An opening "The" belongs to the title.
   */
  private static final Set<String> WORK_KINDS = WordSet.of("film", "movie", "novel", "book", "album", "song", "opera",
      "play", "musical", "ballet", "painting", "poem", "documentary", "sitcom", "symphony", "memoir", "memoirs");
  /** What makes a kind of work a noun before its title: "the film", "her latest novel", "a 1993 film". */
  private static final Set<String> WORK_OPENERS = WordSet.of("the", "a", "his", "her", "their", "its", "new", "latest",
      "hit", "debut", "first", "second", "third", "last", "final", "classic", "acclaimed", "award-winning", "epic",
      "animated", "feature", "comic", "rock", "best-selling", "bestselling", "controversial", "banned", "famous");

  private static void works(String[] words, int[] labels) {
    for (int i = 2; i < words.length; i++) {
      if (labels[i] != 3 && labels[i] != 5 && !(labels[i] == 0 && words[i].equals("The"))) {
        continue; // this runs for every token: the label first, the words only at a name
      }
      int kind = i - 1;
      if (!WORK_KINDS.contains(words[kind])) {
        continue;
      }
      String before = words[kind - 1];
      if (!WORK_OPENERS.contains(before) && !WORK_OPENERS.contains(before.toLowerCase(Locale.ROOT)) // "The film"
          && !YEAR.matcher(before).matches() && !before.equals("'s")
          && !before.equals("’s")) {
        continue;
      }
      int from = i;
      int name = labels[i] == 0 ? i + 1 : i; // "her novel The Remains of the Day": the name after "The"
      if (name >= words.length || labels[name] != 3 && labels[name] != 5 && labels[name] != 7) {
        continue;
      }
      int end = NewswireTagger.end(labels, name);
      for (int k = from; k < end; k++) {
        labels[k] = k == from ? 7 : 8;
      }
      i = end - 1;
    }
  }

  /** What the land is, in lower case after its name: "the Mekong river", "Khorasan province", "the Rift valley". */
  private static final Set<String> LANDS = WordSet.of("river", "rivers", "valley", "valleys", "delta", "basin", "mountains",
      "desert", "lake", "lakes", "sea", "gulf", "strait", "peninsula", "island", "islands", "province", "provinces",
      "region", "regions", "district", "districts", "county", "state", "plateau", "coast", "glacier", "volcano",
      "corridor", "enclave", "enclaves");

  /** A name before a lower-case word for land is the place ("the Brahmaputra and Jamuna rivers"). */
  private static void lands(String[] words, int[] labels) {
    for (int j = 1; j < words.length; j++) {
      // "The Hague" is the city, whose article the name lists cannot hold ("Hague" alone is a family name too).
      if (labels[j] != 5 && labels[j] % 2 == 1 && words[j].equals("Hague") && words[j - 1].equalsIgnoreCase("the")
          && NewswireTagger.end(labels, j) == j + 1) {
        labels[j] = 5;
      }
      if (labels[j - 1] == 0 || !LANDS.contains(words[j])) {
        continue;
      }
      int name = start(labels, j - 1);
      place(labels, name, j);
      // "the Brahmaputra and Jamuna rivers": the name before "and" too.
      if (name >= 2 && words[name - 1].equals("and") && labels[name - 2] != 0 && words[j].endsWith("s")) {
        place(labels, start(labels, name - 2), name - 1);
      }
    }
  }

  private static void place(int[] labels, int from, int to) {
    if (labels[from] != 3) {
      return; // a people's adjective stays ("Caribbean islands"), so does a person ("Smith state senator")
    }
    for (int k = from; k < to; k++) {
      labels[k] = k == from ? 5 : 6;
    }
  }

  /** Agreements named after where they were made, in lower case after the name: "the Maastricht treaty". */
  private static final Set<String> AGREEMENTS = WordSet.of("treaty", "treaties", "accord", "accords", "pact", "protocol",
      "agreement", "agreements");

  /**
   * A place before "treaty", "accord" or "agreement", or before "peace" and one of them, names the agreement, MISC as
   * CoNLL-2003 has it ("the Oslo accords", "the Dayton peace accord", "the Minsk agreements"); so does a place the
   * model read as an organisation there (a one-word name the gazetteer has).
   */
  private static void agreements(String[] words, int[] labels, Lexicon lexicon) {
    for (int j = 1; j < words.length; j++) {
      if (labels[j - 1] != 0 && labels[j - 1] != 7 && labels[j - 1] != 8 && (AGREEMENTS.contains(words[j])
          || words[j].equals("peace") && j + 1 < words.length && AGREEMENTS.contains(words[j + 1]))) {
        int name = start(labels, j - 1);
        if (labels[name] == 5 || labels[name] == 3 && name == j - 1 && lexicon.isPlace(words[name])) {
          for (int k = name; k < j; k++) {
            labels[k] = k == name ? 7 : 8;
          }
        }
      }
    }
  }

  /** The combining forms of peoples' names: "Sino-U.S.", "Franco-German", "Anglo-Irish". */
  private static final Set<String> COMBINING = WordSet.of("Sino", "Franco", "Anglo", "Russo", "Indo", "Afro", "Euro",
      "Austro", "Greco", "Italo", "Judeo", "Irano", "Turco", "Hispano", "Luso", "Germano", "Nippo", "Serbo", "Croato");

  /** Two peoples joined by a combining form are MISC, whatever the second is written as ("Sino-U.S. ties"). */
  private static void combined(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      int hyphen = Character.isUpperCase(words[i].charAt(0)) ? words[i].indexOf('-') : -1;
      if (hyphen > 0 && hyphen + 1 < words[i].length() && COMBINING.contains(words[i].substring(0, hyphen))
          && Character.isUpperCase(words[i].charAt(hyphen + 1)) && (labels[i] == 0 || labels[i] % 2 == 1
          && NewswireTagger.end(labels, i) == i + 1)) {
        labels[i] = 7;
      }
    }
  }

  /**
   * Two countries joined by a hyphen before a lower-case word are a miscellany, as a combining form's pair is: "the
   * Iran-Iraq war", "India-Pakistan talks" (read as an organisation). Not a name the gazetteer holds whole.
   */
  private static void countryPairs(String[] words, int[] labels, Lexicon lexicon) {
    for (int i = 0; i + 1 < words.length; i++) {
      String w = words[i];
      int hyphen = w.indexOf('-');
      if (hyphen <= 0 || hyphen + 1 >= w.length() || w.indexOf('-', hyphen + 1) >= 0 || labels[i] == 7
          || labels[i] % 2 == 0 && labels[i] != 0 || labels[i] != 0 && NewswireTagger.end(labels, i) != i + 1
          || words[i + 1].isEmpty() || !Character.isLowerCase(words[i + 1].charAt(0))) {
        continue;
      }
      int[] parts = lexicon.flags(new String[] {w.substring(0, hyphen), w.substring(hyphen + 1), w});
      if ((parts[0] & Lexicon.COUNTRY) != 0 && (parts[1] & Lexicon.COUNTRY) != 0 && (parts[2] & Lexicon.PLACE_B) == 0) {
        labels[i] = 7;
      }
    }
  }

  /** Verbs of saying after which a family name alone is the person who spoke. */
  private static final Set<String> SAID = WordSet.of("said", "says", "told", "added", "insisted", "argued", "warned",
      "urged", "wrote", "replied", "recalled", "admitted", "denied", "conceded", "declared");

  /** Nouns for the people around a politician, after a family name: "Clinton aides", "the Dole campaign". */
  private static final Set<String> ENTOURAGE = WordSet.of("aide", "aides", "campaign", "administration", "camp",
      "spokesman", "spokeswoman", "adviser", "advisers", "advisor", "advisors", "allies", "loyalists", "supporters");
  /** Verbs that follow the subject of a reported clause: "aides said Clinton was vulnerable". */
  private static final Set<String> AUXILIARIES = WordSet.of("was", "is", "had", "has", "would", "will", "could",
      "should", "did", "does", "must", "might", "may");

  /**
   * A family name alone that is also the name of towns only, read as a place or an organisation before a verb of
   * saying, is a person: "Clinton said" (Clinton, Iowa), "Dole told reporters" (Dole, France); so is one that
   * opens a reported clause ("aides said Clinton was vulnerable"), and one before the people around a politician,
   * tagged or not ("Clinton aides", "the Dole campaign"). A town does not speak; a capital, a big city or a country
   * does in the news ("Washington said", "Moscow warned"), and so do companies and clubs ("Ford said", "Chelsea
   * said"), which keep their type.
   */
  private static void speakers(String[] words, int[] flags, int[] labels, Lexicon lexicon) {
    for (int i = 0; i + 1 < words.length; i++) {
      boolean named = labels[i] == 3 || labels[i] == 5;
      boolean untagged = labels[i] == 0 && (i == 0 || labels[i - 1] == 0);
      if (!named && !untagged || labels[i + 1] != 0) {
        continue; // the labels first: this runs for every token
      }
      boolean before = named && (SAID.contains(words[i + 1])
          || i > 0 && SAID.contains(words[i - 1]) && AUXILIARIES.contains(words[i + 1]));
      if (!before && !ENTOURAGE.contains(words[i + 1])) {
        continue;
      }
      boolean known = (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I | Lexicon.COUNTRY | Lexicon.REGION
          | Lexicon.BIG_PLACE | Lexicon.ACRONYM | Lexicon.DEMONYM)) != 0;
      if (!known && (flags[i] & Lexicon.PERSON_NAME) != 0 && Character.isUpperCase(words[i].charAt(0))
          && lexicon.isTownOnly(words[i])) {
        labels[i] = 1;
      }
    }
  }

  /** Crude oils named after where they are drawn: "Brent crude", "Urals", as CoNLL-2003 has them (MISC). */
  private static final Set<String> CRUDES = WordSet.of("Brent", "Urals", "WTI");

  private static void crudes(String[] words, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].length() <= 5 && CRUDES.contains(words[i])
          && oneWord(labels, i)
          && (words[i + 1].equals("crude") || words[i + 1].equals("oil") || words[i + 1].equals("futures")
          || words[i + 1].equals("blend"))) {
        labels[i] = 7;
      }
    }
  }

  /** Bond futures that markets name by their contract: "the September Bund", "the December Euromark". */
  private static final Set<String> CONTRACTS = WordSet.of("Bund", "Bunds", "Bobl", "Bobls", "Schatz", "Buxl",
      "Euromark", "Euromarks", "Eurolira", "Euroyen", "Euroswiss", "Pibor", "BTP", "BTPs", "JGB", "JGBs");

  /**
   * A bond future is a miscellany, as crudes are, and the month of its contract is no part of its name: "the
   * September Bund" was one organisation. Not a name it opens ("Bund fuer Umwelt"): a lower-case word or a stop
   * must follow it.
   */
  private static void contracts(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (!CONTRACTS.contains(words[i])
          || i + 1 < words.length && !words[i + 1].isEmpty() && Character.isUpperCase(words[i + 1].charAt(0))) {
        continue;
      }
      int from = labels[i] % 2 == 0 && labels[i] != 0 && i > 0 && MONTHS.contains(words[i - 1])
          && labels[i - 1] % 2 == 1 ? i - 1 : i;
      if (from < i) {
        labels[from] = 0; // "September": the contract's month
      }
      if (from < i || oneWord(labels, i)) {
        labels[i] = 7;
      }
    }
  }

  /**
   * A scale named after its maker is a miscellany: "5.1 on the Richter scale", where "Richter" had been a place, and
   * "the Beaufort scale". One capitalised word right before "scale", read as any name or none.
   */
  private static void scales(String[] words, int[] labels) {
    for (int i = 1; i + 1 < words.length; i++) {
      if (words[i + 1].equals("scale") && words[i - 1].equals("the") && !words[i].isEmpty()
          && Character.isUpperCase(words[i].charAt(0)) && !Token.allCaps(words[i])
          && oneWord(labels, i)) {
        labels[i] = 7;
      }
    }
  }

  /** Words after a stock index's name: "the Hang Seng index", "the Nikkei average". */
  private static final Set<String> INDEX_WORDS = WordSet.of("index", "indices", "indexes", "average", "composite");

  /**
   * A stock index's name the model read as a person ("Hong Kong 's Hang Seng index") is a miscellany; and the
   * Exchequer of "Chancellor of the Exchequer" is part of a title, no name.
   */
  private static void indexes(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 1) { // the label first
        int j = NewswireTagger.end(labels, i);
        if (j < words.length && INDEX_WORDS.contains(words[j])) {
          for (int k = i; k < j; k++) {
            labels[k] = k == i ? 7 : 8;
          }
        }
        i = j - 1;
      } else if (labels[i] % 2 == 1 && i >= 3 && words[i].equals("Exchequer") && words[i - 1].equals("the")
          && words[i - 2].equals("of") && NewswireTagger.end(labels, i) == i + 1) {
        labels[i] = 0;
      }
    }
  }

  /**
   * Scriptures are works, MISC as CoNLL-2003 has them: "the Koran", "the Bible", which the name lists also hold as
   * family names and the model read as a person, a place or an organisation. Only the word alone, not a longer name
   * it opens ("Bible Society", "Torah Academy").
   */
  private static final Set<String> SCRIPTURES = WordSet.of("Bible", "Bibles", "Koran", "Quran", "Torah", "Talmud",
      "Gospel", "Gospels", "Vedas", "Upanishads", "Hadith", "BIBLE", "KORAN", "QURAN", "TORAH");

  private static void scriptures(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      boolean alone = labels[i] == 0 ? i + 1 == words.length || !Character.isUpperCase(words[i + 1].charAt(0))
          : labels[i] % 2 == 1 && labels[i] != 7 && NewswireTagger.end(labels, i) == i + 1;
      if (alone && SCRIPTURES.contains(words[i])) {
        labels[i] = 7;
      }
    }
  }

  /** A newsroom's jobs, which bylines capitalise: "Evan Symon is the Senior Editor for the California Globe". */
  private static final Set<String> JOBS = WordSet.of("Senior", "Editor", "Editors", "Managing", "Executive", "Contributing",
      "Staff", "Writer", "Writers", "Reporter", "Reporters", "Correspondent", "Columnist", "Producer", "Associate",
      "Assistant", "Deputy", "News", "Features", "Sports", "Politics", "Business", "Opinion", "Digital", "Photo",
      "Photographer", "Desk", "Chief");

  /** A name made of newsroom jobs only is no name. */
  private static void jobs(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = NewswireTagger.end(labels, i);
        boolean job = j - i >= 2;
        boolean editor = false;
        for (int k = i; k < j && job; k++) {
          job = JOBS.contains(words[k]);
          editor |= words[k].startsWith("Editor") || words[k].startsWith("Writer") || words[k].startsWith("Reporter")
              || words[k].equals("Correspondent") || words[k].equals("Columnist") || words[k].startsWith("Photographer");
        }
        if (job && editor) {
          java.util.Arrays.fill(labels, i, j, 0);
        }
        i = j - 1;
      }
    }
  }

  /** Words that open a picture's credit: "(Credit: Clayton Aldern / Grist)", "Photo: Jane Doe/Reuters". */
  private static final Set<String> CREDITS = WordSet.of("Credit", "Credits", "Photo", "Photograph", "Image", "Illustration",
      "Picture", "Video");

  /** The first name of a credit, before the slash that gives the agency, is the photographer's. */
  private static void credits(String[] words, int[] labels) {
    for (int i = 2; i < words.length; i++) {
      if (labels[i] % 2 == 1 && labels[i] != 1 && words[i - 1].equals(":") && CREDITS.contains(words[i - 2])) {
        int j = NewswireTagger.end(labels, i);
        if (j - i >= 2 && j - i <= 3 && j < words.length && words[j].equals("/")) {
          for (int k = i; k < j; k++) {
            labels[k] = k == i ? 1 : 2;
          }
        }
        i = j - 1;
      }
    }
  }

  /** What a company or a body is, in lower case before its name: "auction house Artcurial", "chipmaker Intel". */
  private static final Set<String> ORGANISATION_NOUNS = WordSet.of("company", "firm", "conglomerate", "bank", "lender",
      "insurer", "carmaker", "automaker", "chipmaker", "drugmaker", "retailer", "airline", "broadcaster", "newspaper",
      "magazine", "tabloid", "publisher", "studio", "startup", "brewer", "miner", "utility", "agency", "charity",
      "watchdog", "regulator");
  private static final Set<String> HOUSES = WordSet.of("auction", "fashion", "publishing", "fund", "trading", "brokerage");

  /**
   * Whether such a noun follows the name between commas, after an article and up to two lower-case words: "MGM, the
   * studio where", "Elf, the state-owned oil company".
   */
  private static boolean apposed(String[] words, int end) {
    if (end + 2 >= words.length || !words[end].equals(",")
        || !words[end + 1].equals("the") && !words[end + 1].equals("a") && !words[end + 1].equals("an")) {
      return false;
    }
    for (int k = end + 2; k < words.length && k <= end + 4; k++) {
      if (ORGANISATION_NOUNS.contains(words[k])) {
        // Not the subject of what follows: "in Japan, the company said".
        return k + 1 == words.length || !words[k + 1].startsWith("'") && !words[k + 1].startsWith("’")
            && !SAID.contains(words[k + 1]) && !AUXILIARIES.contains(words[k + 1]);
      }
      if (words[k].isEmpty() || !Character.isLowerCase(words[k].charAt(0))
          || !words[k].equals(words[k].toLowerCase(Locale.ROOT))) {
        return false; // "the state-owned oil company" goes on; "the U.S. company" does not
      }
    }
    return false;
  }

  /** A name read as a person or a place right after such a noun, or with one in apposition, is the company or body. */
  private static void organisationNouns(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 1 && labels[i] != 5) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      boolean noun = i > 0 && ORGANISATION_NOUNS.contains(words[i - 1])
          || i > 1 && words[i - 1].equals("house") && HOUSES.contains(words[i - 2])
          || apposed(words, end);
      // Not a name in capitals: a dateline after a title that ends with such a word ("... most valuable company" /
      // "SAN FRANCISCO — ...").
      if (noun && (!Token.allCaps(words[i]) || apposed(words, end))) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 3 : 4;
        }
        i = end - 1;
      }
    }
  }

  /**
   * "the Louvre" is no person: a one-word name read as a person right after "the", not on the lists of people's names,
   * not part of a person named in full, and not before a lower-case word ("the Trump administration"), is an
   * organisation, and so are its other one-word mentions read as a person.
   */
  private static final Set<String> AFTER_INSTITUTIONS = WordSet.of("has", "had", "is", "was", "said", "says", "will",
      "would", "can", "could", "announced", "declared", "opened", "closed", "which", "and", "in", "on", "at", "to");

  static void institutions(String[] words, int[] flags, int[] labels) {
    Set<String> people = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 1 && NewswireTagger.end(labels, i) > i + 1) {
        int end = NewswireTagger.end(labels, i);
        for (int k = i; k < end; k++) {
          people.add(words[k]);
        }
        i = end - 1;
      }
    }
    Set<String> institutions = new java.util.HashSet<>();
    for (int i = 1; i < words.length; i++) {
      if (labels[i] != 1) {
        continue;
      }
      // "the Louvre has", "the Louvre's", but not "the Obama administration"
      boolean lowerNext = i + 1 < words.length && lowerCaseWord(words[i + 1]) && !AFTER_INSTITUTIONS.contains(words[i + 1]);
      if (NewswireTagger.end(labels, i) == i + 1 && words[i - 1].equalsIgnoreCase("the")
          && (flags[i] & Lexicon.PERSON_NAME) == 0 && !people.contains(words[i]) && !lowerNext) {
        institutions.add(words[i]);
      }
    }
    for (int i = 0; i < words.length && !institutions.isEmpty(); i++) {
      if (labels[i] == 1 && NewswireTagger.end(labels, i) == i + 1 && institutions.contains(words[i])) {
        labels[i] = 3;
      }
    }
  }

  /** Heads that take "of" or "for" and a name: "Central Bank of the Republic of Turkey", "Centre for ... Forecasts". */
  private static final Set<String> HEADS_OF = WordSet.of("Bank", "Centre", "Center", "Institute", "Ministry", "Office",
      "Department", "Agency", "Commission", "Committee", "Council", "Federation", "Association", "Union", "Society",
      "Foundation", "School", "University", "College", "Academy", "Court", "Board", "Authority", "Fund");
  /** What a movement or a society is for, opening the second part of its name: "for the Liberation of ...". */
  private static final Set<String> CAUSES = WordSet.of("Liberation", "Protection", "Defence", "Defense", "Promotion",
      "Restoration", "Advancement", "Independence", "Salvation", "Reconstruction", "Prevention", "Preservation",
      "Abolition", "Rights", "Study", "Support", "Return", "Unity", "Freedom");
  /** Heads that end the second part of a name joined by "and": "Irish Nurses and Midwives Organisation". */
  private static final Set<String> BODY_HEADS = WordSet.of("Organisation", "Organization", "Association", "Council",
      "Federation", "Union", "Society", "Institute", "Commission", "Committee", "Agency", "Authority", "Board",
      "Foundation", "Alliance", "Network", "Forum", "Centre", "Center", "Department", "Ministry", "Office");

  /**
   * Long names of institutions the model cut in two at a particle: "European Centre" / "for" / "Medium-Range Weather
   * Forecasts", "Central Bank" / "of the" / "Republic of Turkey", "Irish Nurses" / "and" / "Midwives Organisation".
   * After "of" or "for" the second part joins a first that ends with a head that takes one; after "and" the second
   * must end with an organisation's head and the first must not ("Procter and Gamble" is one name already, "China
   * Eastern Airlines and Air China" two).
   */
  /** Whether a word of the name is a head of organisations' names or a legal form: the name is whole on its own. */
  private static boolean headed(String[] words, int from, int to) {
    for (int k = from; k < to; k++) {
      if (listed(ORGANISATION_HEADS, words[k]) || HEADS_OF.contains(words[k]) || LEGAL_FORMS.contains(words[k])) {
        return true;
      }
    }
    return false;
  }

  private static void joinLongNames(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 3) {
        i = labels[i] % 2 == 1 ? NewswireTagger.end(labels, i) - 1 : i;
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      int k = end;
      String joint = k < words.length ? words[k] : "";
      int next = k + 1 < words.length && words[k + 1].equals("the") && !joint.equals("and") ? k + 2 : k + 1;
      if (next >= words.length || labels[next] % 2 != 1) {
        i = end - 1;
        continue;
      }
      int nextEnd = NewswireTagger.end(labels, next);
      // Not a place that a word for land follows: "the Economic Court of the Dnipropetrovsk region".
      boolean land = nextEnd < words.length && LANDS.contains(words[nextEnd]);
      // After "of" or "for", an organisation with a head of its own is another one: "a league for FC Basel".
      boolean ofFor = (joint.equals("of") || joint.equals("for")) && HEADS_OF.contains(words[end - 1])
          && (labels[next] == 3 && !headed(words, next, nextEnd) || labels[next] == 5 && !land);
      // A movement's cause after "for the" is its name's end: "Alliance of Democratic Forces for the Liberation of
      // Congo-Zaire", "Movement for the Restoration of Democracy".
      ofFor |= joint.equals("for") && next == k + 2 && (labels[next] == 3 || labels[next] == 7)
          && CAUSES.contains(words[next]);
      // A newspaper's name is whole: "the Dallas Morning News and Houston Post" are two.
      boolean and = joint.equals("and") && next == k + 1 && labels[next] == 3
          && BODY_HEADS.contains(words[nextEnd - 1]) && !headed(words, i, end);
      if (ofFor || and) {
        for (int m = end; m < nextEnd; m++) {
          labels[m] = 4;
        }
        end = nextEnd;
      }
      i = end - 1;
    }
  }

  /** Roles an apposition gives a person: "Pol Pot, the leader of the Khmer Rouge". */
  private static final Set<String> ROLES = WordSet.of("leader", "founder", "head", "chief", "chairman", "chairwoman",
      "president", "son", "daughter", "wife", "husband", "widow", "brother", "sister", "father", "mother");

  /** A name of one to three words followed by ", the leader of" or ", the founder of" is a person. */
  private static void appositions(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 != 1) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      int k = end;
      if (labels[i] != 1 && end - i <= 3 && k + 3 < words.length && words[k].equals(",")
          && (words[k + 1].equals("the") || words[k + 1].equals("a")) && ROLES.contains(words[k + 2])
          && words[k + 3].equals("of")) {
        for (int m = i; m < end; m++) {
          labels[m] = m == i ? 1 : 2;
        }
      }
      i = end - 1;
    }
  }

  /** Words that make a weekday a day of its own: "Good Friday", "Super Tuesday", "Remembrance Sunday". */
  private static final Set<String> FEASTS = WordSet.of("Good", "Black", "Cyber", "Ash", "Maundy", "Holy", "Palm",
      "Easter", "Whit", "Shrove", "Super", "Bloody", "Remembrance", "Giving", "Small", "Mothering", "Trinity");

  /** Words that name a storm before its given name: "Hurricane Fran", "Typhoon Sally", "Tropical Storm Dolly". */
  private static final Set<String> STORMS = WordSet.of("Hurricane", "Typhoon", "Cyclone", "Storm");

  /**
   * A storm's name is a miscellany, as events are: "Fran" of "Hurricane Fran" was a person and "Sally" of "Typhoon
   * Sally" left out. Not inside another name ("National Hurricane Center") nor before a head ("Storm Prediction
   * Center").
   */
  private static void storms(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (!listed(STORMS, words[i]) || i + 2 < words.length && labels[i + 2] % 2 == 0 && labels[i + 2] != 0) {
        continue;
      }
      String name = words[i + 1];
      boolean named = Character.isUpperCase(name.charAt(0)) && name.length() > 1 && !listed(ORGANISATION_HEADS, name)
          && !listed(PLACE_HEADS, name) && (flags[i + 1] & (Lexicon.COUNTRY | Lexicon.REGION)) == 0
          && (i + 2 == words.length || !Character.isUpperCase(words[i + 2].charAt(0)));
      int from = i > 0 && capitalised(words[i - 1]).equals("Tropical") && words[i].equalsIgnoreCase("Storm") ? i - 1 : i;
      boolean alone = labels[from] == 0 || labels[from] % 2 == 1; // not inside a name read before it
      boolean storm = words[i].equalsIgnoreCase("Storm"); // alone it is weather, not a storm's kind
      if (named && alone && (!storm || from < i)) {
        for (int k = from; k <= i; k++) {
          labels[k] = 0; // the storm's kind is no part of its name, as the training articles have it ("Typhoon [Yagi]")
        }
        labels[i + 1] = 7;
        i++;
      }
    }
  }

  /** What a holiday named "... Day" opens with: "Armistice Day", "Independence Day", "Labour Day", "Bastille Day". */
  private static final Set<String> HOLIDAYS = WordSet.of("Armistice", "Independence", "Labour", "Labor", "Remembrance",
      "Bastille", "Anzac", "Australia", "Canada", "Thanksgiving", "Memorial", "Christmas", "Boxing", "Victory", "VE",
      "VJ", "Veterans", "Columbus", "Presidents", "Republic", "Unification", "Liberation", "Constitution", "Martyrs",
      "Earth", "Workers", "May", "Reunification", "Heroes", "Youth", "Election", "Inauguration", "Polling");

  /**
   * A weekday after such a word is a MISC day ("Good Friday"), and so is "Day" after a holiday's word ("Armistice
   * Day", "Labour Day", "Canada Day": the model left them out or read the first word as a place or a party); so are
   * "D-Day" and "VE Day".
   */
  private static void feasts(String[] words, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (!words[i + 1].equals("Day") || !HOLIDAYS.contains(words[i])) {
        continue;
      }
      // The holiday's two words alone: neither inside a longer name nor running on after "Day".
      boolean first = labels[i] == 0 || labels[i] % 2 == 1 && NewswireTagger.end(labels, i) <= i + 2;
      boolean day = labels[i + 1] == 0 || labels[i] % 2 == 1 && labels[i + 1] == labels[i] + 1
          || labels[i + 1] % 2 == 1 && NewswireTagger.end(labels, i + 1) == i + 2;
      boolean after = i + 2 == words.length || labels[i + 2] == 0 || labels[i + 2] % 2 == 1;
      if (first && day && after) {
        labels[i] = 7;
        labels[i + 1] = 8;
      }
    }
    for (int i = 0; i < words.length; i++) {
      boolean feast = i > 0 && listed(WEEKDAYS, words[i]) && listed(FEASTS, words[i - 1])
          && (labels[i - 1] == 0 || labels[i - 1] % 2 == 1) && (i + 1 == words.length || labels[i + 1] % 2 != 0
          || labels[i + 1] == 0);
      if (feast) {
        labels[i - 1] = 7;
        labels[i] = 8;
      } else if ((words[i].equals("D-Day") || words[i].equals("D-day")) && labels[i] == 0) {
        labels[i] = 7;
      }
    }
  }

  /** Particles that join the words of one name; no name ends with one. */
  /** Particles of descent, which only people's names carry between their parts. */
  private static final Set<String> PATRONYMS = WordSet.of("bin", "ibn", "bint", "binti", "ben", "ould", "arap", "wa");

  private static final Set<String> JOINING = WordSet.of("of", "de", "da", "di", "del", "della", "der", "den", "des", "du",
      "dos", "das", "van", "von", "bin", "ibn", "al", "el", "la", "le", "y", "do");

  /**
   * A name the model ended on a particle, with another name right after it, is one name of the first one's type:
   * "Copa del" and "Rey" are "Copa del Rey", "Bank of" and "England" the "Bank of England". So is a name the model
   * started on a particle right after another: "Copa" and "del Rey". Two names the model left apart around a
   * particle of descent are one person: "Tamim bin Hamad Al Thani", "Daniel arap Moi".
   */
  private static void joinAtParticles(String[] words, int[] labels) {
    for (int i = 1; i + 1 < words.length; i++) {
      if (labels[i] == 0 && PATRONYMS.contains(words[i]) && labels[i - 1] != 0 && labels[i - 1] < 7
          && labels[i + 1] % 2 == 1 && labels[i + 1] != 7) { // not a nationality: "the Saudi bin Laden family"
        // "Tamim" "bin" "Hamad Al Thani", "Daniel" "arap" "Moi": a particle of descent joins one person's name
        int from = start(labels, i - 1);
        int to = NewswireTagger.end(labels, i + 1);
        labels[from] = 1;
        Arrays.fill(labels, from + 1, to, 2);
        i = to - 1;
      } else if (labels[i] != 0 && labels[i] % 2 == 0 && JOINING.contains(words[i]) && labels[i + 1] % 2 == 1) {
        int next = labels[i + 1];
        labels[i + 1] = labels[i];
        for (int k = i + 2; k < words.length && labels[k] == next + 1; k++) {
          labels[k] = labels[i];
        }
      } else if (labels[i] % 2 == 1 && labels[i - 1] != 0 && JOINING.contains(words[i]) && labels[i + 1] == labels[i] + 1) {
        // A name the model started on a particle continues the one before: "Copa" and "del Rey".
        int inside = labels[i - 1] % 2 == 1 ? labels[i - 1] + 1 : labels[i - 1];
        for (int k = NewswireTagger.end(labels, i) - 1; k >= i; k--) {
          labels[k] = inside;
        }
      }
    }
  }

  /**
   * The sides of a match are the same kind of thing: in "Leeds beat Chelsea" or "Houston lost to Utah", a city the
   * model read as a place beside a club is the city's club, and in a document where at least two names on either side
   * of such words are clubs, or where a score follows a match ("Miami edged Orlando 101-99"), so is every city there
   * ("scored twice against Hamburg", "Denver lost to Utah"). Countries stay places: a
   * national side is marked as its country (CoNLL-2003), and "sanctions against Iran" is no match.
   */
  private static void matches(String[] words, int[] flags, int[] labels) {
    int n = words.length;
    // sides[k] = 1 for the first word of a name that stands beside match words, 2 when it faces a club across them
    int[] sides = null;
    int clubs = 0;
    boolean scored = false; // a score after the second side: "Miami edged Orlando 101-99"
    for (int i = 0; i < n; i++) {
      int gap = matchGap(words, i);
      if (gap == 0) {
        continue;
      }
      int before = i > 0 && labels[i - 1] != 0 ? start(labels, i - 1) : -1;
      int after = i + gap < n && labels[i + gap] % 2 == 1 ? i + gap : -1;
      if (before < 0 && after < 0) {
        continue;
      }
      if (sides == null) {
        sides = new int[n];
      }
      for (int side : new int[] {before, after}) {
        if (side >= 0 && sides[side] == 0) {
          sides[side] = 1;
          clubs += labels[side] == 3 ? 1 : 0;
        }
      }
      scored |= before >= 0 && after >= 0 && score(words, NewswireTagger.end(labels, after));
      if (before >= 0 && after >= 0 && (labels[before] == 3) != (labels[after] == 3)) {
        sides[labels[before] == 3 ? after : before] = 2;
      }
      i += gap - 1;
    }
    if (sides == null) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (sides[i] != 0 && labels[i] == 5 && (sides[i] == 2 || clubs >= 2 || scored) && (flags[i] & Lexicon.COUNTRY) == 0
          && !NATIONS.contains(words[i])) {
        int end = NewswireTagger.end(labels, i);
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 3 : 4;
        }
      }
    }
  }

  /**
   * Sides of a match followed by a tennis result, two sets or more ("6-3 6-4", "4-6 7-6 ( 7-4 ) 6-3"), are players:
   * "Sampras beat Ivanisevic 6-3 6-4", where the model reads bare family names on either side of "beat" as clubs,
   * and "Seles lost to Graf 6-2 6-4", where it left "Seles" out. A side of one or two capitalised words only, and no
   * country or known organisation ("Germany beat Italy 6-3 6-4" in the Davis Cup stays a place).
   */
  private static void players(String[] words, int[] flags, int[] labels) {
    int n = words.length;
    for (int i = 1; i < n; i++) {
      int gap = matchGap(words, i);
      if (gap == 0 || i + gap >= n) {
        continue;
      }
      int before = side(words, flags, labels, i - 1, -1);
      int after = side(words, flags, labels, i + gap, 1);
      if (before < 0 || after < 0 || sets(words, after + 1) < 2) {
        continue;
      }
      for (int[] span : new int[][] {{before, i}, {i + gap, after + 1}}) {
        for (int k = span[0]; k < span[1]; k++) {
          labels[k] = k == span[0] ? 1 : 2;
        }
      }
      if (after + 1 < n && labels[after + 1] % 2 == 0 && labels[after + 1] != 0) {
        labels[after + 1] = labels[after + 1] - 1;
      }
      i = after;
    }
  }

  /**
   * In a results line a rider's or driver's team follows the country in brackets: "Laurent Jalabert ( France ) ONCE
   * 4 hours", "Tony Rominger ( Switzerland ) Mapei same time", "Michael Schumacher ( Germany ) Ferrari 1:28:15". Up
   * to three capitalised words there on the same line, not a person and not another name's bracket, are the team.
   */
  static void teams(String[] words, boolean[] newLine, int[] labels) {
    int n = words.length;
    for (int i = 1; i + 3 < n; i++) {
      if (!words[i].equals("(") || labels[i - 1] != 1 && labels[i - 1] != 2 || labels[i + 1] != 5) {
        continue; // the bracket and the labels first: this runs for every token
      }
      int close = NewswireTagger.end(labels, i + 1);
      if (close >= n || !words[close].equals(")")) {
        continue;
      }
      int k = close + 1;
      while (k < n && k - close <= 3 && !newLine[k] && Character.isUpperCase(words[k].charAt(0)) && labels[k] != 1
          && labels[k] != 2) {
        k++;
      }
      boolean alone = k == n || newLine[k] || !words[k].equals("(") && !Character.isUpperCase(words[k].charAt(0));
      if (k > close + 1 && alone && (k == n || labels[k] % 2 == 1 || labels[k] == 0)) {
        for (int m = close + 1; m < k; m++) {
          labels[m] = m == close + 1 ? 3 : 4;
        }
      }
      i = Math.max(i, k - 1);
    }
  }

  /**
   * From word {@code at}, going {@code step} (-1 back, 1 on), the last word of a side that can be a player's name: one
   * or two capitalised words read as no name or as a person, club or place of no country or list; -1 otherwise.
   */
  private static int side(String[] words, int[] flags, int[] labels, int at, int step) {
    int k = at;
    int far = -1;
    while (k >= 0 && k < words.length && Math.abs(k - at) < 2 && Character.isLetter(words[k].charAt(0))
        && Character.isUpperCase(words[k].charAt(0)) && !Token.allCaps(words[k]) && labels[k] != 7 && labels[k] != 8
        && (flags[k] & (Lexicon.COUNTRY | Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I | Lexicon.DEMONYM)) == 0) {
      far = k;
      k += step;
    }
    if (far < 0) {
      return -1;
    }
    // The side is the whole of what the model read there: not a name that runs on beyond it.
    int from = Math.min(at, far);
    int to = Math.max(at, far) + 1;
    boolean whole = (labels[from] == 0 || labels[from] % 2 == 1) && (to == words.length || labels[to] == 0
        || labels[to] % 2 == 1) && (from == 0 || !Character.isUpperCase(words[from - 1].charAt(0)));
    return whole ? far : -1;
  }

  /** How many tennis sets are written from word i on: "6-3", "7-6" and its tie-break "( 7-4 )", "6 - 3". */
  private static int sets(String[] words, int i) {
    int count = 0;
    while (i < words.length) {
      String[] score;
      if (SCORE.matcher(words[i]).matches()) {
        score = words[i].split("-");
        i++;
      } else if (i + 2 < words.length && GOALS.matcher(words[i]).matches() && words[i + 1].equals("-")
          && GOALS.matcher(words[i + 2]).matches()) {
        score = new String[] {words[i], words[i + 2]};
        i += 3;
      } else {
        break;
      }
      int a = Integer.parseInt(score[0]);
      int b = Integer.parseInt(score[1]);
      if (Math.max(a, b) < 6 || Math.max(a, b) > 7 || a == b) {
        return 0; // no set: a football or basketball score
      }
      count++;
      if (i + 2 < words.length && words[i].equals("(") && words[i + 2].equals(")")) {
        i += 3; // a tie-break
      } else if (i + 4 < words.length && words[i].equals("(") && words[i + 4].equals(")")) {
        i += 5; // a tie-break split at its hyphen
      }
    }
    return count;
  }

  /** Words after a club's name that make it the club: "Leicester striker", "Bristol fans", "Ipswich's captain". */
  private static final Set<String> CLUB_ROLES = WordSet.of("fans", "supporters", "manager", "coach", "boss", "striker",
      "strikers", "forward", "midfielder", "defender", "goalkeeper", "keeper", "winger", "captain", "skipper",
      "player", "players", "squad", "teammate", "teammates", "team-mate", "team-mates", "full-back", "centre-back",
      "center-back", "quarterback", "pitcher", "outfielder", "loanee", "academy");

  /**
   * Whether a word shows a story is about sport beyond the names in it: match wording ("beat", "drew"; not "held" or
   * "against", which politics uses as much), a club's people ("striker", "fans") or a score ("2-1").
   */
  static boolean sportCue(String[] words, int i) {
    String word = words[i];
    return MATCH_WORDS.contains(word) && !word.equals("held") && !word.equals("against")
        || MATCH_VERBS.contains(word) && !word.equals("fell") && !word.equals("went") || CLUB_ROLES.contains(word)
        || score(words, i);
  }

  /** A score at word i that is not a count of votes. */
  static boolean score(String[] words, int i) {
    return scoreAt(words, i) && !votedNear(words, i);
  }

  /** Words that make a score a count of votes: "a majority verdict of 10-2", "a 6-3 ruling", "voted 5-4". */
  private static final Set<String> VOTES = WordSet.of("verdict", "vote", "votes", "voted", "majority", "ruling",
      "ruled", "decision", "jury", "judges", "justices");

  private static boolean votedNear(String[] words, int i) {
    for (int k = Math.max(0, i - 3); k < Math.min(words.length, i + 6); k++) {
      if (VOTES.contains(words[k])) {
        return true;
      }
    }
    return false;
  }

  /** A score at word i: "2-1" as CoNLL text has it, or "2", "-", "1" as running text is split. */
  static boolean scoreAt(String[] words, int i) {
    return i < words.length && (SCORE.matcher(words[i]).matches() || i + 2 < words.length
        && GOALS.matcher(words[i]).matches() && words[i + 1].equals("-") && GOALS.matcher(words[i + 2]).matches());
  }

  private static final java.util.regex.Pattern SCORE = java.util.regex.Pattern.compile("\\d{1,3}-\\d{1,3}");
  private static final java.util.regex.Pattern GOALS = java.util.regex.Pattern.compile("\\d{1,3}");

  private static final java.util.regex.Pattern FOUNDED = java.util.regex.Pattern.compile("1[89]\\d\\d");
  private static final java.util.regex.Pattern CLUB_YEAR = java.util.regex.Pattern.compile("0\\d");

  /**
   * Clubs named with their founding year: "1860 Munich" at the head of a results line or a list's item, or after
   * the other side's score, and before its own ("Bayern 2 1860 Munich 1"); and "Schalke 04", "Mainz 05" (a year
   * written with its zero, which no score or count has).
   */
  private static void clubNumbers(String[] words, int[] labels) {
    int n = words.length;
    for (int i = 0; i + 1 < n; i++) {
      if (labels[i] == 3) {
        int end = NewswireTagger.end(labels, i);
        if (end < n && labels[end] == 0 && CLUB_YEAR.matcher(words[end]).matches()) {
          labels[end] = 4;
          end++;
        }
        i = end - 1;
      } else if (labels[i] == 0 && labels[i + 1] == 3 && FOUNDED.matcher(words[i]).matches()
          && (i == 0 || words[i - 1].equals(",") || words[i - 1].equals(":") || words[i - 1].equals(";")
              || words[i - 1].equals(".")
              || GOALS.matcher(words[i - 1]).matches())) { // the head of a line, or the other side's score before it
        int end = NewswireTagger.end(labels, i + 1);
        if (end < n && GOALS.matcher(words[end]).matches()) {
          labels[i] = 3;
          labels[i + 1] = 4;
        }
      }
    }
  }

  /**
   * Sides of a score written inline, "Karlsruhe 2 St Pauli 2, Hamburg 1 Freiburg 0": where at least two sides of the
   * document's scores are clubs, a city on the other side of a score is its club too (the model read "Hamburg" as
   * the place at the end of such a list). Countries stay places, as national sides are marked (CoNLL-2003).
   */
  private static void scores(String[] words, int[] flags, int[] labels) {
    clubNumbers(words, labels);
    int n = words.length;
    int[] cities = null;
    int found = 0;
    int clubs = 0;
    for (int a = 0; a < n; a++) {
      if (labels[a] % 2 == 0) {
        continue; // the label first: this runs for every token
      }
      int b = NewswireTagger.end(labels, a);
      if (b + 2 >= n || !GOALS.matcher(words[b]).matches() || labels[b + 1] % 2 == 0) {
        a = b - 1;
        continue;
      }
      int d = NewswireTagger.end(labels, b + 1);
      if (d >= n || !GOALS.matcher(words[d]).matches()) {
        a = b - 1;
        continue;
      }
      if (cities == null) {
        cities = new int[8];
      }
      for (int side : new int[] {a, b + 1}) {
        clubs += labels[side] == 3 ? 1 : 0;
        if (labels[side] == 5 && (flags[side] & Lexicon.COUNTRY) == 0 && !NATIONS.contains(words[side])) {
          cities = found < cities.length ? cities : Arrays.copyOf(cities, found * 2);
          cities[found++] = side;
        }
      }
      a = d; // the second side's score ends this one
    }
    if (clubs < 2) {
      return;
    }
    for (int f = 0; f < found; f++) {
      int i = cities[f];
      int end = NewswireTagger.end(labels, i);
      for (int k = i; k < end; k++) {
        labels[k] = k == i ? 3 : 4;
      }
    }
  }

  /** Verbs that, with "for" or "with", make what follows a club: "played for Coventry", "signed with Reading". */
  private static final Set<String> CLUB_VERBS = WordSet.of("play", "plays", "played", "playing", "sign", "signs",
      "signed", "signing", "scored", "scores", "scoring", "starred", "starring", "appeared", "debuted", "re-signed");

  /**
   * A city named as a side's home is the club in the wording that only clubs take: "played for Coventry and
   * Swindon", "signed with Reading", "joined Burnley on loan", "Leicester striker", "Bristol fans". The model reads
   * such cities as places (the largest error on outside sports news), and once the wording shows a city is a club, so
   * is every mention of it in the document but "in Leeds" (which the document's one type per name then decides
   * by its votes, in {@code NewswireTagger.consistent}). Countries stay places: a national side is marked as its
   * country (CoNLL-2003).
   */
  private static void clubs(String[] words, int[] flags, int[] labels) {
    int n = words.length;
    Set<String> clubs = null;
    for (int i = 0; i < n; i++) {
      // A name the model left untagged after "played for" is a side: a club, or a country's team (a place).
      if (labels[i] == 0 && sideName(words, i) && clubBefore(words, labels, i)) {
        int j = i + 1;
        while (j < n && j < i + 4 && labels[j] == 0 && sideName(words, j)) {
          j++;
        }
        for (int k = i; k < j; k++) {
          labels[k] = k == i ? 5 : 6;
        }
      }
      if (labels[i] != 5 || !cityName(words, flags, i)) {
        continue;
      }
      int j = NewswireTagger.end(labels, i);
      boolean club = clubBefore(words, labels, i) || clubAfter(words, j);
      // Sides named together share the wording: "for Coventry and Swindon", "Leeds and Everton fans". Up to four
      // names away, so a long list of places stays linear to read.
      for (int k = j, steps = 0; !club && steps < 4 && k + 1 < n && joins(words[k]) && labels[k + 1] % 2 == 1;
          steps++) {
        int e = NewswireTagger.end(labels, k + 1);
        club = clubAfter(words, e);
        k = e;
      }
      for (int k = i - 1, steps = 0; !club && steps < 4 && k > 0 && joins(words[k]) && labels[k - 1] != 0; steps++) {
        int s = start(labels, k - 1);
        club = clubBefore(words, labels, s);
        k = s - 1;
      }
      if (club) {
        if (clubs == null) {
          clubs = new HashSet<>();
        }
        clubs.add(name(words, i, j));
      }
      i = j - 1;
    }
    if (clubs == null) {
      return;
    }
    everyMention(words, labels, clubs, 3, i -> labels[i] == 5 && (i == 0 || !words[i - 1].equals("in")));
  }

  private static boolean sideName(String[] words, int i) {
    // Clubs are often common words or surnames as well ("Hull", "Reading", "Wolves").
    return Character.isUpperCase(words[i].charAt(0)) && !words[i].equals("The") && !words[i].equals("A")
        && !words[i].equals("An");
  }

  private static boolean joins(String word) {
    return word.equals("and") || word.equals(",") || word.equals("or");
  }

  private static boolean cityName(String[] words, int[] flags, int i) {
    return (flags[i] & Lexicon.COUNTRY) == 0 && !NATIONS.contains(words[i]);
  }

  private static final Set<String> JOINED = WordSet.of("joined", "joins", "joining", "rejoined", "rejoins", "rejoining");

  /** "played for X", "signed with X", "joined X on loan" or "joined X from Y", "on loan at X", "loaned to X". */
  private static boolean clubBefore(String[] words, int[] labels, int i) {
    if (i >= 2 && (words[i - 1].equals("for") || words[i - 1].equals("with"))
        && CLUB_VERBS.contains(words[i - 2].toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (i >= 2 && (words[i - 1].equals("at") || words[i - 1].equals("to") || words[i - 1].equals("from"))
        && (words[i - 2].equals("loan") || words[i - 2].equals("loaned"))) {
      return true;
    }
    if (i >= 1 && JOINED.contains(words[i - 1])) {
      int j = NewswireTagger.end(labels, i);
      return j + 1 < words.length && (words[j].equals("on") && words[j + 1].equals("loan")
          || words[j].equals("from") && labels[j + 1] % 2 == 1);
    }
    return false;
  }

  /** "X striker", "X fans", "X's captain". */
  private static boolean clubAfter(String[] words, int j) {
    if (j < words.length && (words[j].equals("'s") || words[j].equals("’s"))) {
      j++;
    }
    return j < words.length && CLUB_ROLES.contains(words[j]);
  }

  /** How many words of a match's wording start at i ("beat": 1, "lost to": 2), or 0. */
  private static int matchGap(String[] words, int i) {
    if (MATCH_WORDS.contains(words[i])) {
      return 1;
    }
    if (MATCH_VERBS.contains(words[i]) && i + 1 < words.length
        && (words[i + 1].equals("to") || words[i + 1].equals("with"))) {
      return 2;
    }
    return 0;
  }

  private static int start(int[] labels, int i) {
    while (labels[i] % 2 == 0) {
      i--;
    }
    return i;
  }

  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)?\\d\\d");
  /** Heads of events' names beyond the lexicon's, after another word: "ATP Finals", "Kentucky Derby". */
  private static final Set<String> EVENT_HEADS = WordSet.of("Finals", "Derby", "Stakes", "Sevens");

  /** Names that take a year after them ("Euro 96", "Expo 2000") without an event word of their own. */
  private static final Set<String> YEARLY = WordSet.of("Euro", "EURO", "Expo", "EXPO");

  /** Tournaments and meetings called by their venue's name: "the Wimbledon title", "Augusta champion". */
  private static final Set<String> VENUE_EVENTS = WordSet.of("Wimbledon", "Roland Garros", "Flushing Meadows",
      "Augusta", "Le Mans", "Indianapolis", "Daytona", "Henley", "Ascot", "Cheltenham", "Epsom", "Aintree",
      "Melbourne Park", "Indian Wells", "Key Biscayne", "Monte Carlo", "Wentworth", "St Andrews", "Sawgrass");
  /** What a tournament holds, after its venue's name. */
  private static final Set<String> EVENT_NOUNS = WordSet.of("title", "titles", "champion", "champions", "championship",
      "crown", "final", "finals", "semi-final", "semi-finals", "semifinal", "semifinals", "quarter-final",
      "quarter-finals", "quarterfinal", "quarterfinals", "singles", "doubles", "draw", "seed", "runner-up", "winner",
      "victory", "triumph", "trophy", "festival", "meeting");

  /**
   * A venue's name before what a tournament holds is the tournament, MISC by the CoNLL-2003 conventions: "the
   * Wimbledon title", "Roland Garros champion" (read as a club and a place). The venue alone stays as read ("at
   * Flushing Meadows", "Wimbledon beat Arsenal"). Runs after the document's names are made consistent: the same
   * name is the tournament here and the club or the place elsewhere ("Wimbledon organisers").
   */
  static void venueEvents(String[] words, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (labels[i] != 1 && labels[i] != 3 && labels[i] != 5) {
        continue; // the label first: this runs for every token
      }
      int end = NewswireTagger.end(labels, i);
      if (end < words.length && end - i <= 2 && EVENT_NOUNS.contains(words[end]) && VENUE_EVENTS.contains(name(words, i, end))) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 7 : 8;
        }
      }
      i = end - 1;
    }
  }

  /**
   * A name ending with an event's head word is the event, MISC ("UEFA Cup", "U.S. Open", "World Series"), except
   * "Tour", which also ends organisations ("PGA Tour"); a year after an event's name is part of it ("Euro 96",
   * "World Cup 1998"), and "Euro" or "Expo" with a year is the event even when the model left it out.
   */
  private static void events(String[] words, int[] flags, int[] labels) {
    eventsLeftOut(words, flags, labels);
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 0 && YEARLY.contains(words[i]) && i + 1 < words.length && labels[i + 1] == 0
          && YEAR.matcher(words[i + 1]).matches()) {
        labels[i] = 7; // "Euro 2024" the model left out, as the currency's name: no amount is written so
      }
      if (labels[i] % 2 != 1) {
        continue;
      }
      int j = NewswireTagger.end(labels, i);
      String last = words[j - 1];
      boolean event = (flags[j - 1] & Lexicon.EVENT_WORD) != 0 && !last.equals("Tour") && !last.equals("TOUR")
          || j - i >= 2 && listed(EVENT_HEADS, last);
      if (j < words.length && labels[j] == 0 && YEAR.matcher(words[j]).matches() && (event || YEARLY.contains(last))) {
        j++;
        event = true;
      }
      if (event) {
        for (int k = i; k < j; k++) {
          labels[k] = k == i ? 7 : 8;
        }
      }
      i = j - 1;
    }
  }

  /**
   * An event's name the model left out or cut to its head word: "a World Cup qualifier" (untagged) and "World [Cup]"
   * are "World Cup". A run of two to four capitalised words, not in capitals, that ends with an event's word and
   * that the model tagged nowhere but, perhaps, as a miscellany from inside it to its end. Not "Tour", which also ends
   * organisations ("PGA Tour"), nor a run opened by an article or a pronoun ("The", "His").
   */
  private static void eventsLeftOut(String[] words, int[] flags, int[] labels) {
    int n = words.length;
    for (int i = 0; i < n; i++) {
      if ((flags[i] & Lexicon.EVENT_WORD) == 0 || i == 0 || labels[i] != 0 && labels[i] != 7 && labels[i] != 8) {
        continue; // the flag first: this runs for every token
      }
      if (i + 1 < n && Character.isUpperCase(words[i + 1].charAt(0)) || words[i].equals("Tour") || Token.allCaps(words[i])) {
        continue; // not the run's last word, or no event's for sure
      }
      int a = i;
      while (a > 0 && i - a < 3 && Character.isUpperCase(words[a - 1].charAt(0)) && !Token.allCaps(words[a - 1])
          && !OPENERS.contains(words[a - 1])) {
        a--;
      }
      if (a == i || a > 0 && Character.isUpperCase(words[a - 1].charAt(0)) && !OPENERS.contains(words[a - 1])) {
        continue; // one word, or a longer run than an event's name
      }
      int tagged = a;
      while (tagged <= i && labels[tagged] == 0) {
        tagged++;
      }
      boolean headOnly = tagged <= i && labels[tagged] == 7;
      for (int k = tagged + 1; k <= i && headOnly; k++) {
        headOnly = labels[k] == 8;
      }
      if (tagged > i || headOnly && tagged > a) {
        for (int k = a; k <= i; k++) {
          labels[k] = k == a ? 7 : 8;
        }
      }
    }
  }

  /**
   * An indefinite article opens no name: "An Interior Ministry spokesman", "An Air France plane" had the article
   * in the organisation. And a ministry the model left out after one is the ministry: "A Foreign Ministry official
   * said" was untagged, where "The Foreign Ministry said" is not. A run of one to three capitalised words before
   * "Ministry", none of them tagged.
   */
  private static void articles(String[] words, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (!words[i].equals("A") && !words[i].equals("An")) {
        continue;
      }
      if (labels[i] % 2 == 1 && labels[i] != 7 && labels[i + 1] == labels[i] + 1) {
        labels[i + 1] = labels[i];
        labels[i] = 0;
      } else if (labels[i] == 0) {
        int k = i + 1;
        while (k < words.length && k - i <= 3 && labels[k] == 0 && !words[k].isEmpty()
            && Character.isUpperCase(words[k].charAt(0)) && !Token.allCaps(words[k]) && !words[k].equals("Ministry")) {
          k++;
        }
        if (k > i + 1 && k < words.length && labels[k] == 0 && words[k].equals("Ministry")
            && (k + 1 == words.length || !Character.isUpperCase(words[k + 1].charAt(0)))) {
          for (int m = i + 1; m <= k; m++) {
            labels[m] = m == i + 1 ? 3 : 4;
          }
        }
      }
    }
  }

  /** Heads of parties and movements that "of" and their leader's name follow in wire copy. */
  private static final Set<String> PARTY_HEADS = WordSet.of("Front", "League", "Party", "Movement", "Alliance",
      "Coalition", "Bloc");

  /**
   * A party's name does not run on into its leader's: "the National Front of Jean-Marie Le Pen", "the Northern
   * League of Umberto Bossi" are a party and a person. After "of", two to four words in title case whose first is
   * no dictionary word, place, people or organisation's word ("League of Arab States", "Party of Democratic
   * Socialism" stay whole).
   */
  private static void leaders(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 3) {
        i = labels[i] % 2 == 1 ? NewswireTagger.end(labels, i) - 1 : i;
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      for (int of = i + 1; of < end; of++) {
        if (!words[of].equals("of") || !listed(PARTY_HEADS, words[of - 1]) || end - of - 1 < 2 || end - of - 1 > 4) {
          continue;
        }
        boolean person = (flags[of + 1] & (Lexicon.COMMON_WORD | Lexicon.PLACE_B | Lexicon.COUNTRY | Lexicon.REGION
            | Lexicon.DEMONYM | Lexicon.ORG_WORD | Lexicon.KNOWN_ORG_B | Lexicon.ACRONYM)) == 0;
        for (int k = of + 1; k < end && person; k++) {
          person = words[k].length() >= 2 && Character.isUpperCase(words[k].charAt(0)) && !Token.allCaps(words[k])
              && !listed(ORGANISATION_HEADS, words[k]);
        }
        if (person) {
          labels[of] = 0;
          for (int k = of + 1; k < end; k++) {
            labels[k] = k == of + 1 ? 1 : 2;
          }
        }
        break;
      }
      i = end - 1;
    }
  }

  /**
   * In results that give each person's country in brackets ("Frankie Fredericks (Namibia)"), a place in the same
   * place is a country too: "Ato Boldon (Trinidad)" had been an organisation. Only where two or more of the
   * document's brackets after a person hold a country: a scorers' list gives clubs there ("Shearer (Newcastle)").
   */
  private static void bracketedCountries(String[] words, int[] flags, int[] labels) {
    int countries = 0;
    for (int i = 2; i + 1 < words.length; i++) {
      if (labels[i] == 5 && words[i - 1].equals("(") && (labels[i - 2] == 1 || labels[i - 2] == 2)
          && (flags[i] & Lexicon.COUNTRY) != 0 && NewswireTagger.end(labels, i) < words.length
          && words[NewswireTagger.end(labels, i)].equals(")")) {
        countries++;
      }
    }
    if (countries < 2) {
      return;
    }
    for (int i = 2; i + 1 < words.length; i++) {
      if (labels[i] % 2 == 1 && labels[i] != 5 && words[i - 1].equals("(") && (labels[i - 2] == 1 || labels[i - 2] == 2)
          && (flags[i] & (Lexicon.PLACE_B | Lexicon.COUNTRY)) != 0 && (flags[i] & Lexicon.KNOWN_ORG_B) == 0) {
        int end = NewswireTagger.end(labels, i);
        if (end < words.length && words[end].equals(")")) {
          for (int k = i; k < end; k++) {
            labels[k] = k == i ? 5 : 6;
          }
        }
      }
    }
  }

  /**
   * Scorers in brackets after a side's goals are people: "Arsenal 2 (Bergkamp 45, Wright 70)" had read Wright, a
   * town's name too, as a place. Each is one or two capitalised words and a minute, between the bracket that opens
   * after the goals, commas and the bracket that closes. Not a country ("(Brazil 2)" is no scorer).
   */
  private static void scorers(String[] words, int[] flags, int[] labels) {
    for (int open = 1; open < words.length; open++) {
      if (!words[open].equals("(") || !GOALS.matcher(words[open - 1]).matches()) {
        continue;
      }
      int close = open + 1;
      while (close < words.length && close - open <= 40 && !words[close].equals(")") && !words[close].equals("(")) {
        close++;
      }
      if (close >= words.length || !words[close].equals(")")) {
        continue;
      }
      // Check the whole bracket first: names, minutes and commas only.
      boolean list = true;
      int names = 0;
      for (int k = open + 1; k < close && list; ) {
        int a = k;
        while (k < close && k - a < 3 && !words[k].isEmpty() && Character.isUpperCase(words[k].charAt(0))
            && (flags[k] & Lexicon.COUNTRY) == 0) {
          k++;
        }
        list = k > a && k < close && GOALS.matcher(words[k]).matches();
        k++;
        while (list && k < close && GOALS.matcher(words[k]).matches()) {
          k++; // "Wright 70 85": two goals
        }
        list = list && (k == close || words[k].equals(",") || words[k].equals(";"));
        k++;
        names++;
      }
      if (!list || names == 0) {
        continue;
      }
      for (int k = open + 1; k < close; k++) {
        if (!words[k].isEmpty() && Character.isUpperCase(words[k].charAt(0)) && labels[k] != 1 && labels[k] != 2) {
          labels[k] = k > open + 1 && !words[k - 1].isEmpty() && Character.isUpperCase(words[k - 1].charAt(0)) ? 2 : 1;
        }
      }
      open = close;
    }
  }

  private static final java.util.regex.Pattern GROUP_SIZE = java.util.regex.Pattern.compile(
      "\\d{1,3}|Seven|Eight|Twenty|Three|Five|Ten|Fifteen|Eleven|Two");

  /**
   * Groups of nations named by their number are organisations ("the Group of 77", "the Group of Seven"; the model
   * left the first out), and so is "the Commonwealth" alone, as against "the Commonwealth of Virginia" or the
   * "Commonwealth Games".
   */
  private static void groupsOfNations(String[] words, int[] labels) {
    for (int i = 1; i + 1 < words.length; i++) {
      if (words[i].equals("Group") && i + 2 < words.length && words[i + 1].equals("of")
          && GROUP_SIZE.matcher(words[i + 2]).matches() && (labels[i] == 0 || labels[i] % 2 == 1) && labels[i] != 7
          && (i + 3 == words.length || labels[i + 3] % 2 == 1 || labels[i + 3] == 0)) {
        labels[i] = 3;
        labels[i + 1] = 4;
        labels[i + 2] = 4;
      } else if (words[i].equals("Commonwealth") && words[i - 1].equalsIgnoreCase("the") && labels[i] == 0
          && !words[i + 1].equals("of") && !words[i + 1].isEmpty() && !Character.isUpperCase(words[i + 1].charAt(0))) {
        labels[i] = 3;
      }
    }
  }

  /**
   * A name that opens with a hyphenated pair of given names is a person: "Jean-Bertrand Aristide" opening a sentence
   * was an organisation. The other words must be no dictionary words, organisation's heads or known organisations
   * ("Hewlett-Packard Enterprise" stays a company).
   */
  private static void doubleGivenNames(String[] words, int[] flags, int[] labels, Lexicon lexicon) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 3 && labels[i] != 5 && labels[i] != 7) {
        continue; // the label first
      }
      int end = NewswireTagger.end(labels, i);
      String w = words[i];
      int hyphen = w.indexOf('-');
      boolean person = end - i >= 2 && end - i <= 3 && hyphen > 1 && hyphen < w.length() - 2
          && w.indexOf('-', hyphen + 1) < 0 && (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.PLACE_B)) == 0
          && Character.isUpperCase(w.charAt(hyphen + 1));
      if (person) {
        int[] parts = lexicon.flags(new String[] {w.substring(0, hyphen), w.substring(hyphen + 1)});
        person = (parts[0] & parts[1] & Lexicon.PERSON_NAME) != 0;
      }
      for (int k = i + 1; k < end && person; k++) {
        person = (flags[k] & (Lexicon.COMMON_WORD | Lexicon.KNOWN_ORG_I | Lexicon.KNOWN_ORG_B | Lexicon.PLACE_B)) == 0
            && !listed(ORGANISATION_HEADS, words[k]) && !LEGAL_FORMS.contains(words[k])
            && words[k].length() >= 2 && Character.isUpperCase(words[k].charAt(0))
            && Character.isLowerCase(words[k].charAt(words[k].length() - 1));
      }
      if (person) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 1 : 2;
        }
      }
      i = end - 1;
    }
  }

  /** South Asian movements' names, joined by the Persian and Arabic connectives: "Jamaat-e-Islami", "Hizb-ut-Tahrir". */
  private static final java.util.regex.Pattern MOVEMENT = java.util.regex.Pattern.compile(
      "\\p{Lu}\\p{Ll}+-(?:i|e|ul|ut|ud)-\\p{Lu}[\\p{L}-]*");

  /**
   * Such a name is an organisation, which the model, having seen none, left out ("Hezb-i-Islami said",
   * "Lashkar-e-Taiba"). Not "al" or "el", which join a person's names ("Abd-al-Rahman").
   */
  private static void movements(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (oneWord(labels, i)
          && MOVEMENT.matcher(words[i]).matches()) {
        labels[i] = 3;
      }
    }
  }

  /** Head words of armed forces' units, which name one after any capitalised word or number ("58th Army"). */
  private static final Set<String> UNIT_HEADS = WordSet.of("Army", "Navy", "Fleet", "Corps", "Brigade", "Brigades",
      "Regiment", "Battalion", "Squadron", "Guard", "Guards");
  /** Head words that name a unit only right after one of {@link #UNIT_ARMS} ("Air Force", "Airborne Division"). */
  private static final Set<String> ARM_HEADS = WordSet.of("Force", "Forces", "Division", "Wing", "Command");
  private static final Set<String> UNIT_ARMS = WordSet.of("Air", "Space", "Infantry", "Airborne", "Armoured", "Armored",
      "Marine", "Mountain", "Cavalry", "Panzer", "Tank", "Mechanized", "Mechanised", "Rifle", "Artillery", "Fighter",
      "Defense", "Defence", "Airlift", "Naval", "Special", "Guards", "Motorized", "Motorised");
  /** Capitalised words that begin sentences, not units' names ("In Army circles", "Its Navy"). */
  private static final Set<String> NOT_IN_UNITS = WordSet.of("The", "A", "An", "In", "On", "At", "By", "For", "From",
      "With", "As", "When", "After", "Before", "But", "And", "Its", "His", "Her", "Their", "Our", "This", "That",
      "Yesterday", "Today", "Meanwhile", "Now", "If", "While");
  private static final java.util.regex.Pattern UNIT_NUMBER = java.util.regex.Pattern.compile(
      "\\d+(st|nd|rd|th|d)?|(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
          + "|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth"
          + "|Twenty-\\w+|Thirtieth|Fortieth|Fiftieth)|[IVXL]{2,}|V");

  /**
   * A unit of armed forces is one organisation with its number, its arm and whose it is: "U.S. Sixth Fleet", "82nd
   * Airborne Division", "German Air Force", "Black Sea Fleet", "47th Mechanized Brigade". The model reads the
   * number as nothing and the nation or the sea as a name of its own. The name runs back from a capitalised head word
   * over numbers and capitalised words, not over "'s" ("Russia 's 58th Army" is a place and a unit). A head alone
   * ("the Army") is left as the model read it, and so is a division or a force of no arm ("Premier Division").
   */
  private static void units(String[] words, int[] flags, int[] labels) {
    for (int h = 1; h < words.length; h++) {
      String head = words[h];
      boolean unitHead = UNIT_HEADS.contains(head);
      if (!unitHead && !(ARM_HEADS.contains(head) && UNIT_ARMS.contains(words[h - 1]))) {
        continue;
      }
      int k = h;
      while (k > 0 && h - k < 5 && unitWord(words[k - 1], flags[k - 1], labels[k - 1] != 0)) {
        k--;
      }
      if (k == h) {
        continue;
      }
      int end = h + 1;
      if (labels[h] != 0) {
        int name = start(labels, h); // never cut the name the model read ("Free Syrian Army")
        k = Math.min(k, name);
        end = Math.max(end, NewswireTagger.end(labels, name));
      }
      if (end < words.length && labels[end] != 0 && labels[end] % 2 == 0) {
        labels[end] = labels[end] - 1; // what followed inside the same name starts a name of its own
      }
      // A name that began before k now ends there: its labels before k stay as they are.
      for (int i = k; i < end; i++) {
        labels[i] = i == k ? 3 : 4;
      }
      h = end - 1;
    }
  }

  /**
   * A word that can be part of a unit's name before its head: a number, or a capitalised word that the model read
   * in a name or that is an arm, a place, a nationality or no common word written with a capital ("Attack" of a
   * headline in capitals is not).
   */
  private static boolean unitWord(String w, int flags, boolean inName) {
    if (UNIT_NUMBER.matcher(w).matches()) {
      return true;
    }
    if (!Character.isUpperCase(w.charAt(0))) {
      return false;
    }
    boolean named = (flags & (Lexicon.PLACE_B | Lexicon.PLACE_I | Lexicon.DEMONYM | Lexicon.COUNTRY)) != 0;
    return inName || !NOT_IN_UNITS.contains(w) && ((flags & Lexicon.COMMON_WORD) == 0 || named || UNIT_ARMS.contains(w));
  }

  /** A legal form after a name joins it, and the whole is an organisation. */
  private static void legalForms(String[] words, int[] flags, int[] labels) {
    for (int i = 1; i < words.length; i++) {
      if (!LEGAL_FORMS.contains(words[i]) || labels[i - 1] == 0) {
        continue;
      }
      int name = start(labels, i - 1);
      int start = name;
      // "Cable and Wireless Plc": one word and "and" before the name are part of it, where the model cut them off.
      if (start >= 2 && words[start - 1].equals("and") && Character.isUpperCase(words[start - 2].charAt(0))
          && (labels[start - 2] == 0 || labels[start - 2] % 2 == 1)
          && (start == 2 || !Character.isUpperCase(words[start - 3].charAt(0)) || words[start - 3].equals("'s"))
          && !LEGAL_FORMS.contains(words[start - 2])) {
        start -= 2;
      } else if (start >= 3 && words[start - 1].equals("and") && labels[start - 2] == 4) {
        // "Nippon Telegraph and Telephone Corp": the same with a name of two or three words the model read as an
        // organisation of its own, unless it is whole on its own: a head word ends it, or it opens with a known name
        // that ends before "and" ("Shell Oil and Wireless Plc" are two).
        int before = start(labels, start - 2);
        String last = words[start - 2];
        if (labels[before] == 3 && start - 1 - before <= 3
            && (before == 0 || !Character.isUpperCase(words[before - 1].charAt(0)) || words[before - 1].equals("'s"))
            && !LEGAL_FORMS.contains(last) && !wholeBeforeAnd(last, words[i]) && !capitalised(last).equals("Bank")
            && ((flags[before] & Lexicon.KNOWN_ORG_B) == 0 || (flags[start - 1] & Lexicon.KNOWN_ORG_I) != 0)) {
          start = before;
        }
      } else if (start >= 1 && labels[start - 1] == 3 && NewswireTagger.end(labels, start - 1) == start) {
        start -= 1; // "Deutsche Lufthansa AG", which the model read as two organisations
      }
      int end;
      if (labels[i] == labels[name] + 1) {
        end = NewswireTagger.end(labels, name); // the form is inside the name already
      } else if (labels[i] == 0 || NewswireTagger.end(labels, i) == i + 1) {
        end = i + 1; // the form alone, or tagged a name of its own ("LLC")
      } else {
        continue;
      }
      for (int k = start; k < end; k++) {
        labels[k] = k == start ? 3 : 4;
      }
      i = end - 1;
    }
  }

  /**
   * Heads that end an organisation's name and no person's (family names such as "Court", "Post" and "Church" are
   * not among them): a person's name read to one of them is the organisation.
   */
  private static final Set<String> COMPANY_HEADS = WordSet.of("Association", "Federation", "Council", "Committee",
      "Commission", "Ministry", "University", "College", "Institute", "Agency", "Authority", "Bureau", "Corporation",
      "Company", "Club", "FC", "Airlines", "Airways", "Railway", "Railways", "Society", "Foundation", "Academy",
      "Organisation", "Organization", "Group", "Records", "Band", "Orchestra", "Laboratory", "Laboratories", "Studios",
      "Motors", "Industries", "Holdings", "Enterprises", "Partners", "Associates", "Works", "Resorts", "Hotels", "Inc",
      "Inc.", "Ltd",
      "Ltd.", "Corp", "Corp.", "Properties", "Investments", "Securities", "Technologies", "Systems",
      "Communications", "Electronics", "Pharmaceuticals", "Chemicals", "Ventures", "Brands", "Breweries", "Shipping");

  /**
   * Head words that make a name an organisation whatever it begins with: "United States Tennis Association" and
   * "London and South Western Railway" are not places, nor is "Scottish Government" a nationality. Not "Bank" ("West
   * Bank"), "Union" ("Soviet Union"), "Centre" or "Church", which name places too.
   */
  private static final Set<String> ORGANISATION_HEADS = WordSet.of("Association", "Federation", "Council", "Committee",
      "Commission", "Ministry", "University", "College", "Institute", "Agency", "Authority", "Board", "Bureau",
      "Corporation", "Company", "Party", "Club", "FC", "Airlines", "Airways", "Railway", "Railways", "Trains",
      "Society", "Foundation", "Trust", "Academy", "Police", "Parliament", "Assembly", "Tribunal", "Department",
      "Organisation", "Organization", "Group", "Court", "Government", "PAC", "Bourse",
      // Companies named after their place: "Hong Kong Telecom", "British Petroleum", "Korea Electric Power" aside.
      "Telecom", "Telecoms", "Telekom", "Telecommunications", "Petroleum", "Steel", "Motors", "Industries", "Holdings",
      "Securities", "Insurance", "Shipping", "Chemicals", "Pharmaceuticals", "Electronics", "Breweries", "Brewery",
      "Mines", "Mining", "Power", "Cement",
      // Companies of the performing arts: "Metropolitan Opera", "Vienna Philharmonic", "Bolshoi Ballet".
      "Opera", "Philharmonic", "Ballet", "Orchestra",
      // Newspapers are named after their city: "Des Moines Register", "South Florida Sun Sentinel".
      "Times", "Post", "Herald", "Tribune", "Journal", "Gazette", "Chronicle", "Register", "Sentinel", "Globe",
      "Telegraph", "Examiner", "Inquirer", "Courier", "Observer", "Dispatch", "Bulletin", "Mirror", "Press");
  /**
   * Heads that end a newspaper's name and are a trade's word too: before "and" in a name that ends with a legal form
   * they end nothing ("Nippon Telegraph and Telephone Corp").
   */
  private static final Set<String> NEWSPAPER_HEADS = WordSet.of("Times", "Post", "Herald", "Tribune", "Journal",
      "Gazette", "Chronicle", "Register", "Sentinel", "Globe", "Telegraph", "Examiner", "Inquirer", "Courier",
      "Observer", "Dispatch", "Bulletin", "Mirror", "Press");

  /** A name's word before "and" that makes what comes before a whole organisation, in a name ending with {@code end}. */
  private static boolean wholeBeforeAnd(String before, String end) {
    return listed(ORGANISATION_HEADS, before) && !(LEGAL_FORMS.contains(end) && listed(NEWSPAPER_HEADS, before));
  }

  /** Words after which "the" belongs inside a name: "Bank of the West", "Society for the Protection of Birds". */
  private static final Set<String> BEFORE_THE = WordSet.of("of", "for", "on", "upon", "in", "and", "to", "at", "&");

  /**
   * "the" between two capitalised words that no particle joins starts a new name: "after World War Two the Holocaust
   * shaped" is two names, and "the" is neither.
   */
  private static void splitAtThe(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 0) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      for (int k = i + 1; k + 1 < end; k++) {
        if (words[k].equals("the") && !BEFORE_THE.contains(words[k - 1])
            && Character.isUpperCase(words[k + 1].charAt(0))) {
          labels[k] = 0;
          labels[k + 1] = labels[i];
          break; // the rest is a name of its own, looked at next
        }
      }
      i = NewswireTagger.end(labels, i) - 1;
    }
  }

  /**
   * Two organisations joined by "and" are two names when the first is whole on its own: it has two words or more and
   * ends with an organisation's head word ("China Eastern Airlines and Air China"). "Procter and Gamble", "Ministry
   * of Trade and Industry" and "National Snow and Ice Data Center" stay one name.
   */
  private static void splitOrganisationsAtAnd(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 0) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      if (labels[i] == 3) {
        for (int k = i + 2; k + 1 < end; k++) {
          String before = words[k - 1];
          if (words[k].equalsIgnoreCase("and") && Character.isUpperCase(words[k + 1].charAt(0))
              && (wholeBeforeAnd(before, words[end - 1]) || capitalised(before).equals("Bank")
                  || LEGAL_FORMS.contains(before) || knownUpTo(flags, i, k))) {
            labels[k] = 0;
            labels[k + 1] = 3;
            break; // the rest is a name of its own, looked at next
          }
        }
      }
      i = NewswireTagger.end(labels, i) - 1;
    }
  }

  /** Holdings whose object is a company: "shares in Zeneca", "a stake in Sabena", "shares of Amoco". */
  private static final Set<String> HOLDINGS = WordSet.of("shares", "Shares", "stake", "stakes", "shareholding",
      "holding", "holdings", "stock");
  private static final java.util.regex.Pattern PRICE = java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)?");
  /** The money and percentages a share price moves by in market copy. */
  private static final Set<String> PRICE_UNITS = WordSet.of("dollars", "dollar", "cents", "cent", "pence", "percent",
      "pct", "%", "yen", "marks", "pfennigs", "francs", "crowns", "rupees", "rupiah", "baht", "pesos", "rand", "euros",
      "euro", "yuan", "ringgit", "lire", "lira", "kronor", "kroner", "guilders", "shekels", "riyals", "reais",
      "zlotys", "centimes", "schillings", "pesetas", "escudos", "forints", "drachmas");
  /** What a company's shares do in market copy: "Sears shares rose", "Kellogg stock fell". */
  private static final Set<String> SHARE_MOVES = WordSet.of("rose", "fell", "closed", "jumped", "slipped", "gained",
      "lost", "dropped", "were", "traded", "ended", "edged", "climbed", "slumped", "tumbled", "soared", "surged",
      "eased", "firmed", "added", "shed", "opened", "rallied", "plunged", "sank", "dipped", "rebounded");

  /**
   * A name read as a person whose shares are traded is a company, and so is every mention of it in the document:
   * "Shares in Zeneca rose ... Zeneca said", "Sears shares fell", "Cheung Kong rose 1.50 dollars" (companies named
   * after their founders or in other languages, whose
   * names the model learned as people's). Runs after the document's names are made consistent, which would
   * otherwise let the person's mentions outvote the one that says what the name is.
   */
  /** Words of a sentence about shares, after which "led by" names the stocks that led. */
  private static final Set<String> STOCK_WORDS = WordSet.of("shares", "stocks", "index", "bourse", "market", "Nikkei",
      "Hang", "DAX", "CAC-40", "FTSE");

  /**
   * Whether the name at i is one of those that "led" a move of shares: "Hong Kong shares closed higher, led by HSBC
   * Holdings and Hutchison Whampoa". The name follows "led by" or another of the list (after a comma or "and"), in
   * a sentence that speaks of shares or an index before it ("a delegation led by John Smith" speaks of none).
   */
  private static boolean ledShares(String[] words, int[] labels, int i) {
    int k = i;
    while (k >= 2 && (words[k - 1].equals(",") || words[k - 1].equals("and")) && labels[k - 2] != 0) {
      k = start(labels, k - 2); // back over the list to its first name
    }
    if (k < 2 || !words[k - 1].equals("by") || !words[k - 2].equals("led")) {
      return false;
    }
    for (int m = k - 3; m >= 0 && m >= k - 30 && !words[m].equals("."); m--) {
      if (STOCK_WORDS.contains(words[m]) || STOCK_WORDS.contains(words[m].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static void traded(String[] words, int[] flags, int[] labels) {
    Set<String> companies = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      // A word the model left out counts when the name lists know it as a company or a person's name.
      boolean untagged = labels[i] == 0 && (flags[i] & (Lexicon.KNOWN_ORG_B | Lexicon.PERSON_NAME)) != 0
          && Character.isUpperCase(words[i].charAt(0)) && (i == 0 || labels[i - 1] == 0);
      if (labels[i] != 1 && !untagged) {
        continue;
      }
      int end = untagged ? i + 1 : NewswireTagger.end(labels, i);
      // Not a person whose company follows: "shares of Murdoch's News Corp".
      boolean possessive = end < words.length && (words[end].startsWith("'") || words[end].startsWith("’"))
          || words[end - 1].endsWith("'s") || words[end - 1].endsWith("’s");
      boolean holding = i >= 2 && (words[i - 1].equals("in") || words[i - 1].equals("of"))
          && HOLDINGS.contains(words[i - 2]) && !possessive;
      boolean moving = end + 1 < words.length && (words[end].equals("shares") || words[end].equals("stock"))
          && SHARE_MOVES.contains(words[end + 1]);
      // A price that moves by an amount of money or a percentage: "Cheung Kong rose 1.50 dollars", "Hutchison
      // Whampoa gained 2 percent". People do not ("Smith lost 10 pounds" is no price: pounds are left out).
      boolean priced = !untagged && end + 2 < words.length && SHARE_MOVES.contains(words[end])
          && !words[end].equals("were") && PRICE.matcher(words[end + 1]).matches()
          && PRICE_UNITS.contains(words[end + 2].toLowerCase(Locale.ROOT));
      if (holding || moving || priced || !untagged && ledShares(words, labels, i)) {
        companies.add(name(words, i, end));
      }
      i = end - 1;
    }
    if (companies.isEmpty()) {
      return;
    }
    for (int i = 0; i < words.length; i++) {
      boolean untagged = labels[i] == 0 && (i + 1 == words.length || labels[i + 1] == 0);
      if (labels[i] == 1 || untagged) {
        int end = untagged ? i + 1 : NewswireTagger.end(labels, i);
        if (companies.contains(name(words, i, end))) {
          labels[i] = 3;
          for (int k = i + 1; k < end; k++) {
            labels[k] = 4;
          }
        }
        i = end - 1;
      }
    }
  }

  /**
   * Whether words {@code from} to {@code to} (exclusive) are a known organisation's whole name, which the word at
   * {@code to} does not continue: "Elf Aquitaine" of "Elf Aquitaine and Total", not "Marks" of "Marks and Spencer".
   */
  private static boolean knownUpTo(int[] flags, int from, int to) {
    if ((flags[from] & Lexicon.KNOWN_ORG_B) == 0 || (flags[to] & Lexicon.KNOWN_ORG_I) != 0) {
      return false;
    }
    for (int k = from + 1; k < to; k++) {
      if ((flags[k] & Lexicon.KNOWN_ORG_I) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The first words of movements' and parties' names that a country's name opens. */
  private static final Set<String> MOVEMENT_OPENERS = WordSet.of("People", "People's", "Peoples", "Popular",
      "National", "Liberation", "Democratic", "Patriotic", "Revolutionary", "Islamic", "Workers", "Workers'",
      "Freedom", "Socialist", "Communist", "Labour", "Labor", "Liberal", "Conservative", "Progressive", "Green",
      "Social", "Christian", "Republican", "Unionist", "Nationalist", "New", "Reform");
  private static final Set<String> MOVEMENT_HEADS = WordSet.of("Army", "Party", "Front", "Movement", "Organisation",
      "Organization", "Union", "Congress", "League", "Alliance", "Council", "Forces");

  /**
   * A place right before a movement's or party's name the model read as an organisation is the name's first word:
   * "Sudan People's Liberation Army", "Sri Lanka Freedom Party", "Kosovo Liberation Army" (the model gave the place
   * alone, then the rest). Not across a possessive or a comma, which stay two names ("Sudan's People's Liberation
   * Army").
   */
  private static void liberationFronts(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 0) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      if (labels[i] == 5 && end - i <= 2 && end < words.length && labels[end] == 3
          && MOVEMENT_OPENERS.contains(words[end])) {
        int orgEnd = NewswireTagger.end(labels, end);
        if (MOVEMENT_HEADS.contains(words[orgEnd - 1])) {
          labels[i] = 3;
          for (int k = i + 1; k < orgEnd; k++) {
            labels[k] = 4;
          }
          end = orgEnd;
        }
      }
      i = end - 1;
    }
  }

  /**
   * A city, region or country alone that the model read as a person ("Bonn backed the talks") is the place, unless
   * it is a known organisation's name or part of a person's full name in the same document ("Houston" after "Whitney
   * Houston"). The name lists cannot decide: "Bonn", "Berlin" and "Paris" are family or given names in them.
   */
  private static void placesReadAsPeople(String[] words, int[] flags, int[] labels) {
    Set<String> inFullNames = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      int end = labels[i] == 1 ? NewswireTagger.end(labels, i) : i + 1;
      if (end > i + 1) {
        inFullNames.addAll(java.util.Arrays.asList(words).subList(i, end));
      }
      i = end - 1;
    }
    int place = Lexicon.CITY | Lexicon.COUNTRY | Lexicon.REGION | Lexicon.BIG_PLACE;
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 1 && (i + 1 == words.length || labels[i + 1] != 2) && (flags[i] & Lexicon.PLACE_B) != 0
          && (flags[i] & place) != 0 && (flags[i] & Lexicon.KNOWN_ORG_B) == 0
          && !inFullNames.contains(words[i])) {
        labels[i] = 5;
      }
    }
  }

  /**
   * A given name and a double-barrelled family name that no list knows as a place are a person, though the given
   * name is a city too: "Alexandria Ocasio-Cortez". Not when a part is an English word ("Manchester Union-Leader").
   */
  private static void peopleReadAsPlaces(String[] words, int[] flags, int[] labels, Lexicon lexicon) {
    for (int i = 0; i + 1 < words.length; i++) {
      if (labels[i] == 5 && labels[i + 1] == 6 && (i + 2 == words.length || labels[i + 2] != 6)
          && (flags[i] & Lexicon.PERSON_NAME) != 0 && (flags[i + 1] & (Lexicon.PLACE_B | Lexicon.PLACE_I)) == 0
          && DOUBLE_BARRELLED.matcher(words[i + 1]).matches()
          && Arrays.stream(words[i + 1].split("-")).noneMatch(w -> lexicon.isEnglishWord(w.toLowerCase(Locale.ROOT)))) {
        labels[i] = 1;
        labels[i + 1] = 2;
      }
    }
  }

  private static final java.util.regex.Pattern DOUBLE_BARRELLED =
      java.util.regex.Pattern.compile("\\p{Lu}\\p{Ll}+-\\p{Lu}\\p{Ll}+");

  /**
   * Head words of the names of streets, squares and venues: "Bruckner Boulevard", "Arthur Ashe Stadium" and "O.R.
   * Tambo International Airport" are places, often named after a person. Not "Park", a family name too ("Inbee Park").
   */
  private static final Set<String> PLACE_HEADS = WordSet.of("Street", "Avenue", "Ave", "Boulevard", "Road", "Parkway",
      "Square", "Bridge", "Highway", "Expressway", "Freeway", "Stadium", "Arena", "Airport", "Canal", "Reservoir",
      "Pond", "Dock", "Docks");

  /** First words of places that no person's name starts with ("Los Cabos", "Fort Worth", "Port Harcourt"). */
  private static final Set<String> PLACE_OPENERS = WordSet.of("Los", "Las", "Fort", "Port", "Mount", "Cape", "LOS", "LAS",
      "FORT", "PORT", "MOUNT", "CAPE");

  /** Head words of the names of wars and uprisings, miscellanies under CoNLL conventions ("Korean War"). */
  private static final Set<String> WAR_HEADS = WordSet.of("War", "Wars", "Uprising", "Revolution", "Campaign");

  /** Head words of plans, negotiating rounds, contests and doctrines, miscellanies by the conventions. */
  private static final Set<String> PROGRAMME_HEADS = WordSet.of("Plan", "Round", "Contest", "Doctrine");

  /** First words of the names of battles and sieges ("Battle of Fredericksburg"). */
  private static final Set<String> BATTLES = WordSet.of("Battle", "Battles", "Siege");

  /** Head words of the names of treaties and laws, miscellanies under CoNLL conventions ("Paris Agreement"). */
  private static final Set<String> AGREEMENT_HEADS = WordSet.of("Agreement", "Agreements", "Accord", "Accords", "Treaty",
      "Treaties", "Protocol", "Act", "Convention", "Conventions");

  /**
   * A name's last word can settle its type whatever the model read from its first: a name read as a place or a
   * miscellany that ends with an organisation's head word is that organisation ("Scottish Government", "Des Moines
   * Register"), a person or an organisation ending with a street's head word is a place, and anything ending with a
   * treaty's is a miscellany. So
   * is a war or a battle ("Six-Day War", "Battle of the Somme"), unless an organisation's word names who studies or
   * wages it ("Institute for the Study of War", "Ministry of War").
   */
  private static void typeByLastWord(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 0) {
        continue;
      }
      int end = NewswireTagger.end(labels, i);
      String head = words[end - 1];
      int type = labels[i];
      if (end - i >= 2) {
        if ((type == 5 || type == 7) && listed(ORGANISATION_HEADS, head)) {
          type = 3;
        } else if (type == 1 && listed(COMPANY_HEADS, head)) {
          type = 3; // "Dave Matthews Band", "Virgin Records", "Cold Spring Harbor Laboratory"
        } else if ((type == 1 || type == 3) && listed(PLACE_HEADS, head)
            || type == 1 && PLACE_OPENERS.contains(words[i])) {
          type = 5;
        } else if (type != 7 && (listed(AGREEMENT_HEADS, head)
            || listed(PROGRAMME_HEADS, head) && !organisationWord(flags, i, end))) {
          type = 7; // "Marshall Plan", "Uruguay Round", "Eurovision Song Contest", "Monroe Doctrine"
        } else if (type != 7 && (listed(WAR_HEADS, head) || listed(BATTLES, words[i]) && words[i + 1].equals("of"))
            && !organisationWord(flags, i, end)) {
          type = 7;
        } else if (type == 3 && eventOf(words, i, end) && !organisationWord(flags, i, end)) {
          type = 7; // "World Series of Golf", "Africa Cup of Nations", "Tour of Britain"
        }
      }
      for (int k = i; k < end; k++) {
        labels[k] = k == i ? type : type + 1;
      }
      i = end - 1;
    }
  }

  /** Event words that name a competition before "of": "World Series of Poker", "Cup of Nations", "Tour of Britain". */
  private static final Set<String> EVENTS_OF = WordSet.of("Series", "Cup", "Championship", "Championships", "Tour", "Games",
      "Trophy", "Classic", "Prix", "Rally");

  private static boolean eventOf(String[] words, int i, int end) {
    for (int k = i; k + 2 < end; k++) {
      if (EVENTS_OF.contains(words[k]) && words[k + 1].equals("of")) {
        return true;
      }
    }
    return false;
  }

  /** Whose work is read by analysts at, economists at, dealers at: a firm ("analysts at Jardine Fleming"). */
  private static final Set<String> MARKET_PEOPLE = WordSet.of("analyst", "analysts", "economist", "economists", "strategist",
      "strategists", "dealer", "dealers", "trader", "traders", "broker", "brokers", "banker", "bankers", "manager",
      "managers", "researcher", "researchers", "partner", "partners", "consultant", "consultants");

  /**
   * A name read as a person after "analysts at" is the firm they work at, and so is a name of two words or more read
   * as a place when one of them is no place's ("economist at Bankgesellschaft Berlin"; not "dealers at Tokyo").
   */
  private static void firms(String[] words, int[] flags, int[] labels) {
    for (int i = 2; i < words.length; i++) {
      if ((labels[i] == 1 || labels[i] == 5) && words[i - 1].equals("at") // the label first
          && MARKET_PEOPLE.contains(words[i - 2].toLowerCase(java.util.Locale.ROOT))) { // "Analysts at" too
        int end = NewswireTagger.end(labels, i);
        boolean firm = labels[i] == 1;
        for (int k = i; k < end && !firm && end - i >= 2; k++) {
          firm = (flags[k] & (Lexicon.PLACE_B | Lexicon.PLACE_I | Lexicon.COUNTRY | Lexicon.REGION)) == 0;
        }
        if (!firm) {
          continue;
        }
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 3 : 4;
        }
      }
    }
  }

  /** The endings of German and Dutch compounds that name a bank, an insurer or a works: "Commerzbank", "Sparkasse". */
  private static final String[] FINANCIAL_ENDINGS = {"bank", "gesellschaft", "kasse", "versicherung", "werke"};

  /**
   * A name read as a place or a person that holds such a compound is a company: "Bankgesellschaft Berlin",
   * "Landesbank Hessen-Thueringen". The compound must be longer than its ending: "Bank" alone is the head of "West
   * Bank" and "Dogger Bank", places.
   */
  private static void financialCompounds(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 1 && labels[i] != 5) {
        continue; // the label first
      }
      int end = NewswireTagger.end(labels, i);
      boolean firm = false;
      for (int k = i; k < end && !firm; k++) {
        String word = words[k].toLowerCase(java.util.Locale.ROOT);
        for (String ending : FINANCIAL_ENDINGS) {
          firm |= word.length() >= ending.length() + 3 && word.endsWith(ending) && Character.isLetter(word.charAt(0))
              && Character.isLetter(word.charAt(word.length() - ending.length() - 1)); // not "River-Bank"
        }
      }
      if (firm) {
        for (int k = i; k < end; k++) {
          labels[k] = k == i ? 3 : 4;
        }
      }
      i = end - 1;
    }
  }

  /** Polling firms whose names are also places or family names: "Gallup" is a town in New Mexico. */
  private static final Set<String> POLLSTERS = WordSet.of("Gallup", "Harris", "MORI", "ICM", "NOP", "Ipsos", "Zogby",
      "Rasmussen", "YouGov", "Forsa", "Emnid", "Infratest", "Allensbach", "Sofres", "Ifop", "IFOP", "BVA", "CSA",
      "Datafolha", "Ibope", "Populus", "ComRes", "Angus", "Nielsen", "Quinnipiac", "Marist", "Levada", "VCIOM");
  private static final Set<String> POLLS = WordSet.of("poll", "polls", "survey", "surveys", "organisation",
      "organization", "institute", "opinion");

  /**
   * A polling firm's name before "poll" or "survey", or right after "pollster", is that firm: "a Gallup survey",
   * "Pollsters Harris said" (a town, a person). "a Texas poll" is no firm: the name must be a pollster's.
   */
  private static void pollsters(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      boolean alone = oneWord(labels, i);
      if (!POLLSTERS.contains(words[i]) || labels[i] == 3 || !alone) {
        continue; // only a name of one word: "Kamala Harris" stays a person
      }
      boolean before = i + 1 < words.length && POLLS.contains(words[i + 1]);
      boolean after = i > 0 && (words[i - 1].equalsIgnoreCase("pollster") || words[i - 1].equalsIgnoreCase("pollsters"));
      if (before || after) {
        labels[i] = 3;
      }
    }
  }

  /** Religious and princely styles that are the names their bearers go by ("Dalai Lama", "Aga Khan"). */
  private static final String[][] STYLES = {{"Dalai", "Lama"}, {"Panchen", "Lama"}, {"Aga", "Khan"}};

  /** A style that a person goes by is that person, whatever the model read: "Dalai Lama" had been an organisation. */
  private static void styledNames(String[] words, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      for (String[] style : STYLES) {
        if (words[i].equals(style[0]) && words[i + 1].equals(style[1]) && labels[i] != 2 && labels[i] != 4
            && labels[i] != 6 && labels[i] != 8 && (i + 2 == words.length || labels[i + 2] % 2 == 1
            || labels[i + 2] == 0)) {
          labels[i] = 1;
          labels[i + 1] = 2;
        }
      }
    }
  }

  /** Racing teams named after their founders, which the model reads as the founders. */
  private static final Set<String> CONSTRUCTORS = WordSet.of("Williams", "Jordan", "Tyrrell", "Stewart", "Prost",
      "Brabham", "Sauber", "Haas", "Penske", "Ganassi");

  /**
   * In a motor-racing document ("Grand Prix", "Formula One"), a racing team named after its founder and read as a
   * person alone is the team: "Damon Hill of Williams". Not when the document names a person in full with it
   * ("Jackie Stewart ... Stewart said").
   */
  private static void constructors(String[] words, int[] labels) {
    boolean racing = false;
    Set<String> people = new HashSet<>();
    for (int i = 0; i + 1 < words.length; i++) {
      racing |= words[i].equals("Grand") && words[i + 1].equalsIgnoreCase("Prix")
          || words[i].equals("Formula") && (words[i + 1].equals("One") || words[i + 1].equals("1"));
      if (labels[i + 1] == 2 && CONSTRUCTORS.contains(words[i + 1])) {
        people.add(words[i + 1]);
      }
    }
    if (!racing) {
      return;
    }
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 1 && CONSTRUCTORS.contains(words[i]) && !people.contains(words[i])
          && (i + 1 == words.length || labels[i + 1] != 2)) {
        labels[i] = 3;
      }
    }
  }

  /**
   * The trades that end a company's name after a people's name: "South African Breweries", "Norwegian Cruise Line",
   * "British Aerospace".
   */
  private static final Set<String> TRADES = WordSet.of("Telecom", "Telecoms", "Telekom", "Telecommunications",
      "Petroleum", "Steel", "Motors", "Industries", "Holdings", "Securities", "Insurance", "Shipping", "Chemicals",
      "Pharmaceuticals", "Electronics", "Breweries", "Brewery", "Mines", "Mining", "Power", "Cement", "Airlines",
      "Airways", "Airline", "Line", "Lines", "Railways", "Railway", "Aerospace", "Aviation", "Gas", "Oil", "Energy",
      "Motor", "Tobacco", "Foods", "Broadcasting", "Television", "Airports", "Utilities", "Bank");

  /**
   * A people's name the model read as a miscellany, then up to three capitalised words ending with a trade, is one
   * company: "South African" and "Breweries", "Norwegian" and "Cruise Line", "Malaysian Airline System" aside (its
   * last word is no trade). Not "French President Macron" nor "British Parliament": no trade ends them.
   */
  private static void nationalFirms(String[] words, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 7) {
        continue; // the label first: this runs for every token
      }
      int j = NewswireTagger.end(labels, i);
      if (j - i >= 2 && j - i <= 4 && (flags[i] & Lexicon.DEMONYM) != 0 && TRADES.contains(words[j - 1])) {
        for (int m = i; m < j; m++) {
          labels[m] = m == i ? 3 : 4; // read as one miscellany with its trade: "British Aerospace"
        }
        i = j - 1;
        continue;
      }
      if (j - i > 2 || (flags[j - 1] & Lexicon.DEMONYM) == 0) {
        i = j - 1;
        continue;
      }
      int k = j;
      while (k < words.length && k - j < 3 && Character.isUpperCase(words[k].charAt(0))
          && (labels[k] == 0 || labels[k] % 2 == 0 || labels[k] == 1 || labels[k] == 3)) {
        k++;
      }
      if (k > j && TRADES.contains(words[k - 1]) && (k == words.length || labels[k] == 0 || labels[k] % 2 == 1)) {
        for (int m = i; m < k; m++) {
          labels[m] = m == i ? 3 : 4;
        }
      }
      i = Math.max(i, k - 1);
    }
  }

  private static final Set<String> WEEKDAYS = WordSet.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday");

  private static final Set<String> MONTHS = WordSet.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
      "Sept", "Oct", "Nov", "Dec", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  /**
   * A dateline's place ("NEW YORK 1996-08-27", "LONDON, Aug 27") is a place, whatever the rest of the document makes
   * of the same name: in a baseball round-up datelined New York, the standings' "NEW YORK" is a club, and the
   * document's consistency had made the dateline one too. Runs last.
   */
  private static final Set<String> SPORTS = WordSet.of("rugby", "golf", "tennis", "soccer", "football", "cricket",
      "cycling", "athletics", "boxing", "basketball", "baseball", "hockey", "skiing", "swimming", "sailing", "rowing",
      "motorsport", "racing", "snooker", "darts", "badminton", "volleyball", "handball", "judo", "wrestling", "sport",
      "sports");

  /**
   * A sport's name heading a line before a colon or a dash is the desk's label, no name: "Rugby: England name new
   * captain" ("Rugby" is also a town in England), "Golf - Woods leads".
   */
  static void sportHeads(String[] words, boolean[] newLine, int[] labels) {
    for (int i = 0; i + 1 < words.length; i++) {
      boolean head = (i == 0 || newLine[i]) && !newLine[i + 1] && SPORTS.contains(words[i].toLowerCase(java.util.Locale.ROOT))
          && (words[i + 1].equals(":") || words[i + 1].equals("-") || words[i + 1].equals("–"));
      if (head && labels[i] % 2 == 1 && NewswireTagger.end(labels, i) == i + 1) {
        labels[i] = 0;
      }
    }
  }

  static void datelines(String[] words, boolean[] newLine, int[] flags, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if ((i == 0 || newLine[i]) && labels[i] == 0) {
        untaggedDateline(words, newLine, labels, i);
      }
      if (!(i == 0 || newLine[i]) || labels[i] % 2 != 1) {
        continue;
      }
      int j = NewswireTagger.end(labels, i);
      int k = j < words.length && !newLine[j] && words[j].equals(",") ? j + 1 : j;
      boolean dated = k < words.length && !newLine[k]
          && (NewswireTagger.DATE.matcher(words[k]).matches() || MONTHS.contains(bare(words[k])) || isoDate(words, k));
      boolean dashed = !dated && dashed(words, newLine, i, j);
      if ((dated || dashed) && labels[i] != 5 && (flags[i] & Lexicon.PLACE_B) != 0) {
        for (int m = i; m < j; m++) {
          labels[m] = m == i ? 5 : 6;
        }
      }
      // The rest of a place in capitals that the model cut short: "CAPE" of "CAPE CANAVERAL - ".
      while (dashed && labels[i] == 5 && j < words.length && !newLine[j] && Token.allCaps(words[j])) {
        labels[j++] = 6; // "PLATEAU DE BEILLE - ": the whole run of capitals before the dash
      }
      if (j < words.length && labels[j] % 2 == 0 && labels[j] != 0) {
        labels[j] = labels[j] - 1; // what followed inside another name starts it
      }
      i = j - 1;
    }
  }

  /**
   * A place in capitals that the model left out of a dateline that names its country and its date: "AL-AIN , United
   * Arab Emirates 1996-12-06". One to three words in capitals opening the line, a comma, one to four capitalised
   * words, the date, and nothing more on the line.
   */
  private static void untaggedDateline(String[] words, boolean[] newLine, int[] labels, int i) {
    int j = i;
    while (j < words.length && j - i < 3 && (j == i || !newLine[j]) && labels[j] == 0 && Token.allCaps(words[j])) {
      j++;
    }
    if (j == i || j + 2 >= words.length || !words[j].equals(",") || newLine[j]) {
      return;
    }
    int k = j + 1;
    while (k < words.length && k - j <= 4 && !newLine[k] && !words[k].isEmpty()
        && Character.isUpperCase(words[k].charAt(0))) {
      k++;
    }
    // The date as one token (CoNLL text) or as running text's five ("1996 - 12 - 06"), ending the line.
    int after = k < words.length && NewswireTagger.DATE.matcher(words[k]).matches() ? k + 1 : isoDate(words, k) ? k + 5 : -1;
    boolean dated = k > j + 1 && after > 0 && !newLine[k] && (after == words.length || newLine[after]);
    if (dated) {
      for (int m = i; m < j; m++) {
        labels[m] = m == i ? 5 : 6;
      }
    }
  }

  /**
   * A place in capitals opening a line, then a dash or an agency in brackets, after up to four words of its region
   * or country: "LEEDS, England - ", "SANTA CLARA, Calif. (Reuters) - ", "LE LAC - ". Feeds write datelines so.
   */
  private static boolean dashed(String[] words, boolean[] newLine, int i, int j) {
    for (int m = i; m < j; m++) {
      if (!Token.allCaps(words[m])) {
        return false;
      }
    }
    int k = j < words.length && words[j].equals(",") ? j + 1 : j;
    for (int m = k; m < words.length && m <= k + 4 && !newLine[m]; m++) {
      String w = words[m];
      if (w.equals("-") || w.equals("–") || w.equals("—") || w.equals("--") || w.equals("(")) {
        return true;
      }
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) && !w.equals(".") && !w.equals(",")) {
        return false;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
  private static final java.util.regex.Pattern TWO_DIGITS = java.util.regex.Pattern.compile("\\d{2}");

  /** "1996-08-22" as running text's tokens have it: the year, a hyphen, the month, a hyphen, the day. */
  private static boolean isoDate(String[] words, int k) {
    return k + 4 < words.length && FOUR_DIGITS.matcher(words[k]).matches() && words[k + 1].equals("-")
        && TWO_DIGITS.matcher(words[k + 2]).matches() && words[k + 3].equals("-") && TWO_DIGITS.matcher(words[k + 4]).matches();
  }

  /** Arabic articles and kinship words that open names in lower case ("al-Assad", "bin-Laden"). */
  private static final Set<String> LOWER_OPENERS = WordSet.of("al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "abu",
      "bin", "ibn", "bint", "ben", "ould");

  /**
   * Drops the name's opening words that are lower-case compounds ("the state-run Anatolian news agency", "so-called
   * Islamic State"): no name opens with one but a particle of descent or an Arabic article ("al-Assad"). Returns the
   * new start.
   */
  private static int trimStart(String[] words, int[] labels, int i, int j) {
    while (i + 1 < j && lowerCompound(words[i])) {
      labels[i + 1] = labels[i];
      labels[i++] = 0;
    }
    return i;
  }

  private static boolean lowerCompound(String w) {
    int hyphen = w.indexOf('-');
    return hyphen > 0 && hyphen < w.length() - 1 && w.equals(w.toLowerCase(java.util.Locale.ROOT))
        && Character.isLetter(w.charAt(0)) && !LOWER_OPENERS.contains(w.substring(0, hyphen));
  }

  /** Drops the name's closing words that no name ends with; returns its new end. */
  private static int trimEnd(String[] words, int[] labels, int i, int j, Lexicon lexicon) {
    // A head word in lower case stays ("Premier league"); "final" of "Davis Cup final" goes.
    // A person's name never ends with a weekday ("John Rankin Thursday said"), though an event's may ("Good Friday").
    // Nor does a name end with a question mark, a comma or an opening bracket ("Erin Andrews ?", "Onassis [").
    while (j - 1 > i && (lowerCaseWord(words[j - 1]) && !lexicon.isNameHead(words[j - 1])
        || TRAILING.contains(words[j - 1]) || PARTICLES.contains(words[j - 1]) // "Jets for the", "Heart of"
        || CLOSERS.contains(words[j - 1]) || ONLY_TITLES.contains(bare(words[j - 1])) || OFFICERS.contains(words[j - 1])
        || labels[i] == 1 && listed(WEEKDAYS, words[j - 1]))) {
      labels[--j] = 0;
    }
    if (j == i + 1 && (CLOSERS.contains(words[i]) || ONLY_TITLES.contains(bare(words[i])))) {
      labels[i] = 0; // "Sen" or "Congressman" alone is no name
      return i;
    }
    if (j > i + 2 && OFFICERS.contains(words[i]) && words[i + 1].equals("of")) {
      labels[i + 2] = labels[i]; // "CEO of Tesla" is Tesla
      labels[i] = 0;
      labels[i + 1] = 0;
    }
    return j;
  }

  /**
   * A title the model read into a name ("Congressman James Clyburn", "Vice-President Mike Pence", "Transport
   * Secretary Grant Shapps") is not part of it, and what follows is a person when it is one by its words: a known
   * given name, or a person's type already. What comes before the title keeps a type of its own only if it is a
   * known organisation ("Labour MP Chi Onwurah"), a nationality or a place.
   */
  private static void titles(String[] words, int[] labels, int[] flags, Lexicon lexicon, int i, int j) {
    if (labels[i] != 1 && labels[i] != 3) {
      return; // "Prince Edward Island" is a place
    }
    int last = -1;
    for (int k = i; k < j - 1; k++) {
      if (!Character.isUpperCase(words[k].charAt(0))) {
        break;
      }
      // "General" is a title after another ("Attorney General") or before a given name, not in "General Motors".
      boolean general = words[k].equals("General")
          && (k > i && k - 1 == last || (flags[k + 1] & Lexicon.PERSON_NAME) != 0);
      if (isTitle(words[k]) || general || lexicon.isTitle(words[k]) && !words[k].equals("General")
          || OFFICERS.contains(words[k])) {
        last = k;
      }
    }
    if (last < 0 || !Character.isUpperCase(words[last + 1].charAt(0))) {
      return;
    }
    int rest = last + 1;
    // An organisation's name is a person's after the title only if it reads as one: a known given name and one or
    // two more words ("Vice-President Mike Pence"), never one word ("General Mills").
    // A company's officer with two or three words after it is a person too ("Microsoft CEO Satya Nadella").
    boolean person = labels[i] == 1 || ONLY_TITLES.contains(bare(words[last])) && j - rest <= 3
        || ((flags[rest] & Lexicon.PERSON_NAME) != 0 || OFFICERS.contains(words[last])) && j - rest >= 2
        && j - rest <= 3;
    for (int k = rest; k < j && person; k++) {
      person = (flags[k] & (Lexicon.ORG_WORD | Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) == 0;
    }
    if (!person) {
      return;
    }
    labels[rest] = 1;
    for (int k = rest + 1; k < j; k++) {
      labels[k] = 2;
    }
    // The words before the title: "Labour" of "Labour MP", "British" of "British Prime Minister".
    int firstTitle = i;
    while (firstTitle < last && !(isTitle(words[firstTitle]) || lexicon.isTitle(words[firstTitle])
        || OFFICERS.contains(words[firstTitle]))) {
      firstTitle++;
    }
    int was = labels[i];
    for (int k = i; k <= last; k++) {
      labels[k] = 0;
    }
    if (firstTitle > i) {
      // What an organisation's officer is named after is the organisation ("Acme CEO").
      int type = (flags[i] & Lexicon.KNOWN_ORG_B) != 0 || was == 3 && OFFICERS.contains(words[firstTitle]) ? 3
          : firstTitle == i + 1 && lexicon.isDemonym(words[i]) ? 7
          : (flags[i] & Lexicon.PLACE_B) != 0 ? 5 : 0;
      if (type != 0) {
        for (int k = i; k < firstTitle; k++) {
          labels[k] = k == i ? type : type + 1;
        }
      }
    }
  }

  /**
   * A single word derived from a nationality or a place, MISC by the CoNLL-2003 conventions as nationalities are: a
   * nationality inside a hyphenated word ("German-born", "pro-Iranian", "Israeli-Palestinian", "Serb-held"), a
   * place qualifying a word in lower case ("Munich-based", "U.S.-led"), or a city's or region's people
   * ("Chicagoans", "Londoners").
   */
  static boolean misc(String word, int flags, Lexicon lexicon) {
    int hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length() - 1) {
      String[] parts = word.split("-");
      boolean demonym = false;
      boolean lower = parts.length > 1;
      for (int k = 0; k < parts.length; k++) {
        if (parts[k].isEmpty()) {
          return false;
        }
        demonym |= lexicon.isDemonym(parts[k]);
        lower &= k == 0 || lowerCaseWord(parts[k]);
      }
      if (lower && Character.isUpperCase(parts[0].charAt(0)) && lexicon.isPlace(parts[0])) {
        return true;
      }
      // "pro-Iranian" and "Sino-Japanese" but not a hyphenated name ("Jean-Pierre", "Guinea-Bissau").
      return demonym && (Character.isUpperCase(parts[0].charAt(0)) || NEGATED.contains(parts[0]));
    }
    return Character.isUpperCase(word.charAt(0)) && (flags & Lexicon.PERSON_NAME) == 0 && cityPeople(word, lexicon);
  }

  private static boolean cityPeople(String word, Lexicon lexicon) {
    String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    for (String suffix : new String[] {"ian", "an", "n", "ite", "er"}) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        String stem = w.substring(0, w.length() - suffix.length());
        // "Londoner", "Chicagoan", and "Nashvillian", whose place drops its final "e".
        boolean place = lexicon.isPlace(stem) || lexicon.isPlace(stem + "e");
        if (place && !lexicon.isPlace(w) && !lexicon.isEnglishWord(w.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean never(String word) {
    String w = bare(word).replace('’', '\'');
    // Nor is a particle ("al" of "et al") or a letter ("A" opening a sentence, "D" of "3-D"), but "X" is a company.
    boolean letter = w.length() == 1 && Character.isLetter(w.charAt(0)) && !w.equals("X");
    // A headline's capitals too: "PRESS DIGEST - IRAQ - AUG 22", "TALKS RESUME ON MONDAY".
    boolean capitals = w.length() >= 3 && Token.allCaps(w) && NEVER.contains(capitalised(w));
    return NEVER.contains(w) || PARTICLES.contains(w) || letter || capitals
        || PARTY_AND_STATE.matcher(w).matches() && !w.equalsIgnoreCase("D-Day")
        || w.endsWith("'d") || w.endsWith("'ve") || w.endsWith("'m") || w.endsWith("'ll") || w.endsWith("'re");
  }

  private static boolean isTitle(String word) {
    return TITLES.contains(bare(word));
  }

  /** In the list as written, or as running text writes a word set in capitals ("ASSOCIATION"; "FC" as it is). */
  private static boolean organisationWord(int[] flags, int from, int to) {
    for (int k = from; k < to; k++) {
      if ((flags[k] & (Lexicon.ORG_WORD | Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word at i stands alone: untagged, or a name of that one word. */
  private static boolean oneWord(int[] labels, int i) {
    return labels[i] == 0 || labels[i] % 2 == 1 && NewswireTagger.end(labels, i) == i + 1;
  }

  private static boolean listed(Set<String> list, String word) {
    return list.contains(word) || list.contains(capitalised(word));
  }

  /** A word in capitals as running text writes it: "ASSOCIATION" as "Association". */
  static String capitalised(String word) {
    return Token.allCaps(word) ? word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT) : word;
  }

  private static String bare(String word) {
    return word.length() > 1 && word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
  }

  private static boolean lowerCaseWord(String w) {
    if (PARTICLES.contains(w)) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isLowerCase(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
