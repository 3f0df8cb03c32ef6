package io.newswire.enrich.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import org.junit.jupiter.api.Test;

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
    assertThat(t.topics()).extracting(MediaTopic::getCode).contains("medtop:16000000", "medtop:11000000");
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
}
