package io.newswire.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllTest {
  static final String INPUT = String.join("\n",
      "-DOCSTART- O",
      "",
      "President NNP O",
      "Andrzej NNP B-PER",
      "Duda NNP I-PER",
      "visited VBD O",
      "Kyiv NNP B-LOC",
      ". . O",
      "",
      "Duda NNP B-PER",
      "spoke VBD O",
      ". . O",
      "",
      "-DOCSTART- O",
      "",
      "Rain NN O",
      "fell VBD O",
      "in IN O",
      "Lagos NNP B-LOC",
      "",
      "");

  @Test
  void tokensBlankLinesAndDocumentsAreKeptAndEveryTokenGetsAnIobTag() throws Exception {
    StringWriter out = new StringWriter();
    Conll.tag(new BufferedReader(new StringReader(INPUT)), new PrintWriter(out), new NewswireTagger());
    List<String> in = INPUT.lines().toList();
    List<String> result = out.toString().lines().toList();

    assertThat(result).hasSameSizeAs(in);
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).isBlank() || in.get(i).startsWith("-DOCSTART-")) {
        assertThat(result.get(i)).isEqualTo(in.get(i));
      } else {
        String[] parts = result.get(i).split(" ");
        assertThat(parts[0]).isEqualTo(in.get(i).split(" ")[0]);
        assertThat(parts[1]).matches("O|[BI]-(PER|ORG|LOC|MISC)");
      }
    }
    assertThat(result).contains("Andrzej B-PER", "Duda I-PER", "Kyiv B-LOC", "Lagos B-LOC");
    // the whole document is tagged at once: the short "Duda" in the second sentence is still a person
    assertThat(result.get(9)).isEqualTo("Duda B-PER");
  }

  @Test
  void inputWithoutDocumentStartsIsTaggedInStretchesAndKeptLineForLine() throws Exception {
    StringBuilder input = new StringBuilder();
    for (int k = 0; k < Conll.SENTENCES_WITHOUT_DOCSTART * 2 + 3; k++) {
      input.append("Rain\nfell\nin\nLagos\n.\n\n");
    }
    StringWriter out = new StringWriter();
    Conll.tag(new BufferedReader(new StringReader(input.toString())), new PrintWriter(out), new NewswireTagger());
    List<String> in = input.toString().lines().toList();
    List<String> result = out.toString().lines().toList();
    assertThat(result).hasSameSizeAs(in).doesNotContain("-DOCSTART-");
    for (int i = 0; i < in.size(); i++) {
      assertThat(result.get(i)).startsWith(in.get(i));
    }
    assertThat(result).filteredOn(l -> l.startsWith("Lagos")).hasSize(in.size() / 6).allMatch(l -> l.equals("Lagos B-LOC"));
  }
}
