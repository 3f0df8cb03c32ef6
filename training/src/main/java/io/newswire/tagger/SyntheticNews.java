package io.newswire.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates annotated training sentences from templates written for the project, with names drawn from the
 * gazetteer, the name list and generated organisation names. It widens what the model sees (thousands of
 * names, places and organisations from every region, sport results, datelines, capitalised headlines) beyond
 * what hand-annotated text can cover; the hand-annotated articles and wikigold keep it honest.
 */
final class SyntheticNews {
  private static final String[] TEMPLATES = {
      "{DEMONYM} {TITLE} {PER} said on {DAY} that {COUNTRY} would not accept the proposal .",
      "{PER} , a spokesman for {ORG} , told reporters in {CITY} that the talks would continue next week .",
      "Shares in {COMPANY} rose {NUM} percent in {CITY} after the company reported higher quarterly profits .",
      "{CLUB} beat {CLUB} {SCORE} on {DAY} , with {PER} scoring twice in the second half .",
      "{CITYCAPS} {DATE} - {ORG} said on {DAY} it had agreed to buy {COMPANY} for {NUM} million dollars .",
      "{CLUB} {N} {CLUB} {N}",
      "{PER} ( {COUNTRY} ) {TIME}",
      "{N} . {PER} ( {COUNTRY} ) {N} points",
      "{COUNTRY} and {COUNTRY} signed a trade agreement in {CITY} on {DAY} .",
      "The {DEMONYM} government said {N} people were killed when floods hit {CITY} and nearby villages .",
      "{TITLE} {PER} arrived in {CITY} for talks with {DEMONYM} officials on security and trade .",
      "\" We are ready to work with anyone , \" {PER} told {MEDIA} .",
      "{PER} , who joined {COMPANY} in {YEAR} , will become chief executive in {MONTH} .",
      "Police in {CITY} arrested {N} people after protests against the {DEMONYM} embassy .",
      "{ORG} warned that the conflict in {COUNTRY} could spread to {COUNTRY} .",
      "{PER} won the {EVENT} on {DAY} , beating {PER} of {COUNTRY} in the final .",
      "The {EVENT} will be held in {CITY} in {MONTH} , organisers said .",
      "{MEDIA} reported that {PER} had met {PER} in {CITY} last week .",
      "{COMPANY} , based in {CITY} , makes parts for {DEMONYM} carmakers .",
      "According to {ORG} , prices in {COUNTRY} rose {NUM} percent in {MONTH} .",
      "{PER} told {MEDIA} : \" This is a good day for {COUNTRY} . \"",
      "{DEMONYM} forces shelled positions near {CITY} , {ORG} said .",
      "The {ORG} said {PER} had been elected chairman at a meeting in {CITY} .",
      "{PER} was born in {CITY} , {COUNTRY} , in {YEAR} and studied at the {UNIVERSITY} .",
      "{SPORT} - {COUNTRYCAPS} BEAT {COUNTRYCAPS} IN {CITYCAPS} .",
      "{SPORT} - {CLUBCAPS} SIGN {PERCAPS} .",
      "{COUNTRY} 's {TITLE} {PER} will visit {COUNTRY} next month , the {ORG} said .",
      "In {CITY} , {PER} said the {EVENT} had been a success for {DEMONYM} athletes .",
      "{COUNTRY} beat {COUNTRY} {SCORE} in a World Cup qualifier on {DAY} .",
      "{PER} ( {CLUB} ) {N} , {PER} ( {CLUB} ) {N} .",
      "Mr {PER_LAST} said {COMPANY} would cut {N} jobs in {COUNTRY} .",
      "{PER_FIRST} and {PER_FIRST} were among the {N} passengers rescued off {CITY} .",
      "It was the first time since {YEAR} that {CLUB} had won in {CITY} .",
      "{ORG} and {ORG} agreed to share data on the outbreak in {CITY} .",
      "Officials from {ORG} met {DEMONYM} and {DEMONYM} diplomats in {CITY} on {DAY} .",
      "{PER} , {NUM} , is the {DEMONYM} who won the {EVENT} last year .",
      "{CITY} ( {ORG} ) - {COMPANY} said on {DAY} that net profit fell .",
      "Speaking in {LANGUAGE} , {PER} thanked the people of {CITY} .",
  };
  private static final String[] TITLES = {"President", "Prime Minister", "Foreign Minister", "Finance Minister",
      "Defence Minister", "General", "Governor", "Mayor", "Senator", "coach", "chief executive", "Chancellor", "Judge",
      "Ambassador", "opposition leader", "Interior Minister", "King", "Colonel", "Dr", "striker"};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  private static final String[] CLUB_SUFFIX = {"United", "City", "FC", "Rovers", "Athletic", "Wanderers", "Town",
      "Dynamo", "Sporting", "Olympic", "Rangers", "Albion", "County", "Real", "Inter"};
  private static final String[] COMPANY_SUFFIX = {"Corp", "Group", "Holdings", "Inc", "Ltd", "Bank", "Airlines",
      "Motors", "Energy", "Pharmaceuticals", "Capital", "Partners", "Media", "Telecom", "Steel", "Mining", "Foods",
      "Insurance", "Systems", "Electric", "Petroleum", "Securities", "AG", "SA", "plc"};
  private static final String[] INSTITUTIONS = {"Ministry of Defence", "Ministry of Finance", "Ministry of Health",
      "Central Bank", "Red Cross", "Football Federation", "Olympic Committee", "Supreme Court", "Electoral Commission",
      "Army", "Navy", "Parliament", "Stock Exchange", "Chamber of Commerce", "Human Rights Commission",
      "National Party", "Democratic Party", "Socialist Party", "Labour Party", "People's Front", "Liberal Alliance"};
  private static final String[] MEDIA = {"Reuters", "the Associated Press", "Agence France-Presse", "the BBC",
      "state television", "Xinhua", "Interfax", "the Financial Times", "reporters", "a news conference"};
  private static final String[] EVENTS = {"World Cup", "Olympic Games", "Tour de France", "Grand Prix", "Marathon",
      "Open", "Championship", "Cup final", "Film Festival", "Book Fair", "World Championships", "Masters"};
  private static final String[] SPORTS = {"SOCCER", "TENNIS", "CRICKET", "GOLF", "RUGBY UNION", "ATHLETICS",
      "BASKETBALL", "CYCLING", "MOTOR RACING"};
  private static final String[] LANGUAGES = {"English", "French", "Spanish", "Arabic", "Russian", "Swahili",
      "Mandarin", "Hindi", "Portuguese", "German", "Turkish", "Japanese"};

  private final Random random;
  private final List<String> names;
  private final List<String> cities;
  private final List<String> countries;
  private final List<String> demonyms;

  SyntheticNews(long seed) {
    this.random = new Random(seed);
    this.names = new ArrayList<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/person-names.txt")) {
      if (row[0].matches("\\p{Lu}\\p{Ll}+")) {
        names.add(row[0]);
      }
    }
    this.cities = new ArrayList<>();
    this.countries = new ArrayList<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/gazetteer.tsv")) {
      if (row[0].matches("[\\p{L} '-]+")) {
        if (row[6].equals("country")) {
          countries.add(row[0]);
        } else if (Long.parseLong(row[7]) >= 50_000 && !row[6].equals("region")) {
          cities.add(row[0]);
        }
      }
    }
    this.demonyms = new ArrayList<>();
    for (String[] row : Resources.tsv("/io/newswire/tagger/demonyms.tsv")) {
      demonyms.add(row[0]);
    }
  }

  /** One document of a few generated sentences in the corpus's inline format, space-tokenised. */
  List<String> document(int sentences) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      out.add(sentence(TEMPLATES[random.nextInt(TEMPLATES.length)]));
    }
    return out;
  }

  private String sentence(String template) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        sb.append(template.substring(i));
        break;
      }
      sb.append(template, i, open);
      int close = template.indexOf('}', open);
      sb.append(fill(template.substring(open + 1, close)));
      i = close + 1;
    }
    return sb.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String person() {
    return random.nextInt(5) == 0 ? pick(names) + " " + pick(names) + " " + pick(names) : pick(names) + " " + pick(names);
  }

  private String organisation() {
    return switch (random.nextInt(6)) {
      case 0 -> pick(demonyms) + " " + pick(INSTITUTIONS);
      case 1 -> pick(INSTITUTIONS);
      case 2 -> acronym();
      case 3 -> "University of " + pick(cities);
      case 4 -> company();
      default -> pick(cities) + " " + pick(INSTITUTIONS);
    };
  }

  private String company() {
    return random.nextBoolean() ? pick(names) + " " + pick(COMPANY_SUFFIX) : pick(cities) + " " + pick(COMPANY_SUFFIX);
  }

  private String acronym() {
    StringBuilder sb = new StringBuilder();
    int n = 2 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      sb.append((char) ('A' + random.nextInt(26)));
    }
    return sb.toString();
  }

  private String club() {
    return random.nextBoolean() ? pick(cities) + " " + pick(CLUB_SUFFIX) : pick(cities);
  }

  private static String mark(String type, String text) {
    return "[" + type + " " + text + "]";
  }

  private String fill(String slot) {
    return switch (slot) {
      case "PER" -> mark("PER", person());
      case "PER_FIRST" -> mark("PER", pick(names));
      case "PER_LAST" -> mark("PER", pick(names));
      case "PERCAPS" -> mark("PER", person().toUpperCase(Locale.ROOT));
      case "ORG" -> mark("ORG", organisation());
      case "COMPANY" -> mark("ORG", company());
      case "UNIVERSITY" -> mark("ORG", "University of " + pick(cities));
      case "CLUB" -> mark("ORG", club());
      case "CLUBCAPS" -> mark("ORG", club().toUpperCase(Locale.ROOT));
      case "MEDIA" -> {
        String m = pick(MEDIA);
        yield m.startsWith("the ") && Character.isUpperCase(m.charAt(4)) ? "the " + mark("ORG", m.substring(4))
            : Character.isUpperCase(m.charAt(0)) && !m.equals("Xinhua") || m.equals("Xinhua") ? mark("ORG", m) : m;
      }
      case "CITY" -> mark("LOC", pick(cities));
      case "CITYCAPS" -> mark("LOC", pick(cities).toUpperCase(Locale.ROOT));
      case "COUNTRY" -> mark("LOC", pick(countries));
      case "COUNTRYCAPS" -> mark("LOC", pick(countries).toUpperCase(Locale.ROOT));
      case "DEMONYM" -> mark("MISC", pick(demonyms));
      case "LANGUAGE" -> mark("MISC", pick(LANGUAGES));
      case "EVENT" -> mark("MISC", random.nextBoolean() ? pick(cities) + " " + pick(EVENTS) : pick(EVENTS));
      case "TITLE" -> pick(TITLES);
      case "DAY" -> pick(DAYS);
      case "MONTH" -> pick(MONTHS);
      case "SPORT" -> pick(SPORTS);
      case "YEAR" -> String.valueOf(1950 + random.nextInt(75));
      case "DATE" -> (1990 + random.nextInt(35)) + "-" + String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
      case "NUM" -> String.valueOf(1 + random.nextInt(90));
      case "N" -> String.valueOf(random.nextInt(12));
      case "SCORE" -> random.nextInt(5) + "-" + random.nextInt(4);
      case "TIME" -> (9 + random.nextInt(2)) + "." + (10 + random.nextInt(89));
      default -> throw new IllegalStateException("Unknown slot " + slot);
    };
  }
}
