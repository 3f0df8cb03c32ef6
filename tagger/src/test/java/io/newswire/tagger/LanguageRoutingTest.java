package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Languages told apart, short and long, in twelve languages (sentences written for this test), and what each
 * receives: English gets entities and topics, every other language, and text whose language cannot be told, its
 * language only.
 */
class LanguageRoutingTest {
  static final NewswireTagger TAGGER = new NewswireTagger();

  /** A headline-length sentence in each language. */
  static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("en", "The council voted on Tuesday to close the old harbour bridge for repairs."),
      Map.entry("de", "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu sperren."),
      Map.entry("fr", "Le conseil municipal a voté mardi la fermeture du vieux pont du port."),
      Map.entry("es", "El ayuntamiento votó el martes cerrar el viejo puente del puerto."),
      Map.entry("it", "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte del porto."),
      Map.entry("pt", "A câmara municipal votou na terça-feira o encerramento da velha ponte do porto."),
      Map.entry("nl", "De gemeenteraad heeft dinsdag besloten de oude havenbrug te sluiten."),
      Map.entry("pl", "Rada miasta zdecydowała we wtorek o zamknięciu starego mostu portowego."),
      Map.entry("sv", "Kommunfullmäktige beslutade i tisdags att stänga den gamla hamnbron."),
      Map.entry("tr", "Belediye meclisi salı günü eski liman köprüsünün kapatılmasına karar verdi."),
      Map.entry("ru", "Городской совет во вторник проголосовал за закрытие старого портового моста."),
      Map.entry("ja", "市議会は火曜日、古い港の橋を修理のために閉鎖することを決めた。"));

  @Test
  void eachLanguageIsToldFromAShortText() {
    SHORT.forEach((language, text) ->
        assertThat(new LanguageGuesser().guess(text)).as(language + ": " + text).isEqualTo(language));
  }

  /** Languages whose script no other profiled language writes, and one that shares its script with another. */
  static final Map<String, String> BY_SCRIPT = Map.of(
      "ko", "시의회는 화요일에 오래된 항구 다리를 수리를 위해 폐쇄하기로 결정했다.",
      "el", "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει την παλιά γέφυρα του λιμανιού.",
      "th", "สภาเมืองลงมติเมื่อวันอังคารให้ปิดสะพานท่าเรือเก่าเพื่อซ่อมแซม",
      "hy", "Քաղաքային խորհուրդը երեքշաբթի որոշեց փակել հին նավահանգստի կամուրջը։",
      "ka", "ქალაქის საბჭომ სამშაბათს ძველი ნავსადგურის ხიდის დახურვა გადაწყვიტა.",
      "he", "מועצת העיר החליטה ביום שלישי לסגור את הגשר הישן בנמל לצורך תיקונים.");

  @Test
  void aLanguageIsToldWithinItsScript() {
    BY_SCRIPT.forEach((language, text) ->
        assertThat(new LanguageGuesser().guess(text)).as(language + ": " + text).isEqualTo(language));
  }

  @Test
  void aScriptsProfilesLoadAtTheFirstTextInThatScriptOnly() {
    // Only this test reads Devanagari (Hindi, Marathi and Nepali); Korean, Greek and Thai never load any profiles.
    assertThat(LanguageGuesser.loadedScripts()).doesNotContain(Character.UnicodeScript.DEVANAGARI,
        Character.UnicodeScript.HANGUL, Character.UnicodeScript.GREEK, Character.UnicodeScript.THAI);
    assertThat(new LanguageGuesser().guess("नगर परिषद ने मंगलवार को पुराने बंदरगाह पुल को मरम्मत के लिए बंद करने का फैसला किया।"))
        .isEqualTo("hi");
    assertThat(LanguageGuesser.loadedScripts()).contains(Character.UnicodeScript.DEVANAGARI)
        .doesNotContain(Character.UnicodeScript.HANGUL, Character.UnicodeScript.GREEK, Character.UnicodeScript.THAI);
  }

  @Test
  void atLeastFiftyLanguagesCanBeNamed() {
    assertThat(LanguageGuesser.languages()).hasSizeGreaterThanOrEqualTo(50).contains("en", "de", "zh", "ja", "ko",
        "ar", "ru", "hi", "sw");
  }

  @Test
  void andFromALongOne() {
    SHORT.forEach((language, text) -> {
      String article = (text + " ").repeat(12);
      assertThat(TAGGER.tag(text, article).language()).as(language).isEqualTo(language);
    });
  }

  @Test
  void onlyEnglishGetsEntitiesAndTopics() {
    String english = "Mayor Ana Ruiz said in Lisbon on Tuesday that the bridge would close for repairs.";
    assertThat(TAGGER.tag("Lisbon bridge to close", english).entities()).isNotEmpty();
    String german = "Bürgermeisterin Ana Ruiz sagte am Dienstag in Lissabon, die Brücke werde für Reparaturen gesperrt.";
    Tagging t = TAGGER.tag("Brücke in Lissabon wird gesperrt", german);
    assertThat(t.language()).isEqualTo("de");
    assertThat(t.entities()).isEmpty();
    assertThat(t.topics()).isEmpty();
  }

  @Test
  void textWhoseLanguageCannotBeToldGetsNoEnglishEntities() {
    Tagging t = TAGGER.tag("Qzx Vlorp", "Grunta vexil Marbo tuzzle Kwen.");
    assertThat(t.language()).isNotEqualTo("en"); // the detector's nearest guess, or none
    assertThat(t.entities()).isEmpty();
  }

  @Test
  void aVeryShortEnglishTextThatTheDetectorMisreadsIsEnglishByItsWords() {
    Tagging t = TAGGER.tag("Markets open", "Markets opened higher in Tokyo.");
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.entities()).extracting(e -> e.getName()).contains("Tokyo");
  }

  @Test
  void aShortEnglishHeadlineIsStillEnglish() {
    Tagging t = TAGGER.tag("Storm closes ports in Lagos", "Ports closed as the storm hit Lagos.");
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.entities()).extracting(e -> e.getName()).contains("Lagos");
  }

  @Test
  void resultsAndStandingsOfForeignClubsAreEnglishByTheirWordsNotTheNamesLetters() {
    // The detector reads the clubs' and players' names: Dutch, German, French.
    Tagging results = TAGGER.tag("Dutch league", "Ajax 2 PSV Eindhoven 2\nFeyenoord 3 AZ Alkmaar 0\nTwente 1 Utrecht 1");
    assertThat(results.language()).isEqualTo("en");
    assertThat(results.entities()).extracting(e -> e.getName()).contains("Feyenoord", "PSV Eindhoven");
    assertThat(results.topics()).extracting(t -> t.getLabel()).contains("sport");

    Tagging scorers = TAGGER.tag("Bundesliga",
        "Bayern Munchen 3 (Kane 12, 55, Musiala 70) Borussia Moenchengladbach 1 (Plea 40). Halftime 1-1.");
    assertThat(scorers.language()).isEqualTo("en");
    assertThat(scorers.topics()).isNotEmpty();

    Tagging tennis = TAGGER.tag("ATP Rotterdam", "Quarter-finals: Jannik Sinner (ITA) bt Milos Raonic (CAN) 7-6(2)"
        + " 6-4; Alex de Minaur (AUS) bt Felix Auger-Aliassime (CAN) 6-3 6-4");
    assertThat(tennis.language()).isEqualTo("en");
    assertThat(tennis.entities()).extracting(e -> e.getName()).contains("Jannik Sinner");
  }

  @Test
  void aLineUpOfUnknownPlayersUnderEnglishHeadingsIsEnglish() {
    // Few of the players' names are known to the lists, and the detector cannot tell: the headings can.
    Tagging t = TAGGER.tag("SOCCER - ASIAN CUP RESULT", "Uzbekistan 2 China 0 (halftime 1-0)\n"
        + "Scorers: Shkvyrin 23, Kasymov 78\nAttendance: 10,000\n"
        + "Uzbekistan: Pavel Bugalo, Igor Shkvyrin, Mirjalol Kasymov, Andrei Fyodorov\n"
        + "China: Ou Chuliang, Fan Zhiyi, Hao Haidong");
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.entities()).extracting(e -> e.getName()).contains("Igor Shkvyrin", "Uzbekistan");
  }

  @Test
  void namesAmongProseOfAnotherLanguageOrScriptKeepThatLanguage() {
    Tagging portuguese = TAGGER.tag("Brasileirao",
        "Sao Paulo bateu o Corinthians por 2 a 1 no Morumbi. Flamengo 1 Fluminense 1. Gremio 0 Internacional 0.");
    assertThat(portuguese.language()).isEqualTo("pt");
    assertThat(portuguese.entities()).isEmpty();
    // German capitalises its nouns: a results list with German headings is German, not names.
    Tagging german = TAGGER.tag("Kreismeisterschaften: Ergebnisse",
        "Weitsprung Schülerinnen: 1. Anna Keller (TSV Essingen) 4,85 m; 2. Lena Maier (LG Staufen) 4,60 m\n"
        + "Hochsprung Schülerinnen: 1. Mia Brenner (TSV Essingen) 1,42 m; 2. Ida Vogt (SV Lauchheim) 1,38 m");
    assertThat(german.language()).isNotEqualTo("en");
    assertThat(german.entities()).isEmpty();
    // A function word of another language among a list's few lower-case words.
    Tagging french = TAGGER.tag("Lorient - Olympique Lyonnais", "Match en direct\nStade Yves Allainmat, Lorient");
    assertThat(french.language()).isNotEqualTo("en");
    // A few Latin names in Chinese text are not a list of names.
    Tagging chinese = TAGGER.tag("NBA", "洛杉矶湖人队在NBA季后赛中以112比104击败金州勇士队，LeBron James得到30分。");
    assertThat(chinese.language()).isEqualTo("zh");
    assertThat(chinese.entities()).isEmpty();
  }

  @Test
  void anEnglishWireItemInCapitalsIsEnglish() {
    Tagging t = TAGGER.tag("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT",
        "AL-AIN, United Arab Emirates 1996-12-06");
    assertThat(t.language()).isEqualTo("en");
  }
}
