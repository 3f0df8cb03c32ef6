package io.newswire.dev.bench;

import io.newswire.cli.Newswire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic generator of realistic news articles for benchmarks: the same seed gives the same
 * articles. Each has a headline, people with titles, organisations, places, quotes with speakers and
 * several topics' vocabulary, at a chosen length.
 */
public final class Corpus {
  private static final List<String> FIRST = List.of("Amara", "Jonas", "Mei", "Rafael", "Ingrid", "Tariq", "Olena",
      "Kwame", "Lucia", "Hiroshi", "Fatima", "Piotr", "Nadia", "Samuel", "Elena", "Arjun", "Chloe", "Mateus");
  private static final List<String> LAST = List.of("Okoye", "Lindqvist", "Chen", "Moreno", "Haugen", "Rahman",
      "Kovalenko", "Mensah", "Ferreira", "Sato", "Haddad", "Nowak", "Petrova", "Adeyemi", "Rossi", "Iyer", "Martin");
  private static final List<String> ROLES = List.of("President", "Prime Minister", "Finance Minister", "Mayor",
      "General", "Judge", "Professor", "Chief Executive", "Coach", "Governor");
  private static final List<String> ORGS = List.of("European Commission", "World Health Organization",
      "Central Bank", "Ministry of Defence", "National Disaster Agency", "Supreme Court", "Harbour Authority",
      "United Nations", "City Council", "Energy Regulator", "Football Association", "Space Agency");
  private static final List<String> PLACES = List.of("Kyiv", "Paris", "Lagos", "Jakarta", "Toronto", "Nairobi",
      "Berlin", "Sao Paulo", "Delhi", "Istanbul", "Tokyo", "Brussels", "Kharkiv", "Cairo", "Madrid", "Sydney");
  private static final List<String> SENTENCES = List.of(
      "Officials said the talks would continue next week despite deep disagreements over the budget.",
      "Markets fell sharply after the announcement, and investors moved money into government bonds.",
      "Rescue teams worked through the night to reach families trapped under collapsed buildings.",
      "Troops repelled several attacks near the front line, the military said in its morning report.",
      "The court heard that contracts worth millions had been steered to companies owned by relatives.",
      "Scientists said the results could change how the disease is treated in children.",
      "Heavy rain flooded roads and forced schools to close across the region.",
      "The team scored twice in the second half to win the championship final.",
      "Unions called a strike over wages after negotiations with employers broke down.",
      "The new satellite will measure emissions from power plants and cities around the world.",
      "Voters queued for hours outside polling stations in the capital on Sunday.",
      "Prices of food and fuel rose for a third month, pushing inflation above forecasts.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SplittableRandom random;

  public Corpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /**
   * One article as a JSON object (title, body, url, published, source) of about {@code bodyBytes} of body
   * text; with {@code bodyBytes <= 0}, of a length between 1 and 10 KB that depends only on {@code n}.
   */
  public ObjectNode article(int n, int bodyBytes) {
    if (bodyBytes <= 0) {
      bodyBytes = 1000 + (int) Math.floorMod(n * 2_654_435_761L, 9_001L);
    }
    String person = pick(FIRST) + " " + pick(LAST);
    String place = pick(PLACES);
    String org = pick(ORGS);
    StringBuilder body = new StringBuilder();
    body.append(pick(ROLES)).append(' ').append(person).append(" said on Monday in ").append(place)
        .append(" that the ").append(org).append(" would act quickly. ");
    while (body.length() < bodyBytes) {
      int kind = random.nextInt(6);
      if (kind == 0) {
        body.append("\u201c").append(pick(SENTENCES)).append("\u201d ").append(person.split(" ")[1])
            .append(" told reporters. ");
      } else if (kind == 1) {
        if (body.charAt(body.length() - 1) == '\n') {
          continue; // one paragraph break at a time
        }
        body.setLength(body.length() - (body.charAt(body.length() - 1) == ' ' ? 1 : 0));
        body.append("\n\n");
      } else if (kind == 2) {
        body.append("In ").append(pick(PLACES)).append(", the ").append(pick(ORGS)).append(" said ")
            .append(pick(FIRST)).append(' ').append(pick(LAST)).append(" would lead the response. ");
      } else {
        body.append(pick(SENTENCES)).append(' ');
      }
    }
    ObjectNode article = JSON.createObjectNode();
    article.put("title", org + " acts as " + place + " " + pick(List.of("faces crisis", "votes", "recovers",
        "hosts talks", "counts cost", "celebrates")) + " (" + n + ")");
    article.put("body", body.toString().strip());
    article.put("url", "https://bench.example/" + place.toLowerCase().replace(' ', '-') + "/" + n);
    article.put("published", Instant.ofEpochSecond(1_735_689_600L + n * 37L).toString());
    article.put("source", "Newswire Bench");
    return article;
  }

  /** Writes {@code count} articles as JSON Lines; returns the file's size in bytes. */
  public long writeJsonLines(Path file, int count, int bodyBytes) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write(JSON.writeValueAsString(article(i, bodyBytes)));
        out.write('\n');
      }
    }
    return Files.size(file);
  }
}
