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
}
