package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotatedCorpusTest {
  @TempDir Path dir;

  @Test
  void readsMarksTopicsAndSpeakersAndTokenisesLikeTheTagger() throws Exception {
    Path file = dir.resolve("news.txt");
    Files.writeString(file, """
        # comment
        === x1 | 11, 16 | [PER Ana Lopez];-
        [LOC Spain]'s minister visits [LOC Kyiv]
        [PER Ana Lopez] met officials of the [ORG European Union] on Monday.
        """);
    List<AnnotatedCorpus.Article> articles = AnnotatedCorpus.readNews(file);
    AnnotatedCorpus.Article a = articles.get(0);
    assertThat(a.id()).isEqualTo("x1");
    assertThat(a.topics()).containsExactly("medtop:11000000", "medtop:16000000");
    assertThat(a.speakers()).containsExactly("Ana Lopez", "-"); // "-": a quote nobody is named for
    assertThat(a.title()).isEqualTo("Spain's minister visits Kyiv");
    a.spans().forEach(s -> assertThat(a.text().substring(s.start(), s.end())).isEqualTo(s.text()));

    EntityTrainer.Example e = AnnotatedCorpus.example(a);
    assertThat(e.words()).startsWith("Spain", "'s", "minister");
    assertThat(e.tags()).startsWith("B-LOC", "O", "O");
    int ana = List.of(e.words()).indexOf("Ana");
    assertThat(e.tags()[ana]).isEqualTo("B-PER");
    assertThat(e.tags()[ana + 1]).isEqualTo("I-PER");
    assertThat(e.sentenceStart()[ana]).isTrue();
  }

  @Test
  void anArticleCanLoseItsDatelineForTraining() throws Exception {
    Path file = dir.resolve("news.txt");
    Files.writeString(file, """
        === x2 | 16 | -
        Drones hit [LOC Odesa] port
        [LOC ODESA], [LOC Ukraine] — [MISC Russian] drones hit the port of [LOC Odesa] overnight.
        === x3 | 04 | -
        Shares fall
        Shares in [ORG Acme] fell 9 percent - Monday was the worst day in a year.
        """);
    List<AnnotatedCorpus.Article> articles = AnnotatedCorpus.readNews(file);
    AnnotatedCorpus.Article a = articles.get(0).withoutDateline();
    assertThat(a.body()).isEqualTo("Russian drones hit the port of Odesa overnight.");
    assertThat(a.spans()).extracting(Span::text).containsExactly("Odesa", "Russian", "Odesa");
    a.spans().forEach(s -> assertThat(a.text().substring(s.start(), s.end())).isEqualTo(s.text()));
    assertThat(articles.get(1).withoutDateline()).isSameAs(articles.get(1)); // a dash later on is no dateline
  }

  @Test
  void aMarkThatSplitsATokenIsReportedWithTheArticle() throws Exception {
    Path file = dir.resolve("news.txt");
    Files.writeString(file, "=== x2 | 04 | -\nTitle\nA [LOC Munich]-based company grew.\n");
    AnnotatedCorpus.Article a = AnnotatedCorpus.readNews(file).get(0);
    assertThatThrownBy(() -> AnnotatedCorpus.example(a)).hasMessageContaining("x2").hasMessageContaining("Munich-based");
  }

  @Test
  void conllTagsBecomeIob2() {
    assertThat(AnnotatedCorpus.iob2(new String[] {"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"}))
        .containsExactly("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG");
  }
}
