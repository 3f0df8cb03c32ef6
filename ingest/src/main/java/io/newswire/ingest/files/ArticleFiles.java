package io.newswire.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.Dates;
import io.newswire.ingest.HtmlArticle;
import io.newswire.ingest.JsonArticle;
import io.newswire.ingest.InvalidArticleException;
import io.newswire.ingest.SourceItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads article files by their extension: plain text, Markdown (with optional front matter), HTML, JSON (an
 * object or an array of objects) and JSON Lines. A bad JSON Lines line is one unreadable item; the other
 * lines still count.
 */
public final class ArticleFiles {
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*\\n", Pattern.DOTALL);
  private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1");
  private static final Pattern MD_MARKERS = Pattern.compile("(?m)^(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+\\.\\s+)");

  private final long maxBytes;

  public ArticleFiles(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ArticleFiles() {
    this(DEFAULT_MAX_BYTES);
  }

  /** Whether a file looks like an article by its name (used when walking folders). */
  public static boolean isArticleFile(Path file) {
    return format(file) != null;
  }

  static String format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "txt", "text" -> "text/plain";
      case "md", "markdown" -> "text/markdown";
      case "html", "htm", "xhtml" -> "text/html";
      case "json" -> "application/json";
      case "jsonl", "ndjson" -> "application/x-ndjson";
      default -> null;
    };
  }

  /** Reads a file into a list of items; see {@link #read(Path, Consumer)}. */
  public List<SourceItem> read(Path file) {
    List<SourceItem> items = new ArrayList<>();
    read(file, items::add);
    return items;
  }

  /**
   * Reads a file and hands each item to {@code sink} as it is read: a JSON Lines file of any size streams
   * line by line (the size limit applies to each line), other files are read whole (the limit applies to
   * the file).
   */
  public void read(Path file, Consumer<SourceItem> sink) {
    readDeferred(file, item -> sink.accept(item.get()));
  }

  /**
   * As {@link #read(Path, Consumer)}, but each JSON Lines line is handed over unparsed, as a supplier that
   * parses it when called. The reading thread then only splits lines, and the JSON parsing runs wherever
   * the caller runs the supplier: in {@link FileIngest}, on the threads that normalise and publish. Parsing
   * in the reading thread made it the bottleneck of a large file.
   */
  public void readDeferred(Path file, Consumer<Supplier<SourceItem>> sink) {
    String origin = file.toString();
    String format = format(file);
    if ("application/x-ndjson".equals(format)) {
      jsonLines(file, sink);
      return;
    }
    read(file, origin, format).forEach(item -> sink.accept(() -> item));
  }

  private List<SourceItem> read(Path file, String origin, String format) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return List.of(new SourceItem.Unreadable(origin, head(file),
            new InvalidArticleException("File is " + size + " bytes, over the " + maxBytes
                + "-byte limit (ingest.max.bytes); split it or raise the limit")));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return List.of(new SourceItem.Unreadable(origin, new byte[0],
          new InvalidArticleException("Cannot read " + origin + ": " + e.getMessage(), e)));
    }
    if (format == null) {
      return List.of(new SourceItem.Unreadable(origin, bytes, new InvalidArticleException(
          "Unknown file type; expected .txt, .md, .html, .json or .jsonl")));
    }
    int nul = firstNul(bytes);
    if (nul >= 0) {
      return List.of(new SourceItem.Unreadable(origin, head(bytes), new InvalidArticleException(
          "Not text: a NUL byte at offset " + nul + " (binary data, or UTF-16 text; articles must be UTF-8 or "
              + "a single-byte charset)")));
    }
    try {
      return switch (format) {
        case "application/json" -> json(origin, bytes);
        case "text/html" -> List.of(new SourceItem.Draft(html(origin, bytes)));
        case "text/markdown" -> List.of(new SourceItem.Draft(markdown(origin, text(bytes, null))));
        default -> List.of(new SourceItem.Draft(plain(origin, text(bytes, null))));
      };
    } catch (RuntimeException e) {
      return List.of(new SourceItem.Unreadable(origin, bytes, e));
    }
  }

  /** The offset of the first NUL byte, which no text in a supported charset contains, or -1. */
  static int firstNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] head(byte[] bytes) {
    return bytes.length <= 64 * 1024 ? bytes : java.util.Arrays.copyOf(bytes, 64 * 1024);
  }

  /** UTF-8 when valid (a BOM is skipped); otherwise the declared charset, else Windows-1252. */
  public static String text(byte[] bytes, String declared) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException notUtf8) {
      Charset fallback = Charset.forName("windows-1252");
      if (declared != null) {
        try {
          fallback = Charset.forName(declared.trim());
        } catch (RuntimeException unknownCharset) {
          // keep windows-1252
        }
      }
      return new String(bytes, fallback);
    }
  }

  static ArticleDraft plain(String origin, String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    int firstBreak = normalised.indexOf("\n\n");
    String title = null;
    String body = normalised;
    if (firstBreak > 0 && firstBreak <= 150 && normalised.substring(0, firstBreak).indexOf('\n') < 0) {
      title = normalised.substring(0, firstBreak);
      body = normalised.substring(firstBreak + 2);
    }
    body = unwrap(body);
    if (title == null) {
      // No blank line under the first line, but it stands on a line of its own (the text under it does not
      // continue it): a heading ("Eredivisie results" over the rows). Taken as the title, and not left in the body
      // too, where the normaliser's title from the first line would have the tagger read it twice.
      int lineEnd = body.indexOf('\n');
      String first = lineEnd > 0 ? body.substring(0, lineEnd).strip() : "";
      String rest = lineEnd > 0 ? body.substring(lineEnd + 1).strip() : "";
      if (!first.isEmpty() && first.length() <= 150 && !rest.isEmpty() && !row(first) && !endsAsProse(first)) {
        title = first;
        body = rest;
      }
    }
    return new ArticleDraft(origin, null, null, title, body, null, "text/plain", Map.of());
  }

  /** A line that ends as a sentence or a clause does ("... on Tuesday.", "... said:"): text, not a heading. */
  private static boolean endsAsProse(String line) {
    char last = line.charAt(line.length() - 1);
    return last == '.' || last == ',' || last == ':' || last == ';';
  }

  /**
   * Joins lines wrapped inside a paragraph, as Markdown renders soft line breaks; blank lines still separate
   * paragraphs, and list items, headings and quotes keep their own lines. So do lines that were not wrapped at
   * a column: a line much shorter than its paragraph's longest (a heading over the text), and the rows of a
   * results list or a table ("Ajax 2 PSV Eindhoven 2"), which joined into one line would lose what the tagger
   * reads them by.
   */
  static String unwrap(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    int[] widest = new int[lines.length]; // the longest line of each line's paragraph
    for (int start = 0; start < lines.length; ) {
      int end = start;
      int max = 0;
      while (end < lines.length && !lines[end].isBlank()) {
        max = Math.max(max, lines[end].strip().length());
        end++;
      }
      for (int k = start; k < end; k++) {
        widest[k] = max;
      }
      start = end + 1;
    }
    StringBuilder out = new StringBuilder(text.length());
    String previous = "";
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      boolean block = trimmed.isEmpty() || MD_MARKERS.matcher(trimmed).lookingAt() || trimmed.startsWith("|");
      if (out.length() == 0) {
        out.append(trimmed);
      } else if (trimmed.isEmpty()) {
        out.append('\n');
      } else if (block || previous.isEmpty() || !continues(lines[i - 1], lines[i], widest[i])) {
        out.append('\n').append(trimmed);
      } else {
        out.append(' ').append(trimmed);
      }
      previous = trimmed;
    }
    return out.toString();
  }

  /** Whether a line continues the one before, wrapped at a column: that one fills at least half the width. */
  private static boolean continues(String before, String line, int widest) {
    return before.strip().length() * 2 >= widest && !row(before) && !row(line);
  }

  /**
   * A row of a table or a results list: columns aligned with a tab or three spaces, or figures among names with
   * no lower-case word of four letters or more ("Heerenveen 0 Vitesse Arnhem 2", "Inter Milan 24 18 4 2 52 15").
   */
  static boolean row(String line) {
    String t = line.strip();
    if (t.indexOf('\t') >= 0 || t.contains("   ")) {
      return true;
    }
    boolean figure = false;
    for (String word : t.split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      char first = word.charAt(0);
      if (Character.isDigit(first)) {
        figure = true;
      } else if (Character.isLowerCase(first) && word.length() >= 4) {
        return false;
      }
    }
    return figure;
  }

  static ArticleDraft markdown(String origin, String text) {
    Map<String, String> meta = new HashMap<>();
    Matcher fm = FRONT_MATTER.matcher(text);
    if (fm.find()) {
      for (String line : fm.group(1).split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          meta.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              unquote(line.substring(colon + 1).trim()));
        }
      }
      text = text.substring(fm.end());
    }
    String title = meta.remove("title");
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (title == null) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("# ")) {
          title = line.substring(2).strip();
          lines.remove(i);
        }
        break;
      }
    }
    String body = unwrap(String.join("\n", lines));
    body = MD_LINK.matcher(body).replaceAll("$1");
    body = MD_EMPHASIS.matcher(body).replaceAll("$2");
    body = MD_MARKERS.matcher(body).replaceAll("");
    String url = firstOf(meta, "url", "link", "canonical");
    String published = firstOf(meta, "date", "published", "published_at", "publishedat");
    String feed = firstOf(meta, "source", "feed", "publisher");
    return new ArticleDraft(origin, url, feed, title, body, Dates.parse(published), "text/markdown", meta);
  }

  /** An HTML page as an article draft, decoded by its declared charset (a BOM, a meta charset) or sniffed. */
  public static ArticleDraft html(String origin, byte[] bytes) {
    Document doc = Jsoup.parse(text(bytes, declaredCharset(bytes)));
    return HtmlArticle.extract(origin, doc);
  }

  private static String declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("charset=[\"']?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE).matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private List<SourceItem> json(String origin, byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException("Not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidArticleException("Not valid JSON: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new InvalidArticleException("Empty JSON file");
    }
    List<SourceItem> items = new ArrayList<>();
    if (root.isArray()) {
      int i = 0;
      for (JsonNode node : root) {
        String where = origin + "[" + i++ + "]";
        items.add(itemOf(where, node, node));
      }
    } else {
      items.add(itemOf(origin, root, bytes));
    }
    return items;
  }

  /**
   * JSON Lines, streamed: lines are split as bytes and parsed from UTF-8 bytes directly, without decoding
   * each line to a String first (JSON is UTF-8 by its specification).
   */
  private void jsonLines(Path file, Consumer<Supplier<SourceItem>> sink) {
    String origin = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream partial = new ByteArrayOutputStream(8192); // a line that runs past the chunk read
      byte[] chunk = new byte[1 << 16];
      int number = 0;
      int n;
      while ((n = in.read(chunk)) >= 0) {
        int start = 0;
        int end;
        while ((end = indexOfNewline(chunk, start, n)) >= 0) {
          if (partial.size() == 0) {
            // most lines lie within one chunk: copied once, straight out of it
            jsonLine(origin, ++number, Arrays.copyOfRange(chunk, start, (int) Math.min(end, start + maxBytes + 1)), sink);
          } else {
            appendCapped(partial, chunk, start, end - start);
            jsonLine(origin, ++number, partial.toByteArray(), sink);
            partial.reset();
          }
          start = end + 1;
        }
        appendCapped(partial, chunk, start, n - start);
      }
      if (partial.size() > 0) {
        jsonLine(origin, ++number, partial.toByteArray(), sink);
      }
    } catch (IOException e) {
      SourceItem unreadable = new SourceItem.Unreadable(origin, new byte[0],
          new InvalidArticleException("Cannot read " + origin + ": " + e.getMessage(), e));
      sink.accept(() -> unreadable);
    }
  }

  /** A small method of its own, so the JIT compiles this hot loop on its own rather than inside the reading loop. */
  private static int indexOfNewline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void appendCapped(ByteArrayOutputStream line, byte[] chunk, int from, int length) {
    line.write(chunk, from, (int) Math.max(0, Math.min(length, maxBytes + 1 - line.size())));
  }

  private void jsonLine(String origin, int number, byte[] bytes, Consumer<Supplier<SourceItem>> sink) {
    if (isBlank(bytes)) {
      return;
    }
    if (bytes.length > maxBytes) {
      SourceItem tooLong = new SourceItem.Unreadable(origin + ":" + number, Arrays.copyOf(bytes, 64 * 1024),
          new InvalidArticleException("Line " + number + " is over the " + maxBytes + "-byte limit (ingest.max.bytes)"));
      sink.accept(() -> tooLong);
      return;
    }
    sink.accept(() -> jsonLine(origin, number, bytes));
  }

  private static SourceItem jsonLine(String origin, int number, byte[] bytes) {
    String where = origin + ":" + number;
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new InvalidArticleException("Line " + number + " has no JSON value");
      }
      return itemOf(where, node, bytes);
    } catch (IOException e) {
      String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return new SourceItem.Unreadable(where, bytes,
          new InvalidArticleException("Line " + number + " is not valid JSON: " + message, e));
    } catch (InvalidArticleException e) {
      return new SourceItem.Unreadable(where, bytes, e);
    }
  }

  /** A line of only spaces, tabs or a carriage return: skipped, as blank lines between records are. */
  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** @param raw what to keep if the item is unreadable: bytes, or anything whose text is the input (made only then) */
  private static SourceItem itemOf(String origin, JsonNode node, Object raw) {
    try {
      return new SourceItem.Draft(JsonArticle.draft(origin, node));
    } catch (InvalidArticleException e) {
      byte[] payload = raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
      return new SourceItem.Unreadable(origin, payload, e);
    }
  }

  private static String firstOf(Map<String, String> meta, String... keys) {
    for (String key : keys) {
      String v = meta.remove(key);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static byte[] head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(64 * 1024);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
