package io.newswire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.tagger.Conll;
import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagger;
import io.newswire.tagger.TaggingJson;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.SourceItem;
import io.newswire.ingest.files.ArticleFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tag one article and print its entities, places, topics, quotes and language as JSON.",
        "FILE is read like 'ingest files' reads it (.txt .md .html .json); without FILE, plain text on stdin",
        "(the first line is the title). --jsonl and --conll read stdin and write stdout, for batches and scoring.",
        "'tag eval' measures the tagger on the held-out corpus; 'tag train' rebuilds its entity model."})
final class TagCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "An article file; stdin if absent.")
  Path file;

  @Option(names = "--jsonl", description = "JSON Lines in (title, body, optional id), one JSON result per line out, in order.")
  boolean jsonl;

  @Option(names = "--conll", description = "CoNLL in (token first on each line), each token and its IOB tag out.")
  boolean conll;

  @Option(names = "--topic-rules", paramLabel = "FILE",
      description = "Your own topics: a TSV file of code, label, parent, keywords (see docs/TAGGER.md).")
  Path topicRules;

  @Override
  public Integer call() throws Exception {
    Tagger tagger = new NewswireTagger(topicRules);
    if (conll) {
      // Test sets come in UTF-8 or Latin-1 (the original CoNLL-2003 files): read and write in the input's own
      // charset, so every token goes out byte for byte as it came in.
      java.io.BufferedInputStream bytes = new java.io.BufferedInputStream(System.in, 1 << 16);
      java.nio.charset.Charset charset = charsetOf(bytes);
      Conll.tag(new BufferedReader(new InputStreamReader(bytes, charset)), new PrintWriter(System.out, false, charset),
          tagger);
      return 0;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    if (jsonl) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode article = JSON.readTree(line);
        var result = TaggingJson.of(tagger.tag(article.path("title").asText(""), article.path("body").asText("")),
            tagger.name());
        if (article.has("id")) {
          result.set("id", article.get("id"));
        }
        result.put("line", number);
        out.println(JSON.writeValueAsString(result));
      }
      out.flush();
      return 0;
    }
    String title;
    String body;
    if (file != null) {
      List<SourceItem> items = new ArticleFiles().read(file);
      if (items.isEmpty() || items.get(0) instanceof SourceItem.Unreadable) {
        throw new IllegalArgumentException("Cannot read " + file + (items.isEmpty() ? ""
            : ": " + ((SourceItem.Unreadable) items.get(0)).reason().getMessage()));
      }
      ArticleDraft draft = ((SourceItem.Draft) items.get(0)).draft();
      title = draft.title() == null ? "" : draft.title();
      body = draft.body();
    } else {
      // UTF-8 when valid, else Windows-1252, as 'ingest files' reads a file without a declared charset.
      String text = ArticleFiles.text(System.in.readAllBytes(), null).strip();
      int newline = text.indexOf('\n');
      title = newline < 0 ? "" : text.substring(0, newline).strip();
      body = newline < 0 ? text : text.substring(newline + 1).strip();
    }
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
        TaggingJson.of(tagger.tag(title, body), tagger.name())));
    out.flush();
    return 0;
  }

  /** How many bytes are looked at to tell UTF-8 from Latin-1. */
  static final int SNIFF_BYTES = 8 << 20;

  /**
   * UTF-8 when the first {@link #SNIFF_BYTES} are valid UTF-8 (a sequence cut at the end counts as valid), else
   * ISO-8859-1, which maps every byte to one character and back. The stream is reset to where it was.
   */
  static java.nio.charset.Charset charsetOf(java.io.BufferedInputStream in) throws java.io.IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(head), java.nio.CharBuffer.allocate(head.length), false);
    return result.isError() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
  }
}
