package io.newswire.tagger;

import io.newswire.schema.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the annotated text the tagger is trained and measured on: the project's own news articles (inline
 * {@code [TYPE text]} marks, topics and quote speakers in a header line, see docs/TAGGER.md) and CoNLL files
 * (one token per line, IOB tags in the last column, {@code -DOCSTART-} between documents).
 */
public final class AnnotatedCorpus {
  private static final Pattern MARK = Pattern.compile("\\[(PER|ORG|LOC|MISC) ([^\\]]+)\\]");

  private AnnotatedCorpus() {}

  /** One annotated article; span offsets index into {@link Tagging#text(String, String)}. */
  public record Article(String id, List<String> topics, List<String> speakers, String title, String body,
      List<Span> spans) {
    public String text() {
      return Tagging.text(title, body);
    }

    /**
     * The same article without the dateline that opens its body ("KYIV — Russian forces..." becomes "Russian
     * forces..."), or this article if it has none. Feeds and pages seldom carry datelines; an article that always
     * has one teaches the model that the first word after the title is a place.
     */
    public Article withoutDateline() {
      Matcher m = DATELINE.matcher(body);
      if (!m.lookingAt()) {
        return this;
      }
      int cut = Tagging.text(title, "").length() + m.end();
      int removed = m.end();
      List<Span> kept = new ArrayList<>();
      for (Span s : spans) {
        if (s.start() >= cut) {
          kept.add(new Span(s.type(), s.start() - removed, s.end() - removed, s.text()));
        } else if (s.end() <= cut - removed) {
          kept.add(s);
        }
      }
      return new Article(id, topics, speakers, title, body.substring(m.end()), kept);
    }
  }

  /** A dateline opening the body: a place in capitals, perhaps its country, then a dash ("ODESA, Ukraine — "). */
  private static final Pattern DATELINE = Pattern.compile(
      "\\p{Lu}[\\p{Lu}\\p{M} .'-]*\\p{Lu} ?(?:, [\\p{L} .]+)? (?:—|--|-) (?=\\p{Lu}|[\"“])");

  public static List<Article> readNews(Path file) throws IOException {
    List<Article> articles = new ArrayList<>();
    String header = null;
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") && header == null) {
        continue;
      }
      if (line.startsWith("=== ")) {
        if (header != null) {
          articles.add(article(file, header, lines));
        }
        header = line.substring(4);
        lines.clear();
      } else if (header != null) {
        lines.add(line);
      }
    }
    if (header != null) {
      articles.add(article(file, header, lines));
    }
    return articles;
  }

  private static Article article(Path file, String header, List<String> lines) {
    String[] parts = header.split("\\|");
    if (parts.length != 3 || lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": article header must be '=== id | topics | speakers' followed by a"
          + " title line: " + header);
    }
    String id = parts[0].trim();
    List<String> topics = new ArrayList<>();
    for (String t : parts[1].trim().split("[ ,]+")) {
      topics.add("medtop:" + t + "000000");
    }
    List<String> speakers = new ArrayList<>();
    if (!parts[2].isBlank() && !parts[2].trim().equals("-")) {
      for (String s : parts[2].split(";")) {
        speakers.add(s.trim().replaceAll("^\\[(PER|ORG) (.*)\\]$", "$2"));
      }
    }
    StringBuilder plain = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    String title = strip(lines.get(0), plain, spans);
    int titleLength = plain.length();
    plain.append("\n\n");
    List<Span> bodySpans = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    String raw = String.join("\n", lines.subList(1, lines.size())).strip();
    strip(raw, body, bodySpans);
    for (Span s : bodySpans) {
      spans.add(new Span(s.type(), s.start() + titleLength + 2, s.end() + titleLength + 2, s.text()));
    }
    return new Article(id, topics, speakers, title, body.toString(), spans);
  }

  private static String strip(String marked, StringBuilder out, List<Span> spans) {
    int base = out.length();
    Matcher m = MARK.matcher(marked);
    int last = 0;
    while (m.find()) {
      out.append(marked, last, m.start());
      int start = out.length() - base;
      out.append(m.group(2));
      spans.add(new Span(EntityType.valueOf(m.group(1)), start, out.length() - base, m.group(2)));
      last = m.end();
    }
    out.append(marked.substring(last));
    return out.substring(base);
  }

  /** An article as tokens with IOB2 tags, tokenised the way the tagger tokenises text. */
  public static EntityTrainer.Example example(Article a) {
    String text = a.text();
    List<Token> tokens = Token.of(text);
    String[] words = new String[tokens.size()];
    boolean[] starts = new boolean[tokens.size()];
    String[] tags = new String[tokens.size()];
    java.util.Arrays.fill(tags, "O");
    for (int i = 0; i < tokens.size(); i++) {
      words[i] = tokens.get(i).text();
      starts[i] = i == 0 || NewswireTagger.startsSentence(text, tokens.get(i - 1), tokens.get(i));
    }
    for (Span s : a.spans()) {
      boolean first = true;
      int end = s.end();
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        int tokenEnd = t.text().endsWith("'s") || t.text().endsWith("’s") ? t.end() - 2 : t.end();
        if (t.start() >= s.start() && t.start() < end) {
          if (tokenEnd > end && t.end() > end) {
            throw new IllegalArgumentException(a.id() + ": the mark [" + s.type() + " " + s.text()
                + "] ends inside the token '" + t.text() + "'");
          }
          tags[i] = (first ? "B-" : "I-") + s.type();
          first = false;
        }
      }
      if (first) {
        throw new IllegalArgumentException(a.id() + ": the mark [" + s.type() + " " + s.text() + "] covers no token");
      }
    }
    return new EntityTrainer.Example(words, starts, tags);
  }

  /** CoNLL documents with their tags converted to IOB2. */
  public static List<EntityTrainer.Example> readConll(Path file) throws IOException {
    List<EntityTrainer.Example> docs = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    boolean sentenceStart = true;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.startsWith("-DOCSTART-")) {
        addDoc(docs, words, starts, tags);
        sentenceStart = true;
      } else if (t.isEmpty()) {
        sentenceStart = true;
      } else {
        String[] cols = t.split("\\s+");
        words.add(cols[0]);
        tags.add(cols[cols.length - 1]);
        starts.add(sentenceStart);
        sentenceStart = false;
      }
    }
    addDoc(docs, words, starts, tags);
    return docs;
  }

  private static void addDoc(List<EntityTrainer.Example> docs, List<String> words, List<Boolean> starts, List<String> tags) {
    if (words.isEmpty()) {
      return;
    }
    boolean[] s = new boolean[starts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = starts.get(i);
    }
    docs.add(new EntityTrainer.Example(words.toArray(String[]::new), s, iob2(tags.toArray(String[]::new))));
    words.clear();
    starts.clear();
    tags.clear();
  }

  /** IOB1 (I- starts a chunk unless it continues one of the same type) to IOB2 (every chunk starts with B-). */
  static String[] iob2(String[] tags) {
    String[] out = new String[tags.length];
    String prev = "O";
    for (int i = 0; i < tags.length; i++) {
      String t = tags[i];
      if (t.startsWith("I-") && !(prev.length() > 2 && prev.substring(2).equals(t.substring(2)))) {
        t = "B-" + t.substring(2);
      }
      out[i] = t;
      prev = t;
    }
    return out;
  }
}
