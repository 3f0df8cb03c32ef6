package io.newswire.ingest;

import io.newswire.schema.RawArticle;
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
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F\\u200B\\uFEFF]");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");
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
    String body = cleanBody(draft.body());
    String title = cleanLine(draft.title());
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
    String contentHash = sha256(title + "\n\n" + body);
    String id = url != null ? "u" + sha256(url).substring(0, 31) : "c" + contentHash.substring(0, 31);
    Map<String, String> metadata = new TreeMap<>();
    if (draft.metadata() != null) {
      draft.metadata().forEach((k, v) -> {
        if (k != null && v != null && !v.isBlank()) {
          metadata.put(k, cleanLine(v));
        }
      });
    }
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl(url)
        .setSource(draft.origin())
        .setFeed(draft.feed())
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(draft.publishedAt())
        .setFetchedAt(clock.instant())
        .setContentType(draft.contentType())
        .setContentHash(contentHash)
        .setMetadata(new java.util.HashMap<>(metadata))
        .build();
  }

  /** Entities decoded, control characters removed, runs of spaces and of blank lines collapsed. */
  public static String cleanBody(String text) {
    if (text == null) {
      return "";
    }
    String s = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    s = CONTROL.matcher(s).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ");
    StringBuilder lines = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      lines.append(line.strip()).append('\n');
    }
    return BLANK_LINES.matcher(lines.toString().strip()).replaceAll("\n\n");
  }

  public static String cleanLine(String text) {
    return cleanBody(text).replace('\n', ' ').replaceAll(" {2,}", " ");
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

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
