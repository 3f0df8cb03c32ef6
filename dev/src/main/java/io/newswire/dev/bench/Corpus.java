package io.newswire.dev.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic generator of news-like articles for benchmarks: article {@code n} of a seed is always the
 * same text. What enrich does beyond tagging depends on how a stream repeats itself, so the generator follows
 * what real pages show rather than repeating a few sentences: sentences are built word by word from a grammar
 * over wide vocabularies, so two unrelated articles share almost no four-word run (their fingerprints rarely
 * share a band); articles come in stories that share a cast of names; names are drawn from pools of thousands
 * with a long tail, so popular names recur and most do not; and 2 % of articles are lightly edited copies of a
 * recent article, as a feed carrying wire copy has. {@code newswire bench profile} compares it with a feed.
 */
public final class Corpus {
  private static final List<String> FIRST = words("""
      Amara Jonas Mei Rafael Ingrid Tariq Olena Kwame Lucia Hiroshi Fatima Piotr Nadia Samuel Elena Arjun Chloe
      Mateus Aisha Bjorn Camila Dmitri Esther Farid Greta Hamza Ines Javier Keiko Lars Maryam Nikolai Oluwaseun
      Priya Quentin Rosa Stefan Thandiwe Umar Valentina Wei Ximena Yusuf Zofia Adriana Bongani Carlos Dagny Emeka
      Francesca Gabriel Hana Ivan Jasmine Kofi Leila Marco Ngozi Oscar Paulina Ravi Sofia Tomasz Ursula Viktor
      Wanjiru Yara Zainab Anders Beatriz Cheng Daniela Eitan Folake Goran Helena Ibrahim Julia Kenji""");
  private static final List<String> LAST = words("""
      Okoye Lindqvist Chen Moreno Haugen Rahman Kovalenko Mensah Ferreira Sato Haddad Nowak Petrova Adeyemi Rossi
      Iyer Martin Abara Bergstrom Castillo Dlamini Eriksen Fonseca Gutierrez Hashemi Ibarra Jankowski Kamau
      Larsen Mbeki Nakamura Ortega Pillai Quispe Romero Szabo Tanaka Uchenna Vasquez Wojcik Yilmaz Zhou Albrecht
      Banerjee Cardoso Demir Esposito Fischer Gomes Horvat Islam Jensen Kaplan Lemaire Marchetti Novak Osei
      Popescu Qureshi Reyes Schmidt Takahashi Urbano Varga Weber Xavier Yamamoto Zapata Achterberg Boateng Conti""");
  private static final List<String> ROLES = List.of("President", "Prime Minister", "Finance Minister",
      "Health Minister", "Mayor", "General", "Judge", "Professor", "Chief Executive", "Coach", "Governor",
      "Senator", "Ambassador", "Police Chief", "Spokeswoman", "Spokesman", "Chairman", "Director", "Dr.",
      "Foreign Minister", "Opposition leader", "Economist", "Captain", "Commissioner");
  private static final List<String> CITIES = words("""
      Kyiv Paris Lagos Jakarta Toronto Nairobi Berlin Delhi Istanbul Tokyo Brussels Kharkiv Cairo Madrid Sydney
      Lisbon Warsaw Vienna Prague Budapest Athens Dublin Oslo Helsinki Stockholm Copenhagen Rome Milan Naples
      Geneva Zurich Munich Hamburg Lyon Marseille Seville Porto Krakow Odesa Lviv Ankara Tehran Baghdad Beirut
      Amman Riyadh Doha Dubai Karachi Lahore Mumbai Chennai Kolkata Dhaka Kathmandu Colombo Bangkok Hanoi Manila
      Seoul Busan Osaka Beijing Shanghai Shenzhen Taipei Singapore Perth Melbourne Auckland Santiago Lima Bogota
      Quito Caracas Havana Montevideo Asuncion Denver Chicago Boston Atlanta Houston Phoenix Seattle Miami
      Vancouver Montreal Calgary Accra Abuja Dakar Kinshasa Luanda Harare Lusaka Kampala Kigali Khartoum Tunis
      Algiers Casablanca Johannesburg Durban Windhoek Gaborone Maputo Mombasa Kabul Tashkent Almaty Baku Tbilisi
      Yerevan Minsk Vilnius Riga Tallinn Belgrade Zagreb Sarajevo Sofia Bucharest Chisinau Valletta Reykjavik""");
  private static final List<String> COUNTRIES = words("""
      Ukraine France Nigeria Indonesia Canada Kenya Germany India Turkey Japan Belgium Egypt Spain Australia
      Portugal Poland Austria Greece Ireland Norway Finland Sweden Denmark Italy Switzerland Iran Iraq Lebanon
      Jordan Qatar Pakistan Bangladesh Nepal Thailand Vietnam Philippines Korea China Taiwan Singapore Chile Peru
      Colombia Ecuador Venezuela Cuba Uruguay Paraguay Mexico Brazil Argentina Ghana Senegal Angola Zimbabwe
      Zambia Uganda Rwanda Sudan Tunisia Algeria Morocco Namibia Botswana Mozambique Afghanistan Uzbekistan
      Kazakhstan Azerbaijan Georgia Armenia Lithuania Latvia Estonia Serbia Croatia Bulgaria Romania Moldova""");
  private static final List<String> ORG_KINDS = List.of("Port Authority", "City Council", "Water Board",
      "Chamber of Commerce", "University", "Police", "Football Club", "Central Bank", "Stock Exchange",
      "Teachers Union", "Medical Association", "Transport Authority", "Electoral Commission", "Supreme Court",
      "Football Association", "Energy Regulator", "Red Cross", "Bar Association", "Farmers Union", "Airport");
  private static final List<String> COMPANY_KINDS = List.of("Holdings", "Logistics", "Energy", "Motors",
      "Pharmaceuticals", "Telecom", "Airlines", "Bank", "Mining", "Foods", "Steel", "Shipping", "Insurance",
      "Software", "Media Group", "Construction", "Chemicals", "Retail");
  private static final List<String> GLOBAL_ORGS = List.of("European Commission", "World Health Organization",
      "United Nations", "International Monetary Fund", "World Bank", "NATO", "African Union", "European Union",
      "Red Crescent", "Amnesty International", "World Trade Organization", "International Energy Agency",
      "European Central Bank", "Federal Reserve", "Interpol", "UNICEF", "Greenpeace", "OPEC", "FIFA",
      "International Olympic Committee", "Doctors Without Borders", "World Food Programme", "Human Rights Watch");

  /** One topic's words: things, doings (past tense, then present third person) and qualities. */
  private record Topic(List<String> nouns, List<String> past, List<String> present, List<String> adjectives,
      List<String> groups) {}

  private static final List<Topic> TOPICS = List.of(
      topic("budget talks coalition ballot referendum reform parliament vote campaign amendment mandate debate "
              + "constitution veto cabinet election candidate law bill",
          "approved rejected postponed announced blocked debated signed amended",
          "approves rejects postpones announces blocks debates signs amends",
          "contested narrow fragile sweeping controversial bipartisan provisional",
          "voters lawmakers deputies delegates senators campaigners"),
      topic("inflation exports tariffs profits shares bonds earnings merger takeover dividend deficit revenue "
              + "forecast currency loans investment prices wages",
          "rose fell slowed doubled recovered tumbled steadied climbed",
          "rises falls slows doubles recovers tumbles steadies climbs",
          "quarterly annual sluggish record volatile modest steep",
          "investors traders analysts shareholders economists bankers"),
      topic("offensive ceasefire troops drones artillery convoy frontline shelling airstrike battalion missiles "
              + "checkpoint siege garrison prisoners trenches",
          "attacked repelled shelled captured withdrew advanced intercepted surrounded",
          "attacks repels shells captures withdraws advances intercepts surrounds",
          "heavy fierce renewed sporadic coordinated overnight",
          "soldiers civilians refugees fighters commanders volunteers"),
      topic("flooding earthquake wildfire landslide storm drought evacuation aftershock rainfall cyclone "
              + "heatwave shelters rescue levees damage",
          "flooded destroyed damaged struck evacuated battered swept cut",
          "floods destroys damages strikes evacuates batters sweeps cuts",
          "torrential devastating deadly severe unprecedented widespread",
          "residents families villagers rescuers firefighters farmers"),
      topic("vaccine outbreak hospitals patients trial infections surgery clinics treatment diagnosis virus "
              + "cancer nurses prescriptions screening",
          "treated vaccinated tested diagnosed admitted discharged screened infected",
          "treats vaccinates tests diagnoses admits discharges screens infects",
          "clinical experimental chronic contagious rural paediatric",
          "doctors nurses patients researchers pharmacists midwives"),
      topic("championship final semifinal tournament league penalty goal transfer season striker goalkeeper "
              + "medal relay marathon qualifier derby",
          "won lost drew scored defended qualified equalised conceded",
          "wins loses draws scores defends qualifies equalises concedes",
          "dramatic decisive unbeaten stunning late comfortable",
          "fans players supporters athletes referees coaches"),
      topic("satellite telescope reactor battery algorithm chip rocket genome experiment laboratory software "
              + "robot network launch prototype",
          "launched tested developed measured detected sequenced unveiled deployed",
          "launches tests develops measures detects sequences unveils deploys",
          "orbital quantum autonomous renewable digital genetic",
          "engineers scientists astronomers programmers physicists researchers"),
      topic("fraud trial verdict indictment smuggling bribery arrest sentence appeal investigation raid "
              + "laundering testimony corruption warrant",
          "charged convicted acquitted arrested sentenced raided indicted questioned",
          "charges convicts acquits arrests sentences raids indicts questions",
          "alleged organised fraudulent undercover suspended lengthy",
          "prosecutors detectives suspects witnesses defendants jurors"),
      topic("strike wages pensions contracts layoffs overtime unions walkout negotiations shifts picket "
              + "bargaining redundancies apprentices",
          "struck negotiated walked picketed agreed demanded rejected balloted",
          "strikes negotiates walks pickets agrees demands rejects ballots",
          "industrial nationwide indefinite collective minimum seasonal",
          "workers drivers teachers miners dockers employees"),
      topic("emissions forests coal glaciers wetlands pollution recycling biodiversity solar turbines reef "
              + "carbon pesticides habitats",
          "polluted protected restored cleared banned melted planted cut",
          "pollutes protects restores clears bans melts plants cuts",
          "coastal protected endangered toxic sustainable arctic",
          "activists rangers conservationists fishermen scientists campaigners"),
      topic("festival exhibition album premiere museum gallery novel orchestra concert film theatre award "
              + "manuscript sculpture opera",
          "premiered exhibited released restored staged published performed acquired",
          "premieres exhibits releases restores stages publishes performs acquires",
          "acclaimed sold-out experimental restored forgotten annual",
          "artists critics audiences curators musicians writers"));

  private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday");
  private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December");
  private static final List<String> SAID = List.of("said", "told reporters", "said in a statement", "wrote",
      "told a news conference", "said on social media", "added", "warned", "insisted", "acknowledged");
  private static final List<String> ADVERBS = words("""
      sharply slowly quickly quietly openly repeatedly briefly narrowly largely partly formally reluctantly
      unexpectedly steadily jointly publicly privately""");
  private static final List<String> CONNECTIVES = List.of("after", "before", "while", "because", "although",
      "even as", "until", "once", "since", "as");
  private static final List<String> TIMES = List.of("last week", "on %s", "early on %s", "late on %s",
      "this month", "in %m", "since %m", "by the end of %m", "overnight", "earlier this year", "for the first time");
  private static final List<String> NOUNS = words("""
      plan report deal proposal decision statement agreement study review request figures data rules measures
      talks response offer system programme project policy budget deadline crisis question dispute demand""");
  private static final List<String> UNITS = List.of("percent", "million dollars", "billion euros", "people",
      "kilometres", "tonnes", "homes", "jobs", "votes", "days");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seed;
  private final int otherLanguagesPercent;
  private final List<String> people;
  private final List<String> organisations;
  private final List<String> places;

  public Corpus(long seed) {
    this(seed, 0);
  }

  /**
   * A corpus where about {@code otherLanguagesPercent} of the articles (chosen by number) are in German, French,
   * Spanish, Italian, Portuguese or Dutch, about the same stories' names; the English articles are the same as in a
   * corpus of the same seed without them.
   */
  public Corpus(long seed, int otherLanguagesPercent) {
    if (otherLanguagesPercent < 0 || otherLanguagesPercent > 100) {
      throw new IllegalArgumentException("otherLanguagesPercent must be 0..100, not " + otherLanguagesPercent);
    }
    this.seed = seed;
    this.otherLanguagesPercent = otherLanguagesPercent;
    SplittableRandom pools = new SplittableRandom(seed);
    // Half the people have a surname of the lists, half one made of syllables: a stream keeps meeting new names.
    this.people = distinct(pools, 30_000, r -> pick(r, FIRST) + " " + (r.nextBoolean() ? pick(r, LAST) : surname(r)));
    this.organisations = distinct(pools, 2_000, r -> switch (r.nextInt(4)) {
      case 0 -> pick(r, GLOBAL_ORGS);
      case 1 -> pick(r, LAST) + " " + pick(r, COMPANY_KINDS);
      default -> pick(r, CITIES) + " " + pick(r, ORG_KINDS);
    });
    List<String> p = new ArrayList<>(CITIES);
    p.addAll(COUNTRIES);
    java.util.Collections.shuffle(p, new java.util.Random(seed));
    this.places = p;
  }

  private static final List<String> SYLLABLES = words("""
      ka lo mi ren sa to vu bel dor fan gri hal jun kes lin mor nad pol rig sten tar vel wen zor an el is on ur""");

  private static String surname(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
      s.append(pick(r, SYLLABLES));
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }

  private static Topic topic(String nouns, String past, String present, String adjectives, String groups) {
    return new Topic(words(nouns), words(past), words(present), words(adjectives), words(groups));
  }

  private static List<String> distinct(SplittableRandom r, int count, java.util.function.Function<SplittableRandom,
      String> make) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (int tries = 0; out.size() < count && tries < count * 20; tries++) {
      out.add(make.apply(r));
    }
    return List.copyOf(out);
  }

  private static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** A long-tailed pick: index i with weight about 1/(i+10), so the head recurs and the tail is wide. */
  private static <T> T popular(SplittableRandom r, List<T> list) {
    double u = r.nextDouble();
    int i = (int) (10 * Math.pow((list.size() + 10) / 10.0, u)) - 10;
    return list.get(Math.min(list.size() - 1, Math.max(0, i)));
  }

  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  /** The names a story is about: two people, an organisation, a place and a subject. */
  private record Cast(String person, String role, String other, String org, String place, Topic topic) {}

  /** Article n's story: articles close in the stream share one of twelve stories per forty, or stand alone. */
  private Cast cast(int n) {
    long h = mix(seed * 31 + n);
    long story = Math.floorMod(h, 10) < 3 ? -1 - n : (n / 40) * 12L + Math.floorMod(h >>> 8, 12);
    SplittableRandom r = new SplittableRandom(mix(seed ^ story * 0x9E3779B97F4A7C15L));
    return new Cast(popular(r, people), pick(r, ROLES), popular(r, people), popular(r, organisations),
        popular(r, places), pick(r, TOPICS));
  }

  /**
   * One article as a JSON object (title, body, url, published, source) of about {@code bodyBytes} of body
   * text; with {@code bodyBytes <= 0}, of a length between 1 and 10 KB that depends only on {@code n}.
   */
  public ObjectNode article(int n, int bodyBytes) {
    long h = mix(seed * 17 + n + 1);
    String title;
    String body;
    if (n > 0 && Math.floorMod(h, 50) == 0) {
      // A copy of a recent article, as another outlet runs it: a new headline, its own dateline, the last
      // paragraph cut.
      int of = Math.max(0, n - 1 - (int) Math.floorMod(h >>> 8, 30));
      SplittableRandom r = new SplittableRandom(h);
      Cast cast = cast(of);
      Text copied = text(of, length(of, bodyBytes), cast); // the original's length: a copy, not a longer story
      title = cast.place() + ": " + copied.title;
      String original = copied.body;
      int cut = original.lastIndexOf("\n\n");
      body = pick(r, CITIES).toUpperCase(java.util.Locale.ROOT) + " (" + pick(r, List.of("Reuters", "AFP", "AP",
          "dpa", "Xinhua")) + ") - " + (cut > original.length() / 2 ? original.substring(0, cut) : original);
    } else if (Math.floorMod(mix(seed * 23 + n + 3), 100) < otherLanguagesPercent) {
      Cast cast = cast(n);
      String[] t = OtherLanguages.text(new SplittableRandom(mix(seed * 29 + n)), length(n, bodyBytes), cast.person(),
          cast.org(), cast.place());
      title = t[0];
      body = t[1];
    } else {
      Text t = text(n, length(n, bodyBytes), cast(n));
      title = t.title;
      body = t.body;
    }
    ObjectNode article = JSON.createObjectNode();
    article.put("title", title + " (" + n + ")");
    article.put("body", body);
    article.put("url", "https://bench.example/news/" + n);
    article.put("published", Instant.ofEpochSecond(1_735_689_600L + n * 37L).toString());
    article.put("source", "Newswire Bench");
    return article;
  }

  private record Text(String title, String body) {}

  private static int length(int n, int bodyBytes) {
    return bodyBytes > 0 ? bodyBytes : 1000 + (int) Math.floorMod(n * 2_654_435_761L, 9_001L);
  }

  private Text text(int n, int bodyBytes, Cast cast) {
    SplittableRandom r = new SplittableRandom(mix(seed * 13 + n + 7));
    Topic t = cast.topic();
    Topic second = pick(r, TOPICS);
    String title = switch (r.nextInt(3)) {
      case 0 -> cast.org() + " " + pick(r, t.present()) + " " + pick(r, t.nouns()) + " as " + cast.place() + " "
          + pick(r, List.of("waits", "watches", "counts the cost", "votes", "reacts", "prepares"));
      case 1 -> cast.person() + " " + pick(r, t.present()) + " " + pick(r, t.adjectives()) + " " + pick(r, t.nouns());
      default -> pick(r, t.adjectives()) + " " + pick(r, t.nouns()) + " in " + cast.place() + " " + pick(r, t.past())
          + " " + pick(r, t.groups());
    };
    title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
    StringBuilder body = new StringBuilder();
    body.append(cast.role()).append(' ').append(cast.person()).append(' ').append(pick(r, SAID)).append(' ')
        .append(time(r)).append(" that the ").append(cast.org()).append(' ').append(pick(r, t.past())).append(" the ")
        .append(pick(r, t.adjectives())).append(' ').append(pick(r, t.nouns())).append(" in ").append(cast.place())
        .append(". ");
    int sentences = 1;
    while (body.length() < bodyBytes) {
      if (sentences >= 3 && r.nextInt(4) == 0 && body.charAt(body.length() - 1) == ' ') {
        body.setLength(body.length() - 1);
        body.append("\n\n");
        sentences = 0;
      }
      sentence(r, r.nextInt(4) == 0 ? second : t, cast, body);
      sentences++;
    }
    return new Text(title, body.toString().strip());
  }

  private static String time(SplittableRandom r) {
    return pick(r, TIMES).replace("%s", pick(r, DAYS)).replace("%m", pick(r, MONTHS));
  }

  private String name(SplittableRandom r, Cast cast) {
    return switch (r.nextInt(6)) {
      case 0 -> cast.person();
      case 1 -> cast.other();
      default -> popular(r, people);
    };
  }

  private static String lastName(String person) {
    return person.substring(person.lastIndexOf(' ') + 1);
  }

  private String org(SplittableRandom r, Cast cast) {
    return r.nextInt(3) == 0 ? cast.org() : popular(r, organisations);
  }

  private String place(SplittableRandom r, Cast cast) {
    return r.nextInt(3) == 0 ? cast.place() : popular(r, places);
  }

  /** The quantity of a sentence: a number and its unit, so figures differ from article to article. */
  private static String amount(SplittableRandom r) {
    int k = r.nextInt(3);
    String number = k == 0 ? String.valueOf(2 + r.nextInt(98)) : k == 1 ? String.valueOf(100 + r.nextInt(9_900))
        : (1 + r.nextInt(9)) + "." + r.nextInt(10);
    return number + " " + pick(r, UNITS);
  }

  private String clause(SplittableRandom r, Topic t) {
    return switch (r.nextInt(4)) {
      case 0 -> "the " + pick(r, t.adjectives()) + " " + pick(r, t.nouns()) + " " + pick(r, t.present()) + " "
          + pick(r, ADVERBS);
      case 1 -> pick(r, t.groups()) + " " + pick(r, t.past()) + " the " + pick(r, NOUNS) + " " + time(r);
      case 2 -> "the " + pick(r, NOUNS) + " on " + pick(r, t.nouns()) + " " + pick(r, t.past()) + " " + amount(r);
      default -> "more " + pick(r, t.groups()) + " " + pick(r, t.past()) + " the " + pick(r, t.adjectives()) + " "
          + pick(r, t.nouns()) + " than " + time(r);
    };
  }

  private void sentence(SplittableRandom r, Topic t, Cast cast, StringBuilder out) {
    String s = switch (r.nextInt(12)) {
      case 0 -> "\u201c" + capital(clause(r, t)) + ",\u201d " + lastName(name(r, cast)) + " " + pick(r, SAID) + ".";
      case 1 -> capital(pick(r, t.groups())) + " in " + place(r, cast) + " " + pick(r, t.past()) + " the "
          + pick(r, t.nouns()) + " " + time(r) + ", according to the " + org(r, cast) + ".";
      case 2 -> pick(r, ROLES) + " " + name(r, cast) + " " + pick(r, SAID) + " " + clause(r, t) + " "
          + pick(r, CONNECTIVES) + " " + clause(r, t) + ".";
      case 3 -> "The " + org(r, cast) + " " + pick(r, t.past()) + " " + amount(r) + " " + time(r) + ", "
          + pick(r, ADVERBS) + " " + pick(r, List.of("more", "less", "fewer", "faster")) + " than in " + place(r, cast)
          + ".";
      case 4 -> capital(time(r)) + ", " + clause(r, t) + " " + pick(r, CONNECTIVES) + " the " + org(r, cast) + " "
          + pick(r, t.past()) + " its " + pick(r, NOUNS) + ".";
      case 5 -> capital(clause(r, t)) + " in " + place(r, cast) + ", where " + amount(r) + " were "
          + pick(r, t.past()) + " " + time(r) + ".";
      case 6 -> lastName(name(r, cast)) + ", who " + pick(r, t.past()) + " the " + pick(r, t.adjectives()) + " "
          + pick(r, t.nouns()) + " " + time(r) + ", " + pick(r, SAID) + " that " + clause(r, t) + ".";
      case 7 -> "\u201c" + capital(clause(r, t)) + " " + pick(r, CONNECTIVES) + " " + clause(r, t) + ",\u201d "
          + pick(r, SAID) + " " + name(r, cast) + " of the " + org(r, cast) + ".";
      default -> capital(clause(r, t)) + " " + pick(r, CONNECTIVES) + " " + clause(r, t) + ".";
    };
    out.append(s).append(' ');
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Writes {@code count} articles as JSON Lines; returns the file's size in bytes. */
  public long writeJsonLines(Path file, int count, int bodyBytes) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write(JSON.writeValueAsString(article(i, bodyBytes)));
        out.write('\n');
      }
    }
    return Files.size(file);
  }
}
