package io.newswire.ingest;

import io.newswire.schema.RawArticle;
import io.newswire.serde.EncodedText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Turns what a source read into a {@link RawArticle}: text cleaned (HTML entities decoded, control characters
 * dropped, whitespace normalised), a title found when there is none, the URL made canonical, and a stable id
 * from the canonical URL or, without one, from the content.
 */
public final class Normaliser {
  private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{10,200}?[.!?])(\\s|$)", Pattern.DOTALL);

  private final Clock clock;

  public Normaliser(Clock clock) {
    this.clock = clock;
  }

  public Normaliser() {
    this(Clock.systemUTC());
  }

  /** @throws InvalidArticleException when nothing usable is left (no body text) */
  public RawArticle normalise(ArticleDraft draft) {
    String body = draft.text() ? clean(draft.body(), false, false) : plain(draft.body(), false);
    String title = draft.text() ? clean(draft.title(), true, false) : plain(draft.title(), true);
    if (body.isEmpty() && title.isEmpty()) {
      throw new InvalidArticleException("The article is empty: no title and no body text");
    }
    if (body.isEmpty()) {
      throw new InvalidArticleException("The article '" + abbreviate(title) + "' has a title but no body text");
    }
    if (title.isEmpty()) {
      title = titleFrom(body);
    }
    String url = CanonicalUrl.of(draft.url());
    String contentHash = contentHash(title, body);
    String id = url != null ? "u" + sha256(url).substring(0, 31) : "c" + contentHash.substring(0, 31);
    Map<String, String> metadata = new TreeMap<>();
    if (draft.metadata() != null) {
      draft.metadata().forEach((k, v) -> {
        if (k != null && v != null && !v.isBlank()) {
          metadata.put(k, plain(v, true));
        }
      });
    }
    // The all-arguments constructor: Avro's builders validate and deep-copy defaults, which costs more than
    // the rest of normalisation on the ingest hot path.
    String feed = draft.feed() == null ? null : plain(draft.feed(), true);
    return new RawArticle(id, url, plain(draft.origin(), true), feed, title, body, draft.publishedAt(), clock.instant(),
        draft.contentType(), contentHash, new java.util.HashMap<>(metadata),
        metadata.get("author") != null && PageMetadata.isName(metadata.get("author")) ? metadata.get("author") : null,
        metadata.get("section"), metadata.get("language"), metadata.get("image"));
  }

  /**
   * The text of a field with any markup reduced to its text ({@link Markup}), then cleaned as {@link #clean}
   * does. Decoding entities can spell markup again ({@code &amp;lt;script&amp;gt;}), so this repeats until no
   * tag is left, and as a last resort breaks what still looks like one.
   */
  static String plain(String text, boolean oneLine) {
    if (text == null) {
      return "";
    }
    String s = clean(oneLine ? Markup.line(text) : Markup.block(text), oneLine);
    for (int i = 0; i < 3 && Markup.present(s); i++) {
      s = clean(oneLine ? Markup.line(s) : Markup.block(s), oneLine);
    }
    return Markup.present(s) ? s.replace("<", "< ") : s;
  }

  /**
   * Entities decoded, control characters removed, spaces trimmed at line ends and runs of spaces and of
   * blank lines collapsed. One pass over the text: this runs on every article, so no regular expressions.
   */
  public static String cleanBody(String text) {
    return clean(text, false);
  }

  /** As {@link #cleanBody}, on one line: line breaks become spaces. */
  public static String cleanLine(String text) {
    return clean(text, true);
  }

  private static String clean(String text, boolean oneLine) {
    return clean(text, oneLine, true);
  }

  /** As {@link #clean(String, boolean)}; text that is already text keeps a literal "&amp;lt;" as it is. */
  private static String clean(String text, boolean oneLine, boolean decode) {
    if (text == null) {
      return "";
    }
    String s = decode && text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
    if (alreadyClean(s, oneLine)) {
      return s; // most text arrives clean; checking is much cheaper than rebuilding it
    }
    StringBuilder out = new StringBuilder(s.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue;
        }
        c = '\n';
      }
      if (c == '\n') {
        if (oneLine) {
          space = true;
        } else {
          newlines++;
          space = false;
        }
      } else if (horizontalSpace(c)) {
        space = true;
      } else if (!invisible(c)) {
        if (out.length() > 0) {
          if (newlines > 0) {
            out.append(newlines >= 2 ? "\n\n" : "\n");
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@link #clean} would return the text unchanged. */
  private static boolean alreadyClean(String s, boolean oneLine) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    char previous = '\n'; // so leading spaces or newlines count as unclean
    int newlines = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7F) { // printable ASCII, most of any English text: nothing to check
        newlines = 0;
        previous = c;
        continue;
      }
      if (c == '\n') {
        if (oneLine || previous == ' ' || ++newlines > 2) {
          return false;
        }
      } else if (c == ' ') {
        if (previous == ' ' || previous == '\n') {
          return false;
        }
        newlines = 0;
      } else if (horizontalSpace(c) || invisible(c) || c == '\r') {
        return false;
      } else {
        newlines = 0;
      }
      previous = c;
    }
    return previous != ' ' && previous != '\n';
  }

  private static boolean horizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c >= '\u2000' && c <= '\u200A'
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  private static boolean invisible(char c) {
    return c < 0x20 && c != '\t' || c == 0x7F || c == '\u200B' || c == '\uFEFF';
  }

  /** Text without a title: its first line if short, else its first sentence, else its first words. */
  static String titleFrom(String body) {
    String firstLine = body.lines().findFirst().orElse("").strip();
    if (!firstLine.isEmpty() && firstLine.length() <= 150) {
      return firstLine;
    }
    Matcher m = FIRST_SENTENCE.matcher(body);
    if (m.find()) {
      return m.group(1).strip();
    }
    return abbreviate(firstLine);
  }

  private static String abbreviate(String s) {
    if (s.length() <= 100) {
      return s;
    }
    int cut = s.lastIndexOf(' ', 100);
    return s.substring(0, cut > 40 ? cut : 100) + "…";
  }

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private static final byte[] TITLE_BODY_SEPARATOR = {'\n', '\n'};

  /**
   * SHA-256 of {@code title + "\n\n" + body} in UTF-8, fed in parts; the parts' bytes are kept for the Avro
   * serializer that runs next on this thread ({@link EncodedText}), so the text is encoded once.
   */
  static String contentHash(String title, String body) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    digest.update(EncodedText.utf8(title));
    digest.update(TITLE_BODY_SEPARATOR);
    digest.update(EncodedText.utf8(body));
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256(String text) {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
