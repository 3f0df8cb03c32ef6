package io.newswire.dev.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Articles in languages other than English for the benchmark corpus, so a benchmark can show what a feed that
 * is not all English costs: enrich loads its language profiles at the first text that is not plainly English,
 * and gives such articles their language only. Sentences written for the benchmark, with slots for the story's
 * names: {@code {p}} a person, {@code {o}} an organisation, {@code {l}} a place, {@code {n}} a number,
 * {@code {d}} a weekday in the language. Six sentences per language: such articles share their runs of words, so
 * stories and near-duplicates find more of them than of the English ones; they are for measuring memory and the
 * language routing, not enrich's matching.
 */
final class OtherLanguages {
  private record Language(String code, List<String> days, List<String> titles, List<String> sentences) {}

  private static final List<Language> LANGUAGES = List.of(
      new Language("de", List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
          List.of("Streit um neue Pläne in {l}", "{o} kündigt Reform an", "{p} warnt vor steigenden Kosten"),
          List.of("Die Stadtverwaltung von {l} hat am {d} angekündigt, die Gebühren um {n} Prozent zu erhöhen.",
              "Nach Angaben der {o} waren mehr als {n} Menschen von der Entscheidung betroffen.",
              "„Wir können nicht länger warten“, sagte {p} am {d} vor Journalisten in {l}.",
              "Die Opposition kritisierte den Plan scharf und forderte eine Abstimmung im Parlament.",
              "Bis zum Ende des Jahres sollen weitere Gespräche mit den Gewerkschaften stattfinden.",
              "Viele Einwohner zeigten sich überrascht, dass die Regierung so schnell gehandelt hatte.")),
      new Language("fr", List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
          List.of("Polémique autour du projet de {l}", "{o} annonce une réforme", "{p} met en garde contre la hausse des prix"),
          List.of("La mairie de {l} a annoncé {d} une hausse de {n} pour cent des tarifs.",
              "Selon la {o}, plus de {n} personnes sont concernées par cette décision.",
              "« Nous ne pouvons plus attendre », a déclaré {p} {d} devant la presse à {l}.",
              "L'opposition a vivement critiqué le projet et réclame un vote au parlement.",
              "D'autres discussions avec les syndicats doivent avoir lieu d'ici la fin de l'année.",
              "De nombreux habitants se sont dits surpris par la rapidité de la réaction du gouvernement.")),
      new Language("es", List.of("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
          List.of("Polémica por el nuevo plan en {l}", "{o} anuncia una reforma", "{p} advierte del aumento de los costes"),
          List.of("El ayuntamiento de {l} anunció el {d} una subida de las tasas del {n} por ciento.",
              "Según la {o}, más de {n} personas se ven afectadas por la decisión.",
              "«No podemos esperar más», dijo {p} el {d} ante los periodistas en {l}.",
              "La oposición criticó duramente el plan y pidió una votación en el parlamento.",
              "Antes de que termine el año se celebrarán nuevas reuniones con los sindicatos.",
              "Muchos vecinos se mostraron sorprendidos por la rapidez con la que actuó el gobierno.")),
      new Language("it", List.of("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
          List.of("Polemica sul nuovo piano a {l}", "{o} annuncia una riforma", "{p} avverte sull'aumento dei costi"),
          List.of("Il comune di {l} ha annunciato {d} un aumento delle tariffe del {n} per cento.",
              "Secondo la {o}, più di {n} persone sono interessate dalla decisione.",
              "«Non possiamo più aspettare», ha detto {p} {d} ai giornalisti a {l}.",
              "L'opposizione ha criticato duramente il piano e chiede un voto in parlamento.",
              "Entro la fine dell'anno sono previsti altri incontri con i sindacati.",
              "Molti cittadini si sono detti sorpresi dalla rapidità con cui ha agito il governo.")),
      new Language("pt", List.of("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
              "sábado", "domingo"),
          List.of("Polémica com o novo plano em {l}", "{o} anuncia uma reforma", "{p} alerta para o aumento dos custos"),
          List.of("A câmara municipal de {l} anunciou na {d} um aumento de {n} por cento nas taxas.",
              "Segundo a {o}, mais de {n} pessoas são afetadas pela decisão.",
              "\"Não podemos esperar mais\", disse {p} na {d} aos jornalistas em {l}.",
              "A oposição criticou duramente o plano e exige uma votação no parlamento.",
              "Até ao final do ano estão previstas novas reuniões com os sindicatos.",
              "Muitos moradores mostraram-se surpreendidos com a rapidez com que o governo agiu.")),
      new Language("nl", List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
          List.of("Ophef over nieuw plan in {l}", "{o} kondigt hervorming aan", "{p} waarschuwt voor hogere kosten"),
          List.of("Het stadsbestuur van {l} heeft {d} aangekondigd de tarieven met {n} procent te verhogen.",
              "Volgens de {o} zijn meer dan {n} mensen door het besluit getroffen.",
              "‘We kunnen niet langer wachten’, zei {p} {d} tegen journalisten in {l}.",
              "De oppositie had scherpe kritiek op het plan en eist een stemming in het parlement.",
              "Voor het einde van het jaar volgen nog gesprekken met de vakbonden.",
              "Veel inwoners waren verrast dat de regering zo snel had ingegrepen.")));

  private OtherLanguages() {}

  /** The language codes an article may come in. */
  static List<String> codes() {
    return LANGUAGES.stream().map(Language::code).toList();
  }

  /** A title and a body of about {@code bodyBytes} in one of the languages, chosen by {@code r}. */
  static String[] text(SplittableRandom r, int bodyBytes, String person, String org, String place) {
    Language language = LANGUAGES.get(r.nextInt(LANGUAGES.size()));
    String title = fill(r, language, language.titles().get(r.nextInt(language.titles().size())), person, org, place);
    StringBuilder body = new StringBuilder();
    int inParagraph = 0;
    while (body.length() < bodyBytes) {
      if (inParagraph >= 3 && r.nextInt(3) == 0) {
        body.setLength(body.length() - 1);
        body.append("\n\n");
        inParagraph = 0;
      }
      String sentence = language.sentences().get(r.nextInt(language.sentences().size()));
      body.append(fill(r, language, sentence, person, org, place)).append(' ');
      inParagraph++;
    }
    return new String[] {title, body.toString().strip()};
  }

  private static String fill(SplittableRandom r, Language language, String template, String person, String org,
      String place) {
    return template.replace("{p}", person).replace("{o}", org).replace("{l}", place)
        .replace("{n}", String.valueOf(2 + r.nextInt(998)))
        .replace("{d}", language.days().get(r.nextInt(7)));
  }
}
