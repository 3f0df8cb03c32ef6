package io.newswire.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.Place;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Newswire's own tagger: entities from a trained averaged-perceptron model over word, shape, context and
 * gazetteer features, made consistent across the document; places geocoded with context; IPTC topics and the
 * user's topics by keyword rules; quotes with speakers; the language. Offline, and all its data is built from
 * permissively licensed sources (see NOTICE and docs/TAGGER.md).
 */
public final class NewswireTagger implements Tagger {
  public static final String MODEL = "/io/newswire/tagger/entities.model";
  private static volatile Gazetteer gazetteer;
  private static volatile Lexicon lexicon;

  private final EntityModel model;
  private final Topics topics;
  private final LanguageGuesser languages = new LanguageGuesser();

  /** The shipped model and no user topic rules. */
  public NewswireTagger() {
    this(null);
  }

  /** The shipped model, with the user's topic rules (null for none). */
  public NewswireTagger(Path topicRules) {
    this(shippedModel(), topicRules);
  }

  /** A model file of your own (from {@code newswire tag train --out}), with optional topic rules. */
  public static NewswireTagger withModel(Path modelFile, Path topicRules) {
    try (InputStream in = java.nio.file.Files.newInputStream(modelFile)) {
      return new NewswireTagger(EntityModel.read(in), topicRules);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read the entity model " + modelFile, e);
    }
  }

  NewswireTagger(EntityModel model, Path topicRules) {
    this.model = model;
    this.topics = new Topics(topicRules);
    lexicon();
  }

  private static EntityModel shippedModel() {
    try (InputStream in = NewswireTagger.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("The entity model " + MODEL + " is missing from the classpath; build it with"
            + " `./newswire tag train` (see docs/TAGGER.md)");
      }
      return EntityModel.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Gazetteer gazetteer() {
    if (gazetteer == null) {
      synchronized (NewswireTagger.class) {
        if (gazetteer == null) {
          gazetteer = new Gazetteer();
        }
      }
    }
    return gazetteer;
  }

  static Lexicon lexicon() {
    if (lexicon == null) {
      synchronized (NewswireTagger.class) {
        if (lexicon == null) {
          lexicon = new Lexicon(gazetteer());
        }
      }
    }
    return lexicon;
  }

  /** The shipped model's name and version, as every enriched record carries it. */
  public static final String NAME = "newswire-perceptron/1.79.0";

  /** Below this many characters the detector's n-grams are too few to overrule English words. */
  static final int SHORT = 100;

  /**
   * Whether at least two thirds of the text's capitalised words are known to the lists: places, people's names,
   * organisations, titles, demonyms, English words, or short acronyms ("PSV", "ITA").
   */
  static boolean mostlyKnownNames(String text) {
    int[] counts = capitalisedWords(text);
    return counts[1] * 3 >= counts[0] * 2;
  }

  /**
   * Whether a list's headings and labels are English words ("SOCCER - ASIAN CUP RESULT", "Scorers", "Attendance")
   * where its names are mostly unknown (line-ups of players from anywhere): at least three of its capitalised words,
   * and one in five, are English dictionary words.
   */
  static boolean englishHeadings(String text) {
    int[] counts = capitalisedWords(text);
    return counts[2] >= 3 && counts[2] * 5 >= counts[0];
  }

  /** The text's capitalised words: how many, how many the lists know, how many are English dictionary words. */
  private static int[] capitalisedWords(String text) {
    int sample = LanguageGuesser.Words.SAMPLE; // the same stretch of text as the words were counted over
    List<Token> tokens = Token.of(text.length() > sample ? text.substring(0, sample) : text);
    String[] words = new String[tokens.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = tokens.get(i).text();
    }
    int[] flags = lexicon().flags(words);
    int known = Lexicon.PLACE_B | Lexicon.PLACE_I | Lexicon.PERSON_NAME | Lexicon.DEMONYM | Lexicon.TITLE
        | Lexicon.ORG_WORD | Lexicon.ACRONYM | Lexicon.COMMON_WORD | Lexicon.EVENT_WORD | Lexicon.KNOWN_ORG_B
        | Lexicon.KNOWN_ORG_I;
    int capitalised = 0;
    int recognised = 0;
    int english = 0;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (Character.isUpperCase(w.charAt(0)) && Character.isLetter(w.charAt(w.length() - 1))) {
        capitalised++;
        if ((flags[i] & known) != 0 || w.length() <= 4 && Token.allCaps(w)) {
          recognised++;
        }
        if ((flags[i] & Lexicon.COMMON_WORD) != 0 && w.length() >= 3) {
          english++;
        }
      }
    }
    return new int[] {capitalised, recognised, english};
  }

  /**
   * The language of the text: English when it plainly is; English when it is names and figures (results,
   * standings, line-ups) whose few lower-case words are English, or when it is short and its lower-case words are
   * mostly English; otherwise the detector's, or English if the detector cannot tell but the words can.
   */
  String languageOf(String text) {
    if (LanguageGuesser.plainlyEnglish(text)) {
      return "en"; // most of a newsroom's stream: no need for the detector, which costs more than tagging
    }
    LanguageGuesser.Words words = LanguageGuesser.Words.of(text, lexicon()::isEnglishWord);
    if (words.namesAndFigures() && (words.prose() == 0 || words.mostlyEnglish())
        && mostlyKnownNames(text)) {
      // "Ajax 2 PSV Eindhoven 2", "Sinner (ITA) bt Raonic (CAN) 7-6 6-4": the letters are the clubs' and players',
      // which the detector reads as Dutch or German; the few words around them are what has a language. Unless
      // the capitalised words are mostly unknown: German capitalises its nouns ("Wochenbericht", "Ergebnisse").
      return "en";
    }
    // A short text of English words is English without asking the detector (its n-grams are too few to overrule
    // them: "Markets opened higher in Tokyo." reads as another language to it).
    if (text.length() < SHORT && words.mostlyEnglish()) {
      return "en";
    }
    String language = languages.detect(text);
    if (language == null && words.namesAndFigures() && words.foreign() == 0 && englishHeadings(text)) {
      // A line-up of players from anywhere under English headings: the detector cannot tell, the headings can.
      return "en";
    }
    return language == null && words.mostlyEnglish() ? "en" : language;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int enrichmentVersion() {
    // 83: South Asian movements joined by connectives are organisations;
    // 82: names that led shares are companies;
    // 81: a hyphenated pair of given names opens a person's name;
    // 80: companies of the performing arts, statuettes alone, companies in apposition;
    // 79: a name whose price moves by money or a percentage is a company;
    // 78: groups of nations by their number and the Commonwealth are organisations;
    // 77: two countries joined by a hyphen are MISC;
    // 76: hearing loss is health; batteries and electric cars are technology;
    // 75: an appeal is a court's only in legal phrases; food and humanitarian aid are disasters';
    // 74: "The Hague" is the city;
    // 73: a place left out of a dateline before its country and date;
    // 72: no name ends with a particle;
    // 71: a word on no dictionary's list opening a sentence alone is a name;
    // 70: companies' heads end no person; a form in brackets is part of a company's name;
    // 69: a name of one word that the document names in full with the words after it is that name;
    // 68: an untagged repeat of a person's first or last name is the person;
    // 67: headline abbreviations of amounts and Ebola are no names; a people's name and a common word in a
    //     headline's capitals;
    // 66: a known organisation's possessive ends its name;
    // 65: "explod*" and "on board" are evidence of accidents;
    // 64: a feed's dateline takes its whole run of capitals; rockets before their kind are MISC;
    // 63: countries in results' brackets; scorers in brackets after goals are people;
    // 62: a party's name does not run on into its leader's;
    // 61: no name opens with "A" or "An"; a ministry left out after one is the ministry;
    // 60: feeds' datelines ("LEEDS, England - ") are places; plans, rounds, contests and doctrines are MISC;
    // 59: a plural opening the story after a dateline's dash is no name ("LONDON - Scientists said"); scales named
    //     after their makers are MISC;
    // 58: pollsters, financial compounds, styles, racing teams, bond futures, "wa", causes after "for the";
    // 57: a storm's name is MISC without its kind ("Hurricane [Fran]" was a person, "Typhoon [Sally]" left out);
    // 56: AIDS is health;
    // 55: the 1990s spellings "Hizbollah" and "Hizballah" are known organisations;
    // 54: a single name after a royal or religious title is a person ("Queen Elizabeth" was a place); "Princess" is a title;
    // 53: a venue before what a tournament holds is the tournament where it stands, after the document's names are made
    //     consistent ("his Wimbledon title" beside "Wimbledon organisers");
    // 52: two people who share a family name are two entities ("Sam Ponder" was merged into "Christian Ponder"); a
    //     headline's capitals name the body's person ("POGACAR" is "Tadej Pogacar"); a given name that is also a people's
    //     after a role is a person ("chairman Christian Blanc");
    // 51: a city facing a score written inline is a club once two sides of the document's scores are; a club's founding
    //     year is part of its name ("1860 Munich", "Schalke 04");
    // 50: a holiday named "... Day" is MISC ("Armistice Day", "Canada Day");
    // 49: a province opening a party's name is part of it ("Ontario Liberal Party"); MPP, MLA and MNA are titles;
    // 48: a line-up of players unknown to the lists under English headings is English ("SOCCER - ASIAN CUP RESULT", "Scorers"),
    //     where it got no language and no entities; a month or a day in a headline's capitals is no name ("IRAQ - AUG 22");
    // 47: BSE ("mad cow") is health; environmental groups (Greenpeace, WWF) are evidence for the environment;
    // 46: a name right after a lower-case word for what people are is a person ("chief Loik Le Floch-Prigent");
    // 45: a venue before what a tournament holds is the tournament ("the Wimbledon title", "Roland Garros champion");
    // 44: a person's family name and a possessive open no organisation when the document names the person
    //     ("Clinton's Democrats" is Clinton and Democrats);
    // 43: the model retrained on name lists with 86 more companies, auditors and auction houses ("Marks and Spencer",
    //     "Sotheby's", "Ernst & Young");
    // 42: works after their kind are MISC ("the film Schindler's List"); a people's name read with its trade as one
    //     miscellany is a company ("British Aerospace"); "Nippon Telegraph and Telephone Corp" is one company; "corridor"
    //     and "enclave" are words for land;
    // 41: a name that opens with a person's initials is a person ("P.W. Botha", "J.K. Rowling" were organisations;
    //     "P.V. Narasimha Rao" lost its initials);
    // 40: a name whose shares are traded is a company throughout the document ("Shares in Zeneca rose");
    // 39: a family name only towns share opening a reported clause or before a politician's people is a person
    //     ("aides said Clinton was", "Clinton aides", "the Dole campaign"); a known organisation before "and" ends
    //     there ("Elf Aquitaine and Total" two); a country opening a movement's name is part of it ("Sudan People's
    //     Liberation Army");
    // 38: scriptures are works ("the Koran", "the Bible"), not people or places; a people's name and a trade are one
    //     company ("South African Breweries", "Norwegian Cruise Line", "Scottish Power"); the sides of a tennis
    //     result are players ("Sampras beat Ivanisevic 6-3 6-4"); a family name only towns share speaks as a person
    //     ("Clinton said"); "the Oslo accords", "the Dayton peace accord", "the Geneva Conventions" are agreements;
    //     "the Grammy awards" an award; "the Paris Bourse" an organisation; a standings table split between clubs and
    //     cities is one of clubs; a team follows a rider's country ("Rominger ( Switzerland ) Mapei"); an event the
    //     model left out ("a World Cup qualifier"); a compound opening a name is MISC ("Israeli-occupied West Bank");
    //     a stock index is no person ("the Hang Seng index");
    // 37: crime's "gunned down", "stabbed", "fatally shot";
    // 36: long names of institutions cut at "of", "for" or "and" are one ("European Centre for Medium-Range Weather Forecasts");
    // 35: a name after what a company is ("auction house Artcurial", "chipmaker Nvidia") is the company; "the Louvre" no person; "Resorts" and "Hotels" end companies;
    // 34: a newsroom's jobs are no names ("Senior Editor"); a credit's first name is the photographer; "the Globe" after "the California Globe" is the organisation;
    // 33: politics words count 0.8 (0.6 before), and "veto", "resign", "opposition leader" are politics;
    // 32: "Deutsche Lufthansa AG" one company; "Brent crude" MISC;
    // 31: the model retrained on the current word lists and tokens (it had not been since 1.24.0's "Philippine");
    //     "the Maastricht treaty" and "Sino-U.S." are MISC;
    // 30: lands after their name are places ("the Jamuna river"), craft after their kind MISC ("the space shuttle
    //     Atlantis"), "X, the leader of" a person; companies named after their place by their trade ("Hong Kong
    //     Telecom"); "Cable and Wireless Plc" one company; short titles in Title Case read in sentence case;
    // 29: a people's name opening a sentence is MISC ("Republicans in Congress said"; "Philippine" a demonym); no
    //     name opens with a lower-case compound ("state-run"); "analysts at X": X is a firm; "World Series of Golf" an
    //     event; a dateline's date split at its hyphens still makes its place a place;
    // 28: football's leagues are MISC ("top of Serie A"); a sport's name heading a line before a colon is no name
    //     ("Rugby: England name..."); a capital with a period ending a line ends the sentence; computer viruses and
    //     spam are science and technology;
    // 27: the labels of the IPTC vocabulary's narrower topics count for their top-level topic ("famine" is a disaster,
    //     "archaeology" science, "massacre" conflict: iptc-labels.tsv);
    // 26: the language by the text's script first, then among the languages of that script: Armenian, Georgian,
    //     Sinhala, Lao and Burmese by their script (no profile had them); lifestyle keywords of kitchens and gardens
    //     ("cake", "oven", "icing", "potted", "watering"), a developer's environment is science and technology;
    // 25: the health topic's keywords name the body's measures and conditions ("body fat", "cholesterol",
    //     "alzheimer's", "physicians"), which read as science before; a phrase says what its words mean (a word
    //     inside "stock market crash" counts for the economy only, no more for disaster);
    // 24: a type's designation is a miscellany ("F-16", "Su-34 bombers", "P-51 Mustang"); a score after a match makes
    //     its cities clubs ("Miami edged Orlando 101-99"); a count of votes is no score ("a verdict of 10-2");
    // 23: a city that shares its name with a club is the city in a story with no sport in it ("the mayor of
    //     Marseille"); a name read as a person that ends with an organisation's head word is the organisation
    //     ("Dave Matthews Band", "Virgin Records");
    // 22: words in title case between quotation marks are a work, a slogan or an operation (MISC), or an
    //     organisation with an organisation's word in them ("the album \"A Beautiful Lie\""); "Euro 2024" is an event;
    //     names around a particle of descent are one person ("Tamim bin Hamad Al Thani", "Daniel arap Moi");
    // 21: a city in wording only clubs take is the club ("played for Coventry", "Leicester striker"); no name runs
    //     across a table's cell separator, and a column's names share the type two thirds of them have; newspapers
    //     by their last word ("Des Moines Register"); a company's officer closes and opens no name ("Google CEO");
    //     a name after a personal title or before an age is a person, and so are its other mentions ("Chad Hull,
    //     37,", "President Trump"); "the Oscars", "Black
    //     Friday", "D-Day", "ATP Finals" and "New York-based" are MISC;
    //     "The Arabic-language daily" is MISC; "Copa" + "del Rey" one name;
    // 20: results, standings and line-ups of foreign clubs and players are English by their few words, not Dutch or
    //     German by their names' letters (they got no entities or topics); a list with German nouns stays German;
    //     a name ending on a particle joins the name after it ("Copa del" + "Rey"); foreign head words of
    //     organisations and events in the lexicon ("Banco", "Olympique", "Copa", "Ligue"; retrained); a country
    //     code in brackets after a person is the country ("Jannik Sinner (ITA)"); a table's row may separate its
    //     cells with " | ", as ingest writes HTML tables;
    // 19: a unit of armed forces is one organisation with its number, arm and nation ("U.S. Sixth Fleet");
    // 18: organisations tagged as such are topic evidence by their kind (clubs sport, chipmakers technology, ...);
    //     an organisation's last word alone joins the one name of the article that ends with it ("the Lakers");
    // 17: from pages of other publishers: months, weekdays, time zones, letters, particles and common abbreviations
    //     in capitals are no names alone; venues, wars and battles by their head words; a name ends before "?";
    //     places found without their accents ("Cancun"); religions as MISC words; a result's untagged side (retrained);
    // 16: topics measured on pages of other publishers: a child topic's clear keywords count for its parent
    //     ("coronavirus" is health), ambiguous ones dropped ("space", "letter"), keywords for coding, video games,
    //     drugs crime and cooking; the word model skips ~200 function and common words and weighs 0.4; a place
    //     ending with an organisation's head word is the organisation, no person's name ends with a weekday, and
    //     curly apostrophes read as straight ones; "Covid" is no name; party adjectives, feasts and
    //     "Brexit" are MISC words (retrained); "the" between two names starts the second;
    // 15: top-level topics blend the keywords with a learned word model (naive Bayes over every word of the
    //     training articles), recalibrated;
    // 14: rules after decoding for shapes of pages written by others: titles out of names, no name running on into
    //     a lower-case word, words derived from nationalities and places are MISC, a legal form makes a company;
    // 13: topic scores are calibrated probabilities, and every English article gets a top-level topic;
    // 12: the language by a 70-language detector; text in another language, or whose language cannot be told,
    //     gets no English entities or topics;
    // 11: a quote after a verb of describing ("described the situation as") belongs to the sentence's subject, a
    //     quote that ends its sentence takes no speaker from the next one;
    // 10: 160 more training articles of wire copy, "U.S." and "EU" as modifiers are LOC and ORG, a club's first
    //     word alone is the club;
    // 9: no name across a CoNLL sentence break, the names in a table's rows are one kind of thing;
    // 8: 90 more training articles (human interest, lifestyle, society, labour, science, environment, health),
    //    topic keywords for those topics, a word or phrase counts once per topic; beam search in decoding and
    //    training;
    // 7: known organisations' names (clubs, companies, parties, institutions) as a feature, titles in Title Case
    //    read in sentence case, bylines name people, acronyms join their names;
    // 6: event head words ("Cup", "Open", "Games"), names in capitals join the same name in running text, topics
    //    weigh the title and first paragraph more;
    // 5: English dictionary words (a capitalised common word is seldom a name), more organisation head words;
    // 4: headlines in capitals (possessive split, word lists looked up as in running text);
    // 3: 315 training articles, no names across line breaks, ties in document consistency
    return 83;
  }

  @Override
  public Tagging tag(String title, String body) {
    String text = Tagging.text(title, body);
    String language = languageOf(text);
    if (!"en".equals(language)) {
      // The entity model and topic rules are English: any other language, and text whose language cannot be
      // told, passes through with its language only, never with English entities read into it.
      return new Tagging(language, List.of(), List.of(), List.of(), Quotes.find(text, List.of()));
    }
    List<Token> tokens = Token.of(text);
    int n = tokens.size();
    String[] words = new String[n];
    boolean[] starts = new boolean[n];
    boolean[] newLine = new boolean[n];
    int titleTokens = 0;
    for (int i = 0; i < n; i++) {
      words[i] = tokens.get(i).text();
      starts[i] = i == 0 || startsSentence(text, tokens.get(i - 1), tokens.get(i));
      newLine[i] = i > 0 && lineBreakBetween(text, tokens.get(i - 1), tokens.get(i));
      if (tokens.get(i).end() <= title.length()) {
        titleTokens = i + 1;
      }
    }
    // The model reads the title's words in sentence case; spans below are cut from the text as written.
    lexicon.sentenceCase(words, starts, titleTokens);
    for (int i = titleTokens + 1; i < n; i++) {
      if (datelineDash(text, tokens.get(i - 1))) {
        lexicon.openerCase(words, starts, i);
      }
    }
    int[] labels = labels(words, starts, newLine);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 == 1) {
        int j = i + 1;
        while (j < n && labels[j] == labels[i] + 1) {
          j++;
        }
        int start = tokens.get(i).start();
        int end = tokens.get(j - 1).end();
        String last = tokens.get(j - 1).text();
        if (last.length() > 2 && (last.endsWith("'s") || last.endsWith("’s"))) {
          end -= 2;
        }
        spans.add(new Span(type(labels[i]), start, end, text.substring(start, end)));
        i = j - 1;
      }
    }
    List<Entity> entities = Entities.group(spans, title.length());
    return new Tagging(language, entities, places(entities), topics.find(title, body, entities),
        Quotes.find(text, entities));
  }

  /** The topics with their raw evidence in place of calibrated scores, for fitting the calibration. */
  List<io.newswire.schema.MediaTopic> rawTopics(String title, String body) {
    return topics.raw(title, body, tag(title, body).entities());
  }

  /** The same with another learned topic model: one that never saw the article, when fitting on training articles. */
  List<io.newswire.schema.MediaTopic> rawTopics(String title, String body, TopicWords topicWords) {
    return topics.find(title, body, tag(title, body).entities(), false, topicWords);
  }

  /** After a full stop, an opening quote or bracket, or a line break. */
  static boolean startsSentence(String text, Token previous, Token token) {
    if (previous.sentenceEnd()) {
      return true;
    }
    String p = previous.text();
    if (p.length() == 1 && "\"“‘(".indexOf(p.charAt(0)) >= 0) {
      return true;
    }
    return lineBreakBetween(text, previous, token);
  }

  /**
   * Whether a dash ends a dateline: "LONDON (Reuters) - Astronomers said", "SANTA CLARA, Calif. — Intel said",
   * "MOSCOW, Sept 2 - ". Before it stands a bracket, an abbreviation's period, a date's figure or a place in capitals.
   * The word after it opens the story's first sentence, though the model, trained on datelines written that way,
   * reads it as a word inside one.
   */
  static boolean datelineDash(String text, Token previous) {
    String p = previous.text();
    if (!p.equals("-") && !p.equals("–") && !p.equals("—") && !p.equals("--")) {
      return false;
    }
    int k = previous.start() - 1;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    if (k < 0 || k == previous.start() - 1) {
      return false; // a hyphen inside a word, or the text's start
    }
    char c = text.charAt(k);
    return c == ')' || c == '.' || Character.isDigit(c)
        || Character.isUpperCase(c) && k > 0 && Character.isUpperCase(text.charAt(k - 1));
  }

  /** Only the gap between the two tokens is looked at: this runs for every token. */
  private static boolean lineBreakBetween(String text, Token previous, Token token) {
    for (int k = previous.end(); k < token.start(); k++) {
      if (text.charAt(k) == '\n') {
        return true;
      }
    }
    return false;
  }

  /** How many tokens the tagger sees in a text: for throughput figures in tokens per second. */
  public static int tokenCount(String text) {
    return Token.of(text).size();
  }

  /**
   * IOB tags for pre-tokenised text (CoNLL evaluation), with the same model and document consistency. A CoNLL
   * sentence is a line of the original text (a headline, a byline, a dateline, a row of a table), so no name runs
   * across a sentence break: "Nadim Ladki" closing one and "AL-AIN" opening the next are two names.
   */
  public String[] tagTokens(String[] words, boolean[] sentenceStart) {
    int[] labels = labels(words, sentenceStart, sentenceStart);
    String[] tags = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      tags[i] = EntityModel.LABELS[labels[i]];
    }
    return tags;
  }

  /**
   * @param newLine which tokens follow a line break, or null: no name runs across one (a title's last word and
   *     the body's first were read as one name), so decoding starts afresh there
   */
  int[] labels(String[] words, boolean[] starts, boolean[] newLine) {
    EntityFeatures.Doc doc = new EntityFeatures.Doc(words, starts, newLine, lexicon);
    int[] labels = model.predict(doc);
    sentenceOpeners(words, doc, labels);
    if (newLine != null) {
      bylines(words, newLine, labels);
    }
    cells(words, labels);
    NameRules.apply(words, doc.flags, labels, lexicon);
    consistent(words, labels);
    NameRules.venueEvents(words, labels);
    NameRules.traded(words, doc.flags, labels);
    NameRules.institutions(words, doc.flags, labels);
    citiesOutsideSport(words, labels);
    organisationShortForms(words, labels, w -> lexicon.isPlace(w) || lexicon.isDemonym(w));
    if (newLine != null) {
      tables(words, newLine, doc.flags, labels);
      columns(words, newLine, labels);
      NameRules.teams(words, newLine, labels);
      NameRules.datelines(words, newLine, doc.flags, labels);
      NameRules.sportHeads(words, newLine, labels);
    }
    numbersAlone(words, labels);
    return labels;
  }

  /**
   * A city that shares its name with a club is the city in a story that is not about sport: "the mayor of
   * Marseille", "marched through Barcelona", "dock workers in Southampton". The model learned such names from
   * results and match reports, where they are clubs, and read them as clubs everywhere. A story is about sport
   * when it has two of sport's keywords, a score, match wording or a club's people ({@link NameRules#sportCue}).
   */
  void citiesOutsideSport(String[] words, int[] labels) {
    Boolean sport = null;
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != 3) {
        continue;
      }
      int j = end(labels, i);
      String name = String.join(" ", java.util.Arrays.asList(words).subList(i, j));
      if (!topics.sportOrganisation(NameRules.capitalised(name)) || !lexicon.isPlace(name)) {
        continue;
      }
      if (sport == null) {
        sport = topics.keywords(words, Topics.SPORT) >= 2;
        for (int k = 0; k < words.length && !sport; k++) {
          sport = NameRules.sportCue(words, k);
        }
      }
      if (sport) {
        return;
      }
      labels[i] = 5;
      java.util.Arrays.fill(labels, i + 1, j, 6);
      i = j - 1;
    }
  }

  /**
   * A name may start with a number ("1860 Munich") but is never numbers alone: a golfer's score opening a line of
   * results ("65 Lee Westwood") was read as an organisation.
   */
  static void numbersAlone(String[] words, int[] labels) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = end(labels, i);
        boolean letter = false;
        for (int k = i; k < j && !letter; k++) {
          letter = words[k].chars().anyMatch(Character::isLetter);
        }
        if (!letter) {
          java.util.Arrays.fill(labels, i, j, 0);
        }
        i = j - 1;
      }
    }
  }

  private static final Set<String> ROW_PUNCTUATION = WordSet.of("-", ".", ",", ":", "/", "|");
  static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(19|20)\\d\\d");

  /**
   * The rows of a results list or a standings table ("HARTFORD 12 9 3 72 68 27", "Arsenal 3 Coventry 0"): lines of
   * names and numbers only. The names in one document's rows are the same kind of thing — clubs, or countries, or
   * players — but the model reads each row alone, and a club named after its city can come out as the city. When at
   * least three of the rows' names were tagged and two thirds of them share a type, the others take it; a name the
   * model left untagged stays so ("Extras 12" in a scorecard) unless it opens a standings row with as many figures
   * as the row above or below, whose name has that type, or is one side of a result whose other side has it
   * ("Charlotte 104 Denver 96": "Charlotte" is a given name too). A line of three or more short capitals and no
   * number is a table's header ("W L T GF GA PTS"), not a name.
   */
  static void tables(String[] words, boolean[] newLine, int[] labels) {
    tables(words, newLine, null, labels);
  }

  /**
   * As {@link #tables(String[], boolean[], int[])}; with the words' {@code flags}, a standings table whose names the
   * model split between clubs and places is a table of clubs when none of its places is a country ("ORLANDO 58 22
   * .725", "NEW YORK 46 34 .575 12", "CHICAGO 70 10 .875"): a table of countries stays one of places.
   */
  static void tables(String[] words, boolean[] newLine, int[] flags, int[] labels) {
    int n = words.length;
    List<int[]> runs = new ArrayList<>();
    int[] votes = new int[EntityModel.L];
    int typed = 0;
    List<int[]> standings = new ArrayList<>();
    List<int[]> results = new ArrayList<>();
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && !newLine[to]) {
        to++;
      }
      boolean number = false;
      int numbers = 0;
      boolean row = true;
      boolean header = to - from >= 3;
      for (int i = from; i < to && row; i++) {
        String w = words[i];
        char c = w.charAt(0);
        boolean digits = Character.isDigit(c) || w.length() > 1 && c == '.' && Character.isDigit(w.charAt(1));
        number |= digits;
        numbers += digits ? 1 : 0;
        // A dateline ("LISBON 1996-10-27", one token in CoNLL text, five in ours) is a place and a date, not a row.
        boolean date = DATE.matcher(w).matches() || w.length() == 4 && i + 1 < to && words[i + 1].equals("-")
            && YEAR.matcher(w).matches();
        row = digits && !date || Character.isUpperCase(c) || ROW_PUNCTUATION.contains(w);
        header &= w.length() <= 3 && Token.allCaps(w) || w.length() == 1 && Character.isUpperCase(c);
      }
      if (header && !number) {
        java.util.Arrays.fill(labels, from, to, 0);
      } else if (row && number) {
        // A standings row: one name, then three or more figures ("BUFFALO 9 9 2 58 61 20").
        if (Character.isUpperCase(words[from].charAt(0)) && numbers >= 3) {
          int j = from + 1;
          while (j < to && Character.isUpperCase(words[j].charAt(0))) {
            j++;
          }
          boolean figures = true; // figures and their punctuation only (".725", or "." and "725" as ours split it; "-")
          for (int k = j; k < to && figures; k++) {
            String w = words[k];
            figures = Character.isDigit(w.charAt(0)) || w.length() > 1 && w.charAt(0) == '.'
                && Character.isDigit(w.charAt(1)) || ROW_PUNCTUATION.contains(w);
          }
          if (figures) {
            standings.add(new int[] {from, j, numbers});
          }
        }
        int before = runs.size();
        for (int i = from; i < to; i++) {
          if (!Character.isUpperCase(words[i].charAt(0))) {
            continue;
          }
          int j = i + 1;
          while (j < to && Character.isUpperCase(words[j].charAt(0))) {
            j++;
          }
          runs.add(new int[] {i, j});
          if (labels[i] % 2 == 1) {
            votes[labels[i]]++;
            typed++;
          }
          i = j - 1;
        }
        // A result: a name and its score, twice ("Charlotte 104 Denver 96").
        if (runs.size() - before == 2 && numbers == 2 && to - from == runs.get(before)[1] - runs.get(before)[0]
            + runs.get(before + 1)[1] - runs.get(before + 1)[0] + 2 && runs.get(before)[0] == from
            && runs.get(before + 1)[1] + 1 == to) {
          results.add(new int[] {runs.get(before)[0], runs.get(before)[1], runs.get(before + 1)[0],
              runs.get(before + 1)[1]});
        }
      }
      from = to;
    }
    int best = 1;
    for (int k = 3; k < EntityModel.L; k += 2) {
      if (votes[k] > votes[best]) {
        best = k;
      }
    }
    if (flags != null && standings.size() >= 3 && votes[3] > 0 && votes[5] > 0 && votes[3] + votes[5] == typed) {
      boolean country = false;
      for (int[] row : standings) {
        country |= labels[row[0]] == 5 && (flags[row[0]] & Lexicon.COUNTRY) != 0;
      }
      if (!country) {
        for (int[] row : standings) {
          if (labels[row[0]] == 5 && NewswireTagger.end(labels, row[0]) == row[1]) {
            for (int k = row[0]; k < row[1]; k++) {
              labels[k] = k == row[0] ? 3 : 4;
            }
            votes[5]--;
            votes[3]++;
          }
        }
        best = votes[3] >= votes[best] ? 3 : best;
      }
    }
    if (typed < 3 || votes[best] * 3 < typed * 2) {
      return;
    }
    for (int[] run : runs) {
      if (labels[run[0]] % 2 == 1) {
        for (int k = run[0]; k < run[1]; k++) {
          labels[k] = k == run[0] ? best : best + 1;
        }
      }
    }
    // An untagged name in a standings row whose figures match its tagged neighbours' is one of them: "BUFFALO" is
    // also an English word, and the model left it out of a table of clubs.
    for (int r = 0; r < standings.size(); r++) {
      int[] row = standings.get(r);
      if (labels[row[0]] != 0) {
        continue;
      }
      boolean above = r > 0 && standings.get(r - 1)[2] == row[2] && labels[standings.get(r - 1)[0]] == best;
      boolean below = r + 1 < standings.size() && standings.get(r + 1)[2] == row[2]
          && labels[standings.get(r + 1)[0]] == best;
      if (above || below) {
        for (int k = row[0]; k < row[1]; k++) {
          labels[k] = k == row[0] ? best : best + 1;
        }
      }
    }
    for (int[] result : results) {
      for (int side = 0; side < 4; side += 2) {
        int other = 2 - side;
        if (labels[result[side]] == 0 && labels[result[other]] == best
            && NewswireTagger.end(labels, result[other]) == result[other + 1]) {
          for (int k = result[side]; k < result[side + 1]; k++) {
            labels[k] = k == result[side] ? best : best + 1;
          }
        }
      }
    }
  }

  /** No name runs across a table's cell separator, which ingest writes between a row's cells ("Totnes | Anthony"). */
  static void cells(String[] words, int[] labels) {
    for (int i = 0; i < words.length; i++) {
      if (words[i].equals("|")) {
        labels[i] = 0;
        if (i + 1 < words.length && labels[i + 1] != 0 && labels[i + 1] % 2 == 0) {
          labels[i + 1]--;
        }
      }
    }
  }

  /**
   * A table's column holds one kind of thing: constituencies, then members, in a list of members of parliament.
   * Where at least three of a column's names were tagged and two thirds of them share a type, the others take it.
   * The model reads each cell with little context, and the rows' cells are separated by " | " (as ingest writes
   * tables), so a column is the names after the same number of separators on each line of one table (lines with
   * separators, one after the other).
   */
  static void columns(String[] words, boolean[] newLine, int[] labels) {
    int n = words.length;
    // column[i]: the table and the column token i is in, or -1 outside tables
    long[] column = new long[n];
    java.util.Arrays.fill(column, -1);
    boolean any = false;
    long table = 0;
    boolean inTable = false;
    for (int from = 0; from < n; ) {
      int to = from + 1;
      int separators = words[from].equals("|") ? 1 : 0;
      while (to < n && !newLine[to]) {
        separators += words[to].equals("|") ? 1 : 0;
        to++;
      }
      if (separators > 0) {
        table += inTable ? 0 : 1;
        inTable = true;
        any = true;
        int c = 0;
        for (int i = from; i < to; i++) {
          c += words[i].equals("|") ? 1 : 0;
          column[i] = (table << 20) + c;
        }
      } else {
        inTable = false;
      }
      from = to;
    }
    if (!any) {
      return;
    }
    Map<Long, int[]> votes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 == 1 && column[i] >= 0) {
        votes.computeIfAbsent(column[i], k -> new int[EntityModel.L])[labels[i]]++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 != 1 || column[i] < 0) {
        continue;
      }
      int[] v = votes.get(column[i]);
      int total = 0;
      int best = 1;
      for (int k = 1; k < EntityModel.L; k += 2) {
        total += v[k];
        best = v[k] > v[best] ? k : best;
      }
      int j = end(labels, i);
      if (total >= 3 && v[best] * 3 >= total * 2) {
        for (int k = i; k < j; k++) {
          labels[k] = k == i ? best : best + 1;
        }
      }
      i = j - 1;
    }
  }

  private static final java.util.Set<String> BYLINE_JOINERS = WordSet.of("and", ",", "&");

  /**
   * A byline ("By Maria Lopez and James Chen", from pages and feeds) names people: the model, which has seen
   * few, reads "By Maria Lopez" as one organisation. In a short line that starts with "By" and a capitalised
   * word, "By" is no name and each capitalised run up to the first other word ("in Brussels") is a person,
   * unless it is a known organisation ("By Ahmed Saleh, Reuters").
   */
  static void bylines(String[] words, boolean[] newLine, int[] labels) {
    int[] flags = null;
    for (int i = 0; i < words.length; i++) {
      boolean lineStart = i == 0 || newLine[i];
      if (!lineStart || !(words[i].equals("By") || words[i].equals("BY")) || i + 1 >= words.length
          || newLine[i + 1] || !Character.isUpperCase(words[i + 1].charAt(0))) {
        continue;
      }
      int end = i + 1;
      while (end < words.length && !newLine[end]) {
        end++;
      }
      if (end - i > 12) {
        continue;
      }
      labels[i] = 0;
      if (flags == null) {
        flags = lexicon().flags(words);
      }
      boolean inName = false;
      for (int j = i + 1; j < end; j++) {
        String w = words[j];
        if ((flags[j] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I | Lexicon.ACRONYM)) != 0) {
          inName = false; // the model's label stands
        } else if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
          labels[j] = inName ? 2 : 1;
          inName = true;
        } else if (BYLINE_JOINERS.contains(w)) {
          labels[j] = 0;
          inName = false;
        } else {
          break;
        }
      }
    }
  }

  private static EntityType type(int label) {
    return switch (label) {
      case 1 -> EntityType.PER;
      case 3 -> EntityType.ORG;
      case 5 -> EntityType.LOC;
      default -> EntityType.MISC;
    };
  }

  /**
   * A name tagged once is the same name elsewhere in the document: untagged repeats of a tagged name take its
   * type, and a lone first or last name of a person named in full is that person.
   */
  static void consistent(String[] words, int[] labels) {
    int n = words.length;
    // One type per name: where the model gave the same name different types, the most frequent one wins; on a
    // tie, the later mention's (a headline is terse, the body gives the model context). Each mention adds 1
    // plus a bonus below 1/n for its position, so the bonuses together never outweigh one more mention.
    Map<String, double[]> votes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 == 1) {
        int j = end(labels, i);
        // A name in a headline set in capitals gives the model less to go on than the same name in the body.
        double weight = Token.allCaps(words[i]) ? 0.5 : 1;
        votes.computeIfAbsent(key(words, i, j), k -> new double[EntityModel.L])[labels[i]]
            += weight + (double) i / ((double) n * n + 1);
        i = j - 1;
      }
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 == 1) {
        int j = end(labels, i);
        double[] v = votes.get(key(words, i, j));
        int best = labels[i];
        for (int k = 1; k < EntityModel.L; k += 2) {
          if (v[k] > v[best]) {
            best = k;
          }
        }
        for (int k = i; k < j; k++) {
          labels[k] = k == i ? best : best + 1;
        }
        i = j - 1;
      }
    }
    Map<String, Integer> known = new HashMap<>();
    Map<String, Integer> personParts = new HashMap<>();
    int longest = 1;
    for (int i = 0; i < n; i++) {
      if (labels[i] % 2 == 1) {
        int j = i + 1;
        while (j < n && labels[j] == labels[i] + 1) {
          j++;
        }
        known.putIfAbsent(key(words, i, j), labels[i]);
        longest = Math.max(longest, Math.min(j - i, 4));
        if (labels[i] == 1 && j - i >= 2) {
          personParts.putIfAbsent(fold(strip(words[j - 1])), 1);
          personParts.putIfAbsent(fold(words[i]), 1);
        }
        i = j - 1;
      }
    }
    // A repeat the model left out takes the person's type too: "DOLE" in a headline over "Bob Dole" and a "Dole"
    // the model read as a place.
    for (Map.Entry<String, Integer> name : known.entrySet()) {
      if (name.getKey().indexOf(' ') < 0 && personParts.containsKey(name.getKey())) {
        name.setValue(1);
      }
    }
    for (int i = 0; i < n; i++) {
      // "Lund" alone, after "Mette Lund", is the person even where the model guessed otherwise.
      if (labels[i] % 2 == 1 && labels[i] != 1 && (i + 1 == n || labels[i + 1] % 2 == 1 || labels[i + 1] == 0)
          && personParts.containsKey(fold(strip(words[i])))) {
        labels[i] = 1;
      }
      // A name of one word that the document names in full with the untagged words after it is that name: "NORTH"
      // and "SEA" in a headline over the body's "North Sea".
      boolean single = labels[i] % 2 == 1 && (i + 1 == n || labels[i + 1] != labels[i] + 1);
      if (labels[i] != 0 && !single || words[i].isEmpty() || !Character.isUpperCase(words[i].charAt(0))) {
        continue;
      }
      for (int len = Math.min(longest, n - i); len >= (single ? 2 : 1); len--) {
        boolean free = true;
        for (int k = single ? i + 1 : i; k < i + len && free; k++) {
          free = labels[k] == 0;
        }
        if (!free || i + len < n && labels[i + len] % 2 == 0 && labels[i + len] != 0) {
          continue;
        }
        Integer label = known.get(key(words, i, i + len));
        if (label == null && len == 1) {
          label = personParts.containsKey(fold(strip(words[i]))) ? Integer.valueOf(1) : null;
        }
        if (label != null) {
          labels[i] = label;
          for (int k = i + 1; k < i + len; k++) {
            labels[k] = label + 1;
          }
          i += len - 1;
          break;
        }
      }
    }
  }

  /**
   * A word that opens a sentence, is on no dictionary's list, is never written in lower case in the document and
   * stands alone before a lower-case word is a name, even where the model, which reads capitals there as weak
   * evidence, left it out: "Yeltsin signed the decree", "Lebed signed the accord" were untagged (unlike "Yeltsin
   * said").
   * It takes the type the model prefers for it among names' first words.
   */
  void sentenceOpeners(String[] words, EntityFeatures.Doc doc, int[] labels) {
    int n = words.length;
    for (int i = 0; i + 1 < n; i++) {
      String w = words[i];
      if (labels[i] != 0 || !doc.sentenceStart[i] || w.length() < 3 || !Character.isUpperCase(w.charAt(0))
          || Token.allCaps(w) || doc.lowerElsewhere[i] || (doc.flags[i] & Lexicon.COMMON_WORD) != 0
          || words[i + 1].isEmpty() || !Character.isLowerCase(words[i + 1].charAt(0))) {
        continue;
      }
      // Latin letters only: no contraction ("We'd"), compound ("Third-quarter") or look-alike letters of another
      // script ("Соntасt", as spam writes it).
      boolean letters = true;
      for (int k = 0; k < w.length() && letters; k++) {
        letters = Character.isLetter(w.charAt(k))
            && Character.UnicodeScript.of(w.charAt(k)) == Character.UnicodeScript.LATIN;
      }
      if (!letters) {
        continue;
      }
      float[] best = model.bestStart(doc, i, i > 0 ? labels[i - 1] : -1, i > 1 ? labels[i - 2] : -1);
      labels[i] = (int) best[0];
    }
  }

  /**
   * A club or company named in full is the same organisation where a mention gives only its first word: "Real"
   * after "Real Madrid", "Slavia" after "Slavia Prague", where the model took the short form for a person or a
   * place (a lone word has little context, and sports copy shortens clubs' names all the time). A first word that
   * is a place ("Hull" of "Hull KR", "Kenya" of "Kenya Airways"), a nationality ("Indian" of "Indian Oil") or part
   * of a person's full name in the document keeps its own type.
   */
  static void organisationShortForms(String[] words, int[] labels, java.util.function.Predicate<String> aNameOfItsOwn) {
    Set<String> heads = new java.util.HashSet<>();
    Set<String> persons = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      if (labels[i] % 2 == 1) {
        int j = end(labels, i);
        if (labels[i] == 3 && j - i >= 2) {
          heads.add(fold(words[i]));
        } else if (labels[i] == 1 && j - i >= 2) {
          for (int k = i; k < j; k++) {
            persons.add(fold(strip(words[k])));
          }
        }
        i = j - 1;
      }
    }
    heads.removeAll(persons);
    heads.removeIf(aNameOfItsOwn);
    for (int i = 0; i < words.length; i++) {
      if ((labels[i] == 1 || labels[i] == 5) && end(labels, i) == i + 1 && heads.contains(fold(strip(words[i])))) {
        labels[i] = 3;
      }
    }
    // "the Globe" after "the California Globe": an organisation's last word after "the" is the organisation.
    Set<String> lastWords = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      if (labels[i] == 3) {
        int j = end(labels, i);
        if (j - i >= 2) {
          lastWords.add(fold(words[j - 1]));
        }
        i = j - 1;
      }
    }
    for (int i = 1; i < words.length; i++) {
      if (labels[i] == 7 && end(labels, i) == i + 1 && words[i - 1].equalsIgnoreCase("the") && !Token.allCaps(words[i])
          && lastWords.contains(fold(words[i])) && !aNameOfItsOwn.test(words[i])) {
        labels[i] = 3;
      }
    }
  }

  /** A name's words as one key, a word in capitals written as in running text ("WAIGEL" is "Waigel"). */
  private static String key(String[] words, int from, int to) {
    if (to - from == 1) {
      return fold(words[from]);
    }
    StringBuilder key = new StringBuilder();
    for (int k = from; k < to; k++) {
      key.append(k == from ? "" : " ").append(fold(words[k]));
    }
    return key.toString();
  }

  private static String fold(String word) {
    return Token.allCaps(word) ? Lexicon.titleCase(word) : word;
  }

  /** The end (exclusive) of the name whose first word is at i. */
  static int end(int[] labels, int i) {
    int j = i + 1;
    while (j < labels.length && labels[j] == labels[i] + 1) {
      j++;
    }
    return j;
  }

  private static String strip(String w) {
    return w.endsWith("'s") || w.endsWith("’s") ? w.substring(0, w.length() - 2) : w;
  }

  private List<Place> places(List<Entity> entities) {
    Gazetteer g = gazetteer();
    Set<String> countries = new LinkedHashSet<>();
    for (Entity e : entities) {
      if (e.getType() == EntityType.LOC) {
        Gazetteer.Entry entry = g.find(e.getName());
        if (entry != null && !"city".equals(entry.kind()) && !"capital".equals(entry.kind()) && entry.country() != null) {
          countries.add(entry.country()); // countries and regions name the article's geography
        }
      }
    }
    List<Place> places = new ArrayList<>();
    for (Entity e : entities) {
      if (e.getType() == EntityType.LOC) {
        Gazetteer.Entry entry = g.resolve(e.getName(), countries);
        if (entry != null) {
          places.add(g.place(e.getId(), entry));
        }
      }
    }
    return places;
  }
}
