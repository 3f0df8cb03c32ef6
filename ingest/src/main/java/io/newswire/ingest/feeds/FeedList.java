package io.newswire.ingest.feeds;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads the feeds to poll, from a feeds file or an OPML export:
 *
 * <pre>
 * # one feed per line; options after the URL
 * https://example.com/rss.xml
 * https://example.com/world.atom  every=10m  pages=true  name="Example World"
 * </pre>
 *
 * {@code every} takes s, m or h; {@code pages=true} fetches each item's page when the feed has only a
 * summary.
 */
public final class FeedList {
  private static final Pattern OPTION = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

  private FeedList() {}

  public static List<FeedSubscription> read(Path file, Duration defaultEvery) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (file.toString().toLowerCase(Locale.ROOT).endsWith(".opml") || text.stripLeading().startsWith("<")) {
      return opml(text, defaultEvery);
    }
    List<FeedSubscription> feeds = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      String content = line.replaceAll("(^|\\s)#.*$", "").strip();
      if (content.isEmpty()) {
        continue;
      }
      String[] parts = content.split("\\s+", 2);
      URI url = url(parts[0], file + ":" + number);
      String name = url.getHost();
      Duration every = defaultEvery;
      boolean pages = false;
      Matcher m = OPTION.matcher(parts.length > 1 ? parts[1] : "");
      while (m.find()) {
        String value = m.group(2).replaceAll("^\"|\"$", "");
        switch (m.group(1)) {
          case "every" -> every = duration(value, file + ":" + number);
          case "pages" -> pages = Boolean.parseBoolean(value);
          case "name" -> name = value;
          default -> throw new IllegalArgumentException(file + ":" + number + ": unknown option '" + m.group(1)
              + "' (known: every, pages, name)");
        }
      }
      feeds.add(new FeedSubscription(url, name, every, pages));
    }
    return feeds;
  }

  static List<FeedSubscription> opml(String text, Duration defaultEvery) {
    // jsoup's XML parser reads no DTDs and resolves no external entities.
    Document doc = Jsoup.parse(text, "", Parser.xmlParser());
    List<FeedSubscription> feeds = new ArrayList<>();
    for (Element outline : doc.select("outline[xmlUrl]")) {
      URI url = url(outline.attr("xmlUrl"), "OPML outline");
      String name = outline.hasAttr("title") ? outline.attr("title") : outline.attr("text");
      feeds.add(new FeedSubscription(url, name.isBlank() ? url.getHost() : name, defaultEvery, false));
    }
    return feeds;
  }

  private static URI url(String text, String where) {
    try {
      URI url = URI.create(text);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not an http(s) feed URL");
    }
  }

  static Duration duration(String text, String where) {
    Matcher m = Pattern.compile("(\\d+)([smh]?)").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(where + ": every=" + text + " is not a duration such as 90s, 10m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
