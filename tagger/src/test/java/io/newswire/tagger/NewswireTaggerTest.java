package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewswireTaggerTest {
  static final NewswireTagger TAGGER = new NewswireTagger();

  static final String TITLE = "Polish president travels to Kyiv as shelling hits Kharkiv";
  static final String BODY = """
      Polish President Andrzej Duda arrived in Kyiv on Tuesday for talks with Ukrainian President Volodymyr \
      Zelensky, while Russian forces kept up heavy shelling of Kharkiv overnight.

      Duda is expected to discuss military aid and the ceasefire proposal backed by the European Commission. \
      The Kremlin said it had not been informed of the visit.

      “Poland will stand with Ukraine for as long as this war lasts,” Duda told reporters at the station.

      Zelensky said the talks would focus on air defence. “Every missile we stop saves a city,” he said.

      Ukraine's General Staff said troops had repelled 14 attacks near Kharkiv.""";

  Entity entity(Tagging t, String name) {
    return t.entities().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + t.entities().stream().map(Entity::getName).toList()));
  }

  @Test
  void noNameRunsFromTheTitleIntoTheBody() {
    // The title's last word and the body's first were once read as one name ("Lagos\n\nA").
    Tagging t = TAGGER.tag("Storm hits Lagos", "A storm hit Lagos on Monday.");
    assertThat(t.entities()).allSatisfy(e -> assertThat(e.getMentions())
        .allSatisfy(m -> assertThat(m.getText()).doesNotContain("\n")));
    assertThat(t.entities()).filteredOn(e -> e.getName().equals("Lagos")).singleElement()
        .satisfies(e -> assertThat(e.getMentions()).hasSize(2));
  }

  @Test
  void theWholeTaggerNeverFailsOnPhrasesJoinedAndCutAnywhere() {
    // The document-level steps after the rules (consistency, tables, columns, clubs' short forms) as well.
    java.util.Random random = new java.util.Random(61L);
    for (int doc = 0; doc < 2000; doc++) {
      StringBuilder text = new StringBuilder();
      for (int p = 1 + random.nextInt(8); p > 0; p--) {
        text.append(NameRulesTest.PHRASES[random.nextInt(NameRulesTest.PHRASES.length)].replace("\\n", "\n"))
            .append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      String all = text.toString();
      String body = all.substring(random.nextInt(3) == 0 ? random.nextInt(all.length()) : 0);
      Tagging t = TAGGER.tag(random.nextBoolean() ? "SOCCER - RESULTS" : "", body);
      assertThat(t.entities()).allSatisfy(e -> assertThat(e.getMentions()).isNotEmpty());
    }
  }

  @Test
  void anAppealForAidIsNoCourtsAndFoodAidIsADisastersTopic() {
    Tagging t = TAGGER.tag("WFP appeals for aid to North Korea", "ROME 1996-08-22\nThe World Food Programme appealed on"
        + " Thursday for $6 million in food aid for flood victims in North Korea.");
    assertThat(t.topics().get(0).getLabel()).isEqualTo("disaster, accident and emergency incident");
    Tagging court = TAGGER.tag("Former minister loses appeal", "The former minister lost an appeal against his"
        + " conviction for fraud at the appeals court on Monday.");
    assertThat(court.topics().get(0).getLabel()).isEqualTo("crime, law and justice");
    assertThat(TAGGER.tag("Study links loud music to hearing loss", "Teenagers who listen to loud music through"
        + " headphones risk permanent hearing loss, a study found.").topics().get(0).getLabel()).isEqualTo("health");
  }

  @Test
  void aWordOnNoDictionarysListOpeningASentenceAloneIsAName() {
    // The model reads capitals at a sentence's start as weak evidence and left these out.
    assertThat(entity(TAGGER.tag("Decree", "Yeltsin signed the decree on Monday."), "Yeltsin").getType())
        .isEqualTo(EntityType.PER);
    assertThat(entity(TAGGER.tag("Talks", "Lebed signed the accord."), "Lebed").getType()).isEqualTo(EntityType.PER);
    // Not a dictionary word, a contraction or a compound.
    assertThat(TAGGER.tag("Note", "Third-quarter profit rose. We'd like that. Donations rose.").entities()).isEmpty();
  }

  @Test
  void thePluralOpeningTheStoryAfterADatelinesDashIsNoName() {
    // Feeds write the dateline and the first sentence on one line; the model reads the word after the dash as one
    // inside a sentence, where "Scientists" in capitals had been an organisation.
    for (String body : new String[] {"LONDON - Scientists said on Wednesday they had found a gene.",
        "SAN FRANCISCO (Reuters) - Astronomers said they had found a planet.",
        "MIAMI, Aug 22 — Forecasters said the storm would strengthen."}) {
      assertThat(TAGGER.tag("Report", body).entities()).extracting(e -> e.getName().toString())
          .doesNotContain("Scientists", "Astronomers", "Forecasters");
    }
    // A company named by a dictionary word keeps its name there, and so does a plural the story capitalises.
    assertThat(entity(TAGGER.tag("Retailer", "MINNEAPOLIS (Reuters) - Target said sales fell."), "Target").getType())
        .isEqualTo(EntityType.ORG);
    assertThat(entity(TAGGER.tag("Vote", "WASHINGTON - Democrats said they would block the bill."), "Democrats")
        .getType()).isEqualTo(EntityType.ORG);
  }

  @Test
  void aCityNamedLikeAClubIsTheCityOutsideSport() {
    // The model learned these names from results and match reports, where they are clubs.
    assertThat(entity(TAGGER.tag("Flooding", "Heavy rain flooded streets in Valencia, and the mayor of Marseille warned"
        + " of more storms."), "Marseille").getType()).isEqualTo(EntityType.LOC);
    assertThat(entity(TAGGER.tag("Port strike", "Dock workers in Southampton walked out on Monday over pay, the union"
        + " said."), "Southampton").getType()).isEqualTo(EntityType.LOC);
    // A jury's or a court's count of votes is no score.
    assertThat(entity(TAGGER.tag("Plumber jailed", "The jury found him guilty by a majority verdict of 10-2 in Bath,"
        + " Somerset, on Friday."), "Somerset").getType()).isEqualTo(EntityType.LOC);
    // In a story about sport they stay clubs: a score, match wording, a club's people, or sport's keywords.
    assertThat(entity(TAGGER.tag("Marseille win", "Marseille beat Lyon 2-1 on Sunday."), "Marseille").getType())
        .isEqualTo(EntityType.ORG);
    assertThat(entity(TAGGER.tag("Transfer news", "Southampton have signed the Dutch striker on a three-year deal."),
        "Southampton").getType()).isEqualTo(EntityType.ORG);
    // A company named after a town is not a club, and stays what the model read.
    assertThat(entity(TAGGER.tag("Phone maker cuts jobs", "Nokia will cut 1,000 jobs in Finland, the company said."),
        "Nokia").getType()).isEqualTo(EntityType.ORG);
  }

  @Test
  void headlinesInCapitalsAreReadLikeRunningText() {
    // "JAPAN'S" is the name and the possessive, as "Japan's" is
    assertThat(Token.of("JAPAN'S CABINET").stream().map(Token::text)).containsExactly("JAPAN", "'S", "CABINET");
    assertThat(Token.of("IT'S OK").stream().map(Token::text)).containsExactly("IT", "'S", "OK");
    assertThat(Token.of("Bob'S").stream().map(Token::text)).containsExactly("Bob'S"); // not capitals throughout
    // A capital with a period ending a line ends a sentence: an initial does not end a line.
    assertThat(Token.of("second in Serie A.\nNext").stream().map(Token::text))
        .containsExactly("second", "in", "Serie", "A", ".", "Next");
    assertThat(Token.of("John A. Smith and the U.S.\n").stream().map(Token::text))
        .containsExactly("John", "A.", "Smith", "and", "the", "U.S.");
    assertThat(Token.of("Sino-U.S. ties").stream().map(Token::text)).containsExactly("Sino-U.S.", "ties");
    assertThat(Token.of("EXCLUSIVE-Boeing's unit").stream().map(Token::text))
        .containsExactly("EXCLUSIVE", "-", "Boeing", "'s", "unit");
    assertThat(Token.of("EXCLUSIVE-Boeing").get(2).start()).isEqualTo(10);
    assertThat(Token.of("Jean-Pierre US-based ANC-Led").stream().map(Token::text))
        .containsExactly("Jean-Pierre", "US-based", "ANC", "-", "Led");
    // word lists are looked up as the word is written in running text, except the names of people
    int[] flags = NewswireTagger.lexicon().flags(new String[] {"JAPANESE", "MINISTRY", "WILL"});
    assertThat(flags[0] & Lexicon.DEMONYM).isNotZero();
    assertThat(flags[1] & Lexicon.ORG_WORD).isNotZero();
    assertThat(flags[2] & Lexicon.PERSON_NAME).isZero();
    assertThat(NewswireTagger.lexicon().flags(new String[] {"Will"})[0] & Lexicon.PERSON_NAME).isNotZero();
  }

  @Test
  void wireSentencesAsCoNllTextGivesThem() {
    // Sentences of the kinds the rules of tagger 1.34.0 were written for, through the whole tagger as `tag --conll`
    // runs it: each sentence its own line, as a CoNLL file's sentences are.
    String[][] sentences = {
        "Sampras beat Ivanisevic 6-3 6-4 .".split(" "),
        "Portugal and Norway drew 0-0 in a World Cup qualifier .".split(" "),
        "Taleban militia captured Kabul on Friday .".split(" "),
        "Clinton said on Tuesday he would sign the bill .".split(" "),
        "The Knesset would debate the Oslo accords .".split(" ")};
    List<String> words = new ArrayList<>();
    List<Integer> firsts = new ArrayList<>();
    for (String[] sentence : sentences) {
      firsts.add(words.size());
      words.addAll(List.of(sentence));
    }
    boolean[] starts = new boolean[words.size()];
    firsts.forEach(i -> starts[i] = true);
    List<String> tags = List.of(TAGGER.tagTokens(words.toArray(String[]::new), starts));
    java.util.function.Function<String, String> tag = w -> tags.get(words.indexOf(w));
    assertThat(List.of(tag.apply("Sampras"), tag.apply("Ivanisevic"))).containsOnly("B-PER");
    assertThat(List.of(tag.apply("World"), tag.apply("Cup"))).containsExactly("B-MISC", "I-MISC");
    assertThat(tag.apply("Taleban")).isEqualTo("B-ORG");
    assertThat(tag.apply("Clinton")).isEqualTo("B-PER");
    assertThat(tag.apply("Oslo")).isEqualTo("B-MISC");
  }

  @Test
  void aNameOfOneWordThatTheDocumentNamesInFullWithTheWordsAfterItIsThatName() {
    // Consistency on labels directly: "NORTH" (a place) and "SEA" (left out) over the body's "North Sea".
    String[] words = "NORTH SEA OUTPUT STEADY . its North Sea output".split(" ");
    int[] labels = {5, 0, 0, 0, 0, 0, 5, 6, 0};
    NewswireTagger.consistent(words, labels);
    assertThat(labels).containsExactly(5, 6, 0, 0, 0, 0, 5, 6, 0);
  }

  /** A headline and a body sentence of CoNLL text, tagged as one document. */
  static String[] headlineAndBody(String headline, String body) {
    String[] words = (headline + " " + body).split(" ");
    boolean[] starts = new boolean[words.length];
    starts[0] = true;
    starts[headline.split(" ").length] = true;
    return TAGGER.tagTokens(words, starts);
  }

  /** One sentence of CoNLL text, its tokens split at spaces, tagged as `tag --conll` tags it. */
  static String[] sentence(String text) {
    String[] words = text.split(" ");
    boolean[] starts = new boolean[words.length];
    starts[0] = true;
    return TAGGER.tagTokens(words, starts);
  }

  @Test
  void politiciansAroundTheirPeopleMovementsOpenedByTheirCountryAndTwoFirmsJoinedByAnd() {
    Tagging t = TAGGER.tag("Campaign", "Dole campaign aides said Clinton was vulnerable on the economy. Senior"
        + " Clinton aides dismissed the claim.");
    assertThat(entity(t, "Clinton").getType()).isEqualTo(EntityType.PER);
    assertThat(entity(t, "Dole").getType()).isEqualTo(EntityType.PER);
    Tagging oil = TAGGER.tag("Oil", "French oil groups Elf Aquitaine and Total both reported higher profits on"
        + " Thursday, analysts in Paris said.");
    assertThat(entity(oil, "Elf Aquitaine").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(oil, "Total").getType()).isEqualTo(EntityType.ORG);
    assertThat(sentence("The rebel Sudan People 's Liberation Army said it had captured Kapoeta ."))
        .startsWith("O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG");
  }

  @Test
  void aNameWhoseSharesAreTradedIsACompanyThroughoutTheDocument() {
    Tagging t = TAGGER.tag("Markets", "Shares in Zeneca rose 2 percent on Tuesday after the results, traders said."
        + " Zeneca said profits grew.");
    assertThat(entity(t, "Zeneca").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(TAGGER.tag("Markets", "Sears shares fell 3 percent. Sears said sales slowed."), "Sears")
        .getType()).isEqualTo(EntityType.ORG);
    // A person whose company follows stays a person; so does one who shares a prize.
    assertThat(entity(TAGGER.tag("Media", "Investors bought shares of Rupert Murdoch's News Corp on Monday."),
        "Rupert Murdoch").getType()).isEqualTo(EntityType.PER);
    assertThat(entity(TAGGER.tag("Prize", "Professor Ann Smith shares the prize with two colleagues, the academy"
        + " said."), "Ann Smith").getType()).isEqualTo(EntityType.PER);
    // A price that moves by money or a percentage is a share's, not a person's weight.
    Tagging market = TAGGER.tag("Hong Kong shares close higher", "Hong Kong shares closed higher, led by HSBC"
        + " Holdings and Hutchison Whampoa. Hutchison Whampoa gained 2 percent.");
    assertThat(entity(market, "Hutchison Whampoa").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(TAGGER.tag("Diet", "Sarah Jones lost 10 pounds in a month, she said."), "Sarah Jones")
        .getType()).isEqualTo(EntityType.PER);
    // And so is a name that led shares: a list after "led by" in a sentence about shares or an index.
    assertThat(entity(TAGGER.tag("Hong Kong", "Hong Kong shares closed higher, led by HSBC Holdings and Hutchison"
        + " Whampoa."), "Hutchison Whampoa").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(TAGGER.tag("Talks", "A delegation led by John Smith arrived on Monday."), "John Smith")
        .getType()).isEqualTo(EntityType.PER);
  }

  @Test
  void aNameOpeningWithInitialsIsAPerson() {
    Tagging t = TAGGER.tag("South Africa", "Former president P.W. Botha met J.K. Rowling, and Congress party leader"
        + " P.V. Narasimha Rao resigned.");
    assertThat(entity(t, "P.W. Botha").getType()).isEqualTo(EntityType.PER);
    assertThat(entity(t, "J.K. Rowling").getType()).isEqualTo(EntityType.PER);
    assertThat(entity(t, "P.V. Narasimha Rao").getType()).isEqualTo(EntityType.PER);
    assertThat(sentence("Shares of J.P. Morgan and U.S. Steel rose ."))
        .containsSubsequence("B-ORG", "I-ORG", "O", "B-ORG", "I-ORG");
  }

  @Test
  void aPersonsPossessiveOpensNoOrganisation() {
    Tagging t = TAGGER.tag("Campaign", "President Bill Clinton led in the polls. Clinton's Democrats and Bob Dole's"
        + " Republicans clashed over the budget.");
    assertThat(entity(t, "Bill Clinton").getType()).isEqualTo(EntityType.PER);
    assertThat(t.entities()).extracting(e -> e.getName()).doesNotContain("Clinton's Democrats");
  }

  @Test
  void relativesAreTwoPeopleAndAHeadlinesCapitalsNameTheBodysPerson() {
    Tagging t = TAGGER.tag("POGACAR WINS AGAIN", "Tadej Pogacar won the stage. Sam Ponder interviewed Christian Ponder"
        + " after the game, and Mr Pogacar thanked his team.");
    assertThat(entity(t, "Tadej Pogacar").getMentions()).extracting(m -> m.getText())
        .containsExactly("POGACAR", "Tadej Pogacar", "Pogacar");
    assertThat(entity(t, "Sam Ponder").getMentions()).hasSize(1);
    assertThat(entity(t, "Christian Ponder").getMentions()).hasSize(1);
  }

  @Test
  void aWorkNamedAfterItsKindIsMisc() {
    assertThat(sentence("The film Schindler 's List won seven Oscars ."))
        .containsExactly("O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "O", "B-MISC", "O");
    assertThat(sentence("Her novel The Remains of the Day sold well ."))
        .containsExactly("O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O", "O");
    // After a verb or an adjective the kind is no noun, and the name keeps its type.
    assertThat(sentence("They play Arsenal on Sunday ."))
        .containsExactly("O", "O", "B-ORG", "O", "O", "O");
  }

  @Test
  void aNameInACapitalisedHeadlineTakesTheTypeItHasInTheBody() {
    // The body's "Waigel" (a person, with a title and a verb) decides for the headline's "WAIGEL", which on its
    // own gives the model little to go on; both count as one name.
    String[] tags = headlineAndBody("BONN TO CUT SPENDING , SAYS WAIGEL .", "German Finance Minister Theo Waigel said on"
        + " Sunday the government would cut spending . Waigel told reporters the plan was fair .");
    assertThat(tags[6]).isEqualTo("B-PER");
    assertThat(tags[12]).isEqualTo("I-PER");
    // So does a word the model left out there: "DOLE" took the place's type the model first gave the body's "Dole".
    tags = headlineAndBody("CLINTON , DOLE CLASH OVER TAX CUTS .", "President Bill Clinton and Republican challenger"
        + " Bob Dole clashed over Dole 's plan .");
    assertThat(tags[0]).isEqualTo("B-PER");
    assertThat(tags[2]).isEqualTo("B-PER");
    int[] labels = {0, 7, 0, 1};
    NewswireTagger.consistent(new String[] {"SAYS", "WAIGEL", "and", "Waigel"}, labels);
    assertThat(labels).containsExactly(0, 1, 0, 1);
  }

  @Test
  void aClubsFirstWordAloneIsTheClub() {
    // Labels: 1 PER, 3 ORG, 5 LOC. "Real" (taken for a person) and "Slavia" (for a place) are the clubs named in
    // full; "Hull" is a place of its own and "Indian" a nationality, so they keep the model's reading.
    String[] words = {"Real", "Madrid", "Slavia", "Prague", "Hull", "KR", "Indian", "Oil", "Real", "Slavia", "Hull",
        "Indian"};
    int[] labels = {3, 4, 3, 4, 3, 4, 3, 4, 1, 5, 5, 7};
    NewswireTagger.organisationShortForms(words, labels, w -> w.equals("Hull") || w.equals("Indian"));
    assertThat(java.util.Arrays.copyOfRange(labels, 8, 12)).containsExactly(3, 3, 5, 7);
  }

  @Test
  void foreignCupsAndClubsAreReadByTheirHeadWords() {
    // "Copa", "Olympique" and the like are event and organisation head words of the lexicon, as "Cup" and "FC" are.
    Tagging t = TAGGER.tag("Copa del Rey", "Athletic Bilbao beat Real Sociedad 1-0 in the Copa del Rey on Wednesday,"
        + " while Olympique Lyonnais lost to Stade Rennais in the Coupe de France.");
    assertThat(t.entities()).extracting(e -> e.getType() + " " + e.getName())
        .contains("MISC Copa del Rey", "ORG Olympique Lyonnais", "MISC Coupe de France");
  }

  @Test
  void aMeasurementIsNotAName() {
    // "46C" in a heatwave headline was once an organisation; a club such as "1860 Munich" still starts a name.
    assertThat(EntityModel.canStart("46C")).isFalse();
    assertThat(EntityModel.canStart("1.5C")).isFalse();
    assertThat(EntityModel.canStart("10km")).isFalse();
    assertThat(EntityModel.canStart("1860")).isTrue();
    assertThat(EntityModel.canStart("20th")).isTrue();
    assertThat(EntityModel.canStart("WRAPUP")).isFalse();
    assertThat(TAGGER.tag("WRAPUP 1-Ukraine says Russian drones hit Odesa port", "Officials said so on Monday.")
        .entities()).extracting(Entity::getName).containsExactlyInAnyOrder("Ukraine", "Russian", "Odesa");
    Tagging t = TAGGER.tag("Delhi swelters as heatwave pushes temperatures past 46C",
        "Temperatures in Delhi climbed above 46 degrees Celsius on Tuesday, the India Meteorological Department said.");
    assertThat(t.entities()).extracting(Entity::getName).doesNotContain("46C").contains("Delhi");
  }

  @Test
  void knownOrganisationsAreEvidenceAndNotTheAnswer() {
    String[] words = {"BAYERN", "MUNICH", "beat", "Werder", "Bremen", "as", "the", "Bank", "of", "Japan", "watched",
        "Liverpool"};
    int[] flags = NewswireTagger.lexicon().flags(words);
    assertThat(flags[0] & Lexicon.KNOWN_ORG_B).isNotZero(); // capitals are matched as running text
    assertThat(flags[1] & Lexicon.KNOWN_ORG_I).isNotZero();
    assertThat(flags[3] & Lexicon.KNOWN_ORG_B).isNotZero();
    assertThat(flags[7] & Lexicon.KNOWN_ORG_B).isNotZero();
    assertThat(flags[9] & Lexicon.KNOWN_ORG_I).isNotZero();
    assertThat(flags[2] & (Lexicon.KNOWN_ORG_B | Lexicon.KNOWN_ORG_I)).isZero();
    // a city that is also a club carries both flags: the context decides
    assertThat(flags[11] & Lexicon.KNOWN_ORG_B).isNotZero();
    assertThat(flags[11] & Lexicon.PLACE_B).isNotZero();
    Tagging visit = TAGGER.tag("Talks in Liverpool", "Ministers met in Liverpool on Monday to discuss port funding.");
    assertThat(visit.entities()).extracting(Entity::getName, Entity::getType)
        .contains(tuple("Liverpool", EntityType.LOC));
  }

  @Test
  void aTitleInTitleCaseIsReadInSentenceCase() {
    Tagging fed = TAGGER.tag("Fed Holds Rates Steady As Inflation Cools In October",
        "The Federal Reserve kept interest rates unchanged on Wednesday.");
    assertThat(fed.entities()).extracting(Entity::getName).containsExactly("Federal Reserve");
    Tagging strike = TAGGER.tag("Striking Workers Return After Union Reaches Deal With Boeing In Seattle",
        "Machinists went back to work on Monday after voting to accept the offer.");
    assertThat(strike.entities()).extracting(Entity::getName, Entity::getType)
        .containsExactlyInAnyOrder(tuple("Boeing", EntityType.ORG), tuple("Seattle", EntityType.LOC));
    // Names keep their capitals, and so do words the body writes with one mid-sentence.
    String[] words = {"China", "And", "Turkey", "Sign", "Trade", "Deal", "At", "Summit", "Summit", "host", "Trade"};
    boolean[] starts = new boolean[words.length];
    starts[0] = true;
    starts[8] = true;
    NewswireTagger.lexicon().sentenceCase(words, starts, 8);
    assertThat(words).startsWith("China", "and", "Turkey", "sign", "Trade", "deal", "at", "summit");
    // A short title whose every word but the small ones is capitalised, with two dictionary words among them.
    String[] quake = {"Quake", "Kills", "Dozens", "in", "Eastern", "Iran"};
    NewswireTagger.lexicon().sentenceCase(quake, new boolean[quake.length], quake.length);
    assertThat(quake).startsWith("Quake", "kills", "dozens", "in");
    // A sentence-case title with several names is left alone.
    String[] names = {"Xi", "Jinping", "meets", "Vladimir", "Putin", "in", "Moscow"};
    NewswireTagger.lexicon().sentenceCase(names, new boolean[names.length], names.length);
    assertThat(names).containsExactly("Xi", "Jinping", "meets", "Vladimir", "Putin", "in", "Moscow");
  }

  @Test
  void anOrganisationsLastWordAfterTheIsTheOrganisation() {
    Tagging t = TAGGER.tag("Court ruling", "Evan Symon is an editor at the California Globe. Before the Globe, he wrote"
        + " for the Pasadena Independent.");
    assertThat(t.entities()).extracting(Entity::getName, Entity::getType).contains(tuple("California Globe", EntityType.ORG))
        .doesNotContain(tuple("Globe", EntityType.MISC));
  }

  @Test
  void aBylineNamesPeople() {
    Tagging t = TAGGER.tag("Rates rise again", "By Maria Lopez and James Chen in Brussels\n"
        + "The European Central Bank raised rates on Thursday.");
    assertThat(t.entities()).extracting(Entity::getName, Entity::getType).contains(tuple("Maria Lopez", EntityType.PER),
        tuple("James Chen", EntityType.PER), tuple("Brussels", EntityType.LOC));
    Tagging agency = TAGGER.tag("Rates rise again", "BY AHMED SALEH, Reuters\nThe bank raised rates.");
    assertThat(agency.entities()).extracting(Entity::getName, Entity::getType)
        .contains(tuple("AHMED SALEH", EntityType.PER), tuple("Reuters", EntityType.ORG));
    // "By" opening an ordinary sentence is not a byline.
    assertThat(TAGGER.tag("Cars", "By the end of the year, Germany will ban the sale of such cars.").entities())
        .extracting(Entity::getName).containsExactly("Germany");
  }

  @Test
  void theFirstWordAfterTheTitleIsNotANameByPosition() {
    // Nearly every training article opens with a dateline; feeds and pages seldom do. Half the training articles
    // lose theirs, so a body starting "Given the risks" is not read as a dateline or a person.
    Tagging t = TAGGER.tag("Officials meet to discuss the budget",
        "Given the sensitivity of the issue, the sources declined to be identified.");
    assertThat(t.entities()).isEmpty();
  }

  @Test
  void aSmallTownsNameInCapitalsIsTheWordItSpells() {
    int[] flags = NewswireTagger.lexicon().flags(new String[] {"CHINA", "IN", "SURPRISE", "DEFEAT", "Surprise", "AL-AIN"});
    assertThat(flags[0] & Lexicon.PLACE_B).isNotZero(); // a country stays a place
    assertThat(flags[2] & Lexicon.PLACE_B).isZero(); // Surprise, Arizona, in a headline in capitals
    assertThat(flags[4] & Lexicon.PLACE_B).isNotZero(); // the town in running text keeps its evidence
    assertThat(NewswireTagger.lexicon().flags(new String[] {"Rio-Grande"})[0] & Lexicon.PLACE_B).isNotZero();
  }

  @Test
  void eventNamesHaveTheirOwnEvidence() {
    int[] flags = NewswireTagger.lexicon().flags(new String[] {"the", "Dubai", "Desert", "Classic", "and", "VIENNA", "OPEN"});
    assertThat(flags[1] & Lexicon.EVENT_AHEAD).isNotZero();
    assertThat(flags[2] & Lexicon.EVENT_AHEAD).isNotZero();
    assertThat(flags[3] & Lexicon.EVENT_WORD).isNotZero();
    assertThat(flags[5] & Lexicon.EVENT_AHEAD).isNotZero();
    assertThat(flags[6] & Lexicon.EVENT_WORD).isNotZero();
    assertThat(flags[0] & (Lexicon.EVENT_AHEAD | Lexicon.EVENT_WORD)).isZero();
  }

  @Test
  void theTitleAndFirstParagraphOutweighTheBackground() {
    // A chip launch with market background: one share-price paragraph must not outvote the story itself.
    Tagging t = TAGGER.tag("Chipmaker unveils faster processor for artificial intelligence",
        "The company showed a new processor for data centres and said its software would run on older chips.\n"
            + "Shares rose 3 percent on the stock market; investors expect revenue and profit to grow, and the bank"
            + " that advised the company raised its price target.");
    assertThat(t.topics().get(0).getCode()).isEqualTo("medtop:13000000");
  }

  @Test
  void findsPeopleOrganisationsPlacesAndNationalitiesWithCanonicalNames() {
    Tagging t = TAGGER.tag(TITLE, BODY);

    Entity duda = entity(t, "Andrzej Duda");
    assertThat(duda.getType()).isEqualTo(EntityType.PER);
    assertThat(duda.getMentions()).extracting(m -> m.getText()).containsExactly("Andrzej Duda", "Duda", "Duda");
    assertThat(entity(t, "Volodymyr Zelensky").getMentions()).hasSize(2);
    assertThat(entity(t, "Kyiv").getType()).isEqualTo(EntityType.LOC);
    assertThat(entity(t, "Kyiv").getInTitle()).isTrue();
    assertThat(entity(t, "European Commission").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(t, "Kremlin").getType()).isEqualTo(EntityType.ORG);
    assertThat(entity(t, "Russian").getType()).isEqualTo(EntityType.MISC);
    assertThat(entity(t, "Polish").getType()).isEqualTo(EntityType.MISC);
  }

  @Test
  void mentionOffsetsPointAtTheMentionInTitlePlusBody() {
    Tagging t = TAGGER.tag(TITLE, BODY);
    String text = Tagging.text(TITLE, BODY);
    t.entities().forEach(e -> e.getMentions().forEach(
        m -> assertThat(text.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText())));
  }

  @Test
  void geocodesPlaces() {
    Tagging t = TAGGER.tag(TITLE, BODY);
    Place kharkiv = t.places().stream().filter(p -> p.getName().equals("Kharkiv")).findFirst().orElseThrow();
    assertThat(kharkiv.getCountryCode()).isEqualTo("UA");
    assertThat(kharkiv.getLatitude()).isBetween(49.0, 51.0);
  }

  @Test
  void topicsAndQuotesWithSpeakers() {
    Tagging t = TAGGER.tag(TITLE, BODY);
    assertThat(t.topics().get(0).getCode()).isEqualTo("medtop:16000000");
    // Further top-level topics only when they are at least 10 % likely (politics here was 4 %, leisure 3 %).
    assertThat(t.topics()).filteredOn(m -> m.getCode().endsWith("000000")).allMatch(m -> m.getScore() >= 0.1);
    assertThat(t.quotes()).extracting(Quote::getSpeaker).containsExactly("Andrzej Duda", "Volodymyr Zelensky");
    assertThat(t.quotes().get(0).getText()).startsWith("Poland will stand");
    assertThat(t.language()).isEqualTo("en");
  }

  @Test
  void nonEnglishTextGetsItsLanguageAndDoesNotFail() {
    Tagging t = TAGGER.tag("Le conseil municipal vote le budget",
        "Le conseil municipal de la ville a voté mardi le budget pour la nouvelle année, qui est en hausse.");
    assertThat(t.language()).isEqualTo("fr");
    assertThat(TAGGER.tag("Заголовок", "Київ і Харків готуються до зими.").language()).isEqualTo("uk");
  }

  Place place(Tagging t, String name) {
    return t.places().stream().filter(p -> p.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no place " + name + " in " + t.places()));
  }

  @Test
  void placesAreDisambiguatedByTheArticlesOtherPlaces() {
    assertThat(place(TAGGER.tag("Rodeo returns", "The rodeo returned to Paris, Texas, on Saturday, the mayor said."),
        "Paris").getCountryCode()).isEqualTo("US");
    assertThat(place(TAGGER.tag("Fashion week opens", "Fashion week opened in Paris on Monday with shows by 90 houses."),
        "Paris").getCountryCode()).isEqualTo("FR");
    // A city and the region named after it: the city.
    assertThat(place(TAGGER.tag(TITLE, BODY), "Kharkiv").getFeatureKind()).isEqualTo("city");
  }

  @Test
  void shortNamesJoinTheLongFormAndQuotesFindTheirSpeakers() {
    Tagging t = TAGGER.tag("Xi meets Putin", "Chinese President Xi Jinping met Russian President Vladimir Putin in"
        + " Moscow on Tuesday. Xi said the talks were friendly. \"We are good neighbours and will remain so,\" Xi was"
        + " quoted as saying. The partnership has no limits, according to Putin, who called it \"a model for the"
        + " world order we want\".");
    assertThat(entity(t, "Xi Jinping").getMentions()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(entity(t, "Vladimir Putin").getType()).isEqualTo(EntityType.PER);
    assertThat(t.quotes()).extracting(Quote::getSpeaker).containsExactly("Xi Jinping", "Vladimir Putin");
  }

  @Test
  void aQuoteAfterAVerbOfDescribingBelongsToWhoeverDescribes() {
    // Not the previous quote's speaker: "described ... as" attributes the quote to the sentence's subject.
    Tagging t = TAGGER.tag("Port closed", "Harbour master Lena Okafor said \"no ship will move until the storm has"
        + " passed\". Shipping agent Tomas Reyes described the delays as \"costly for every trader in the port\" on Friday.");
    assertThat(t.quotes()).extracting(Quote::getSpeaker).containsExactly("Lena Okafor", "Tomas Reyes");
  }

  @Test
  void anAcronymJoinsTheNameItAbbreviates() {
    assertThat(Entities.acronym("World Health Organization")).isEqualTo("WHO");
    assertThat(Entities.acronym("Organisation of the Petroleum Exporting Countries")).isEqualTo("OPEC");
    assertThat(Entities.acronym("Bank of England")).isEqualTo("BE");
    assertThat(Entities.acronym("Reuters")).isNull();
    assertThat(Entities.acronym("the Fed")).isNull();
    String text = "World Health Organization and the United States: WHO asked U.S. officials, WHO said.";
    java.util.List<Span> spans = java.util.List.of(
        new Span(EntityType.ORG, 0, 25, "World Health Organization"),
        new Span(EntityType.LOC, 34, 47, "United States"),
        new Span(EntityType.ORG, 49, 52, "WHO"),
        new Span(EntityType.LOC, 59, 63, "U.S."),
        new Span(EntityType.ORG, 75, 78, "WHO"));
    spans.forEach(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
    java.util.List<Entity> entities = Entities.group(spans, 0);
    assertThat(entities).extracting(Entity::getName).containsExactlyInAnyOrder("World Health Organization", "United States");
    assertThat(entities).allSatisfy(e -> assertThat(e.getMentions()).hasSizeGreaterThanOrEqualTo(2));
    Tagging t = TAGGER.tag("WHO warns of measles rise", "GENEVA — The World Health Organization said on Monday that"
        + " measles cases had doubled. \"Every child needs two doses,\" WHO said.");
    assertThat(t.quotes()).extracting(Quote::getSpeaker).containsExactly("World Health Organization");
  }


  @Test
  void anOrganisationsLastWordAloneIsTheOrganisationWhenOnlyOneNameEndsWithIt() {
    String text = "Los Angeles Lakers beat Bayern Munich. The Lakers and Bayern met again. Democratic Party and"
        + " Republican Party: the Party";
    java.util.List<Span> spans = new java.util.ArrayList<>();
    for (String name : new String[] {"Los Angeles Lakers", "Bayern Munich", "Democratic Party", "Republican Party"}) {
      spans.add(new Span(EntityType.ORG, text.indexOf(name), text.indexOf(name) + name.length(), name));
    }
    for (String alone : new String[] {"Lakers and", "Bayern met", "Party\u0000"}) {
      String word = alone.split("[ \u0000]")[0];
      int at = alone.endsWith("\u0000") ? text.lastIndexOf(word) : text.indexOf(alone);
      spans.add(new Span(EntityType.ORG, at, at + word.length(), word));
    }
    spans.forEach(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
    // "Bayern" is the first word of "Bayern Munich": first words joined wrong names as often as right ones.
    assertThat(Entities.group(spans, 0)).extracting(Entity::getName).containsExactlyInAnyOrder("Los Angeles Lakers",
        "Bayern Munich", "Bayern", "Democratic Party", "Republican Party", "Party");
  }
  @Test
  void aDescribedSpeakerIsTheLastOneNamed() {
    // The name is not the body's first word: "Jenny" is also a dictionary word, and a dictionary word opening the
    // body straight after the title is where the model is least sure (docs/TAGGER.md); this test is about
    // attribution.
    Tagging t = TAGGER.tag("Rail strike", "Union official Jenny Ross of the RMT said members would walk out. \"We have no"
        + " choice left,\" the union leader said. Network Rail said it had made a fair offer. \"The door remains open"
        + " to talks,\" the company said.");
    assertThat(t.quotes()).extracting(Quote::getSpeaker).containsExactly("Jenny Ross", "Network Rail");
  }

  @Test
  void secondLevelTopicsAppearUnderTheirParentAndUserRulesAddTopicsOfTheirOwn(@TempDir Path dir) throws Exception {
    String title = "Central bank raises interest rates as inflation climbs";
    String body = "The central bank raised interest rates by half a point on Thursday after inflation rose to 6 percent."
        + " Consumer prices and the cost of living have climbed for a year, and markets expect another rate hike.";
    Tagging t = TAGGER.tag(title, body);
    assertThat(t.topics()).extracting(MediaTopic::getCode).contains("medtop:04000000", "medtop:20000350", "medtop:20000370");

    Path rules = dir.resolve("rules.tsv");
    Files.writeString(rules, "# my topics\ncustom:rates\tinterest rates watch\t\tinterest rate*|rate hike*\n");
    Tagging custom = new NewswireTagger(rules).tag(title, body);
    assertThat(custom.topics()).anyMatch(m -> m.getCode().equals("custom:rates") && m.getLabel().equals("interest rates watch"));
  }

  @Test
  void aWordOrAPhraseIsOnePieceOfEvidenceHoweverManyKeywordsMatchIt(@TempDir Path dir) throws Exception {
    // Two rules share a phrase, and one lists a word twice (as a prefix and in full). A user topic needs evidence
    // of 2; a word after the first paragraph is worth 1, so one mention must not be enough.
    Path rules = dir.resolve("rules.tsv");
    Files.writeString(rules, "custom:verse\tverse\t\tpoet*|poetry\n"
        + "custom:pm\tpremiers\t\tprime minister\ncustom:office\toffice holders\t\tprime minister|mayor\n");
    NewswireTagger tagger = new NewswireTagger(rules);
    String title = "Town hall reopens after repairs";
    String lead = "The town hall reopened on Monday after two years of repairs.";
    Tagging once = tagger.tag(title, lead + "\nA poetry reading and a speech by the prime minister followed.");
    assertThat(once.topics()).extracting(MediaTopic::getCode).doesNotContain("custom:verse", "custom:pm", "custom:office");
    Tagging twice = tagger.tag(title, lead + "\nA poetry reading and a speech by the prime minister followed."
        + " The poetry was better than the speech, the prime minister said.");
    assertThat(twice.topics()).extracting(MediaTopic::getCode).contains("custom:verse", "custom:pm", "custom:office");
  }

  @Test
  void theShippedPhrasesTakeNothingFromAUsersTopics(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.tsv");
    Files.writeString(rules, "custom:crashes\tcrashes of any kind\t\tcrash*\n");
    Tagging t = new NewswireTagger(rules).tag("Ten years on",
        "The stock market crash wiped out the savings of millions, and the financial crash lasted for years.");
    assertThat(t.topics().get(0).getCode()).isEqualTo("medtop:04000000");
    assertThat(t.topics()).extracting(MediaTopic::getCode).contains("custom:crashes").doesNotContain("medtop:03000000");
  }

  @Test
  void theIptcVocabularysNarrowerTopicsCountForTheirTopLevelTopic() {
    // Nobody listed "famine", "archaeology" or "massacre" in topics.tsv: IPTC's labels (iptc-labels.tsv) place them.
    Tagging famine = TAGGER.tag("Famine looms across three provinces",
        "Aid agencies say millions face famine after a second failed harvest in the north of the country.");
    assertThat(famine.topics().get(0).getCode()).isEqualTo("medtop:03000000");
    Tagging dig = TAGGER.tag("Archaeology students find Roman coins",
        "A team studying archaeology at the university found a hoard of coins near the river.");
    assertThat(dig.topics().get(0).getCode()).isEqualTo("medtop:13000000");
    // A short political item whose police and court words outnumber its politics' reads as politics.
    Tagging arrest = TAGGER.tag("Police arrest opposition leader",
        "Police arrested the main opposition leader at his home on Tuesday, two weeks before a presidential election, his party said.");
    assertThat(arrest.topics().get(0).getCode()).isEqualTo("medtop:11000000");
    // A shooting in the street is crime, though "killed" is also war's word.
    Tagging shooting = TAGGER.tag("Two more gunned down",
        "Two men were killed in separate incidents hours apart yesterday. One victim was shot after noon.");
    assertThat(shooting.topics().get(0).getCode()).isEqualTo("medtop:02000000");
    Tagging massacre = TAGGER.tag("Massacre in village leaves dozens dead",
        "Witnesses described a massacre in the village, where dozens were killed overnight.");
    assertThat(massacre.topics().get(0).getCode()).isEqualTo("medtop:16000000");
  }

  @Test
  void aSecondLevelTopicsClearKeywordsCountForItsParentAndCommonWordsForNoTopic() {
    // "coronavirus" is listed under communicable disease: it is evidence for health too.
    Tagging virus = TAGGER.tag("Coronavirus cases rise again in the north",
        "Coronavirus cases rose for a third week, officials said on Tuesday.");
    assertThat(virus.topics().get(0).getCode()).isEqualTo("medtop:07000000");
    // "space" on its own is room, not the cosmos.
    Tagging salon = TAGGER.tag("Salon reopens with more space",
        "The salon on Main Street reopened with more space for customers and a new spa.");
    assertThat(salon.topics()).extracting(MediaTopic::getCode).doesNotContain("medtop:13000000", "medtop:20000739");
    // A programming blog is science and technology.
    Tagging code = TAGGER.tag("Faster builds with pip-tools",
        "Docker builds can be slow. Pinning dependencies with pip-tools keeps the programming language's packages cached.");
    assertThat(code.topics().get(0).getCode()).isEqualTo("medtop:13000000");
    // The body's measures and conditions are health, where a study's words alone read as science.
    Tagging body = TAGGER.tag("Five ways to check your body fat at home",
        "A new study suggests that people who are overweight can lower their cholesterol and blood pressure within weeks.");
    assertThat(body.topics().get(0).getCode()).isEqualTo("medtop:07000000");
    // A phrase says what its words mean: the crash of a market is the economy's, not a disaster.
    Tagging crash = TAGGER.tag("Ten years after the crash",
        "The stock market crash wiped out the savings of millions, and the financial crash that followed lasted years.");
    assertThat(crash.topics().get(0).getCode()).isEqualTo("medtop:04000000");
    assertThat(crash.topics()).extracting(MediaTopic::getCode).doesNotContain("medtop:03000000");
    // A computer's virus is science and technology's, a person's health's.
    Tagging worm = TAGGER.tag("Computer virus hits banks' networks",
        "A computer virus spread through the networks of several banks on Tuesday, the companies' security staff said.");
    assertThat(worm.topics().get(0).getCode()).isEqualTo("medtop:13000000");
    Tagging plane = TAGGER.tag("Plane crash kills four", "A small plane crashed near the airport on Sunday, killing four.");
    assertThat(plane.topics().get(0).getCode()).isEqualTo("medtop:03000000");
  }

  @Test
  void kitchensGardensAndDevelopersToolsHaveTheirOwnWords() {
    // A recipe's short item names what is baked, not the word "recipe".
    Tagging cake = TAGGER.tag("Lemon drizzle cake in one bowl",
        "This cake needs no mixer: stir the flour into the butter, bake it in a hot oven and pour the icing over.");
    assertThat(cake.topics().get(0).getCode()).isEqualTo("medtop:10000000");
    Tagging garden = TAGGER.tag("How to keep geraniums flowering",
        "Potted geraniums need watering every other day in summer, and pruning keeps them blooming until autumn.");
    assertThat(garden.topics().get(0).getCode()).isEqualTo("medtop:10000000");
    // A developer's environment is software: the phrase claims its word from the environment topic.
    Tagging venv = TAGGER.tag("Keeping Python projects apart",
        "Each project gets a virtual environment of its own, and environment variables hold its settings.");
    assertThat(venv.topics().get(0).getCode()).isEqualTo("medtop:13000000");
    assertThat(venv.topics()).extracting(MediaTopic::getCode).doesNotContain("medtop:06000000");
  }

  @Test
  void organisationsNamedAsSuchSayWhatAStoryIsAbout() {
    // A chipmaker's plant is technology news, though "plant" and "companies" are business words.
    Tagging chips = TAGGER.tag("Nvidia and TSMC agree on new plant",
        "Nvidia said TSMC would build the plant in Arizona, the companies said on Monday.");
    assertThat(chips.topics().get(0).getCode()).isEqualTo("medtop:13000000");
    // An armed group taking ground is conflict news, and surely so.
    Tagging taliban = TAGGER.tag("Taliban take district in north",
        "The Taliban took control of a district in the north on Monday, officials said.");
    assertThat(taliban.topics().get(0).getCode()).isEqualTo("medtop:16000000");
    assertThat(taliban.topics().get(0).getScore()).isGreaterThan(0.8);
    // Only names tagged as organisations count: apples in a recipe are no evidence for technology.
    Tagging pie = TAGGER.tag("Baking this weekend",
        "Peel six apples, slice them thinly and toss them with sugar and cinnamon before baking for an hour.");
    assertThat(pie.topics()).extracting(MediaTopic::getCode).doesNotContain("medtop:13000000");
  }
  @Test
  void aCurlyPossessiveIsNotPartOfTheName() {
    Tagging t = TAGGER.tag("Tsai’s plan", "President Tsai Ing-wen spoke on Monday. Tsai’s party won the vote in Taipei.");
    assertThat(t.entities()).filteredOn(e -> e.getType() == EntityType.PER).singleElement().satisfies(e -> {
      assertThat(e.getName()).isEqualTo("Tsai Ing-wen");
      String text = "Tsai’s plan\n\nPresident Tsai Ing-wen spoke on Monday. Tsai’s party won the vote in Taipei.";
      assertThat(e.getMentions()).allSatisfy(m -> assertThat(text.substring(m.getStart(), m.getEnd())).doesNotContain("’"));
    });
  }

  @Test
  void everyEnglishArticleGetsATopLevelTopicWithAScoreThatIsAProbability() {
    // No topic keyword and hardly a word of any topic: still a top-level topic, with the low score it earns.
    Tagging bare = TAGGER.tag("Smith and Jones", "Smith said on Monday that Jones would be there later in the week.");
    assertThat(bare.topics()).isNotEmpty();
    assertThat(bare.topics().get(0).getCode()).endsWith("000000");
    assertThat(bare.topics().get(0).getScore()).isBetween(0.0, 0.3); // a first topic this weak was right 1 time in 4
    // A little evidence gives a topic with a middling score, plenty a high one.
    Tagging strong = TAGGER.tag("Striker scores twice as United win the league title",
        "The striker scored twice in the second half as United beat City 3-1 to win the league title, the club's"
            + " first championship in a decade. The goalkeeper saved a penalty and the coach praised the team.");
    assertThat(strong.topics().get(0).getCode()).isEqualTo("medtop:15000000");
    assertThat(strong.topics().get(0).getScore()).isGreaterThan(0.9);
    assertThat(strong.topics()).allMatch(m -> m.getScore() >= 0 && m.getScore() <= 1);
  }

  @Test
  void topicWordsAreRunsOfLettersDigitsAndHyphens() {
    assertThat(Topics.words("“co-operation”, 2026's  NÉE—café!")).containsExactly("co-operation", "2026", "s", "NÉE", "café");
    assertThat(Topics.words("...")).isEmpty();
  }

  @Test
  void languageIsTheOneWithMostFunctionWordsAndTheFirstHitOnATie() {
    assertThat(new LanguageGuesser().guess("Der Hund und die Katze sind nicht im Haus, sagt der Nachbar.")).isEqualTo("de");
    // "de" and "en" are function words of several languages: Dutch's and Spanish's count alike here
    assertThat(new LanguageGuesser().guess("De kat en de hond zijn niet thuis, zegt het kind.")).isEqualTo("nl");
    assertThat(new LanguageGuesser().guess("Xyz qwv")).isNull();
  }

  @Test
  void aBrokenRulesFileIsRefusedWithTheLine(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.tsv");
    Files.writeString(rules, "custom:x only two\tcolumns\n");
    assertThatThrownBy(() -> new NewswireTagger(rules)).hasMessageContaining("expected 4 tab-separated columns")
        .hasMessageContaining("only two");
  }

  @Test
  void conllTokensAreTaggedAsGiven() {
    String[] words = {"Angela", "Merkel", "arrived", "in", "Madrid", "on", "Monday", "for", "talks", "with", "the",
        "European", "Commission", "."};
    boolean[] starts = new boolean[words.length];
    starts[0] = true;
    assertThat(TAGGER.tagTokens(words, starts)).containsExactly("B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O",
        "O", "O", "O", "B-ORG", "I-ORG", "O");
  }

  @Test
  void noNameRunsAcrossACoNLLSentenceBreak() {
    // A wire story in CoNLL form: a byline ends one sentence, the dateline opens the next.
    String[] words = {"Karim", "Haddad", "AL-AIN", ",", "United", "Arab", "Emirates", "1996-12-09"};
    boolean[] starts = new boolean[words.length];
    starts[0] = true;
    starts[2] = true;
    String[] tags = TAGGER.tagTokens(words, starts);
    assertThat(tags[0]).isEqualTo("B-PER");
    assertThat(tags[1]).isEqualTo("I-PER");
    assertThat(tags[2]).doesNotStartWith("I-");
    assertThat(tags[4]).isEqualTo("B-LOC");
  }

  @Test
  void theNamesInATablesRowsAreOneKindOfThing() {
    // Dateline, header, four rows; the model read one club as its city and the header as a person.
    String[] words = {"NEW", "YORK", "1996-12-02", "W", "L", "GF", "GA", "HARTFORD", "12", "9", "72",
        "PITTSBURGH", "12", "10", "85", "BUFFALO", "11", "11", "70", "MONTREAL", "10", "13", "81"};
    int[] labels = {5, 6, 0, 0, 0, 1, 2, 3, 0, 0, 0, 3, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {3, 7, 11, 15, 19}) {
      newLine[i] = true;
    }
    NewswireTagger.tables(words, newLine, labels);
    assertThat(labels).containsExactly(5, 6, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0);
  }

  @Test
  void aStandingsTableSplitBetweenClubsAndCitiesIsOneOfClubsUnlessItHasACountry() {
    // "ORLANDO 58 22 .725 -" as running text's tokens write it; two clubs and three cities, no majority of two thirds.
    String[] words = {"ORLANDO", "58", "22", ".", "725", "-", "NEW", "YORK", "46", "34", ".", "575", "12",
        "MIAMI", "40", "40", ".", "500", "18", "CHICAGO", "70", "10", ".", "875", "-", "INDIANA", "50", "30", ".", "625",
        "20"};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {6, 13, 19, 25}) {
      newLine[i] = true;
    }
    int[] flags = new int[words.length];
    int[] labels = nbaLabels(words.length);
    NewswireTagger.tables(words, newLine, flags, labels);
    assertThat(new int[] {labels[0], labels[6], labels[7], labels[13], labels[19], labels[25]})
        .containsExactly(3, 3, 4, 3, 3, 3);
    // The same table with a country among its places stays as it was.
    labels = nbaLabels(words.length);
    flags[13] = Lexicon.COUNTRY;
    NewswireTagger.tables(words, newLine, flags, labels);
    assertThat(new int[] {labels[0], labels[6], labels[13], labels[19], labels[25]}).containsExactly(3, 5, 5, 3, 5);
  }

  /** What the model read in the table above: two clubs, three cities. */
  private static int[] nbaLabels(int length) {
    int[] labels = new int[length];
    labels[0] = 3;
    labels[6] = 5;
    labels[7] = 6;
    labels[13] = 5;
    labels[19] = 3;
    labels[25] = 5;
    return labels;
  }

  @Test
  void aStandingsRowAsCoNllTextWritesIt() {
    // CoNLL text keeps ".725" one token.
    String[] words = {"ORLANDO", "58", "22", ".725", "-", "MIAMI", "40", "40", ".500", "18", "INDIANA", "50", "30",
        ".625", "20"};
    boolean[] newLine = new boolean[words.length];
    newLine[5] = true;
    newLine[10] = true;
    int[] labels = new int[words.length];
    labels[0] = 3;
    labels[5] = 5;
    labels[10] = 5;
    NewswireTagger.tables(words, newLine, new int[words.length], labels);
    assertThat(new int[] {labels[0], labels[5], labels[10]}).containsExactly(3, 3, 3);
  }

  @Test
  void aTablesCellsSeparatedByBarsAreStillARow() {
    // Ingest writes an HTML table's row as "Ajax | 2 | PSV Eindhoven | 2".
    String[] words = {"Ajax", "|", "2", "|", "PSV", "|", "2", "Feyenoord", "|", "3", "|", "Utrecht", "|", "0",
        "Twente", "|", "1", "|", "Groningen", "|", "1"};
    int[] labels = {3, 0, 0, 0, 3, 0, 0, 3, 0, 0, 0, 5, 0, 0, 3, 0, 0, 0, 5, 0, 0};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {7, 14}) {
      newLine[i] = true;
    }
    NewswireTagger.tables(words, newLine, labels);
    assertThat(labels[11]).isEqualTo(3);
    assertThat(labels[18]).isEqualTo(3);
  }

  @Test
  void noNameRunsAcrossACellSeparator() {
    String[] words = {"Billericay", "|", "John", "Baron"};
    int[] labels = {3, 4, 4, 4};
    NewswireTagger.cells(words, labels);
    assertThat(labels).containsExactly(3, 0, 3, 4);
  }

  @Test
  void aColumnsNamesTakeTheTypeTwoThirdsOfThemShare() {
    // Constituency | Member: the members' column is people, though the model read one as a place.
    String[] words = {"Aldershot", "|", "Leo", "Docherty", "Totnes", "|", "Anthony", "Mangnall", "Telford", "|",
        "Lucy", "Allan", "Torbay", "|", "Kevin", "Foster"};
    int[] labels = {5, 0, 1, 2, 1, 0, 1, 2, 5, 0, 5, 6, 3, 0, 1, 2};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {0, 4, 8, 12}) {
      newLine[i] = true;
    }
    NewswireTagger.columns(words, newLine, labels);
    // People: three of four, so the fourth follows. Places: two of four, so the column keeps its types.
    assertThat(labels).containsExactly(5, 0, 1, 2, 1, 0, 1, 2, 5, 0, 1, 2, 3, 0, 1, 2);
  }

  @Test
  void eachTableOfADocumentHasItsOwnColumns() {
    // Two tables, a line of prose between them: the second's first column is not the first's.
    String[] words = {"Leo", "|", "A", "Tom", "|", "B", "Ann", "|", "C", "Then", "Leeds", "|", "1", "Derby", "|", "2"};
    int[] labels = {1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 3, 0, 0, 1, 0, 0};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {0, 3, 6, 9, 10, 13}) {
      newLine[i] = true;
    }
    NewswireTagger.columns(words, newLine, labels);
    assertThat(labels[10]).isEqualTo(3);
    assertThat(labels[13]).isEqualTo(1);
  }

  @Test
  void anUntaggedNameInAStandingsRowJoinsItsNeighboursButAScorecardsExtrasDoNot() {
    // "BUFFALO" is an English word too: the model left it out of a table of clubs.
    String[] words = {"PITTSBURGH", "12", "6", "26", "MONTREAL", "10", "8", "21", "BUFFALO", "9", "9", "20",
        "OTTAWA", "8", "10", "18", "Extras", "12"};
    int[] labels = {3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {4, 8, 12, 16}) {
      newLine[i] = true;
    }
    NewswireTagger.tables(words, newLine, labels);
    assertThat(labels).containsExactly(3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0);
  }

  @Test
  void aPlaceIsFoundWithoutItsAccents() {
    Gazetteer gazetteer = new Gazetteer();
    assertThat(gazetteer.find("Cancun").name()).isEqualTo("Cancún");
    assertThat(gazetteer.find("Sao Paulo").country()).isEqualTo("BR");
    assertThat(gazetteer.find("Cancún").name()).isEqualTo("Cancún");
    assertThat(Gazetteer.withoutAccents("łódź malmö")).isEqualTo("lodz malmo");
  }

  @Test
  void anUntaggedSideOfAResultIsWhatTheOtherSideIs() {
    // "Charlotte" is a given name: the model left it out of a list of results between clubs.
    String[] words = {"Charlotte", "104", "Denver", "96", "Seattle", "110", "Phoenix", "101", "New", "York", "99",
        "Boston", "90", "Extras", "12"};
    int[] labels = {0, 0, 3, 0, 3, 0, 3, 0, 3, 4, 0, 3, 0, 0, 0};
    boolean[] newLine = new boolean[words.length];
    for (int i : new int[] {4, 8, 13}) {
      newLine[i] = true;
    }
    NewswireTagger.tables(words, newLine, labels);
    assertThat(labels).containsExactly(3, 0, 3, 0, 3, 0, 3, 0, 3, 4, 0, 3, 0, 0, 0);
  }

  @Test
  void aTableOfMixedNamesIsLeftAsTheModelReadIt() {
    String[] words = {"Arsenal", "3", "Coventry", "0", "Ghana", "2", "Guinea", "0"};
    int[] labels = {3, 0, 3, 0, 5, 0, 5, 0};
    boolean[] newLine = new boolean[words.length];
    newLine[4] = true;
    NewswireTagger.tables(words, newLine, labels);
    assertThat(labels).containsExactly(3, 0, 3, 0, 5, 0, 5, 0);
  }

  @Test
  void aNameIsNeverNumbersAlone() {
    String[] words = {"65", "Lee", "Westwood", "1860", "Munich"};
    int[] labels = {3, 1, 2, 3, 4};
    NewswireTagger.numbersAlone(words, labels);
    assertThat(labels).containsExactly(0, 1, 2, 3, 4);
  }
}
