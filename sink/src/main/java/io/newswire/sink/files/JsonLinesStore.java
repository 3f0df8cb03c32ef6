package io.newswire.sink.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.ArticleDocument;
import io.newswire.sink.Batches;
import io.newswire.sink.Store;
import io.newswire.sink.StoreException;
import io.newswire.sink.StoreUnavailableException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Enriched articles as JSON Lines files partitioned by publication date, ready for a data lake:
 * {@code DIR/date=2025-03-11/articles.jsonl}, one article per line, sorted by id. Each batch rewrites the
 * date partitions it touches, atomically (write aside, then rename), applying the same rules as every
 * store: a newer enrichment version replaces an older one, the same or an older one changes nothing, a
 * delete removes the article. Replays therefore leave the files exactly as they were.
 */
public final class JsonLinesStore implements Store {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "articles.jsonl";

  private record Located(String date, int version, Instant fetchedAt) {
    boolean atLeast(EnrichedArticle a) {
      int byVersion = Integer.compare(version, a.getEnrichmentVersion());
      return byVersion > 0 || byVersion == 0 && !fetchedAt.isBefore(a.getArticle().getFetchedAt());
    }
  }

  private final Path dir;
  private final Map<String, Located> index = new HashMap<>();

  public JsonLinesStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      try (Stream<Path> partitions = Files.list(dir)) {
        for (Path partition : partitions.filter(p -> p.getFileName().toString().startsWith("date=")).toList()) {
          String date = partition.getFileName().toString().substring(5);
          read(partition.resolve(FILE)).forEach((id, node) ->
              index.put(id, new Located(date, node.path("enrichmentVersion").asInt(),
                  Instant.parse(node.path("article").path("fetchedAt").asText()))));
        }
      }
    } catch (IOException e) {
      throw new StoreUnavailableException("Cannot read the JSON Lines store at " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void apply(List<ArticleChange> changes) {
    Map<String, Map<String, String>> partitions = new TreeMap<>(); // date -> id -> line, for touched dates
    try {
      for (ArticleChange change : Batches.latestPerArticle(changes)) {
        Located existing = index.get(change.id());
        if (change instanceof ArticleChange.Upsert u) {
          EnrichedArticle article = u.article();
          if (existing != null && existing.atLeast(article)) {
            continue;
          }
          String date = dateOf(article);
          if (existing != null && !existing.date().equals(date)) {
            partition(partitions, existing.date()).remove(change.id());
          }
          partition(partitions, date).put(change.id(), ArticleDocument.json(article));
          index.put(change.id(), new Located(date, article.getEnrichmentVersion(), article.getArticle().getFetchedAt()));
        } else if (existing != null) {
          partition(partitions, existing.date()).remove(change.id());
          index.remove(change.id());
        }
      }
      for (var partition : partitions.entrySet()) {
        write(dir.resolve("date=" + partition.getKey()), partition.getValue());
      }
    } catch (IOException e) {
      index.clear(); // rebuilt on the next start; the batch is retried
      throw new StoreUnavailableException("Cannot write the JSON Lines store at " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StoreException("Cannot store the batch as JSON Lines: " + e.getMessage(), e);
    }
  }

  private Map<String, String> partition(Map<String, Map<String, String>> partitions, String date) throws IOException {
    Map<String, String> lines = partitions.get(date);
    if (lines == null) {
      lines = new TreeMap<>();
      for (var entry : read(dir.resolve("date=" + date).resolve(FILE)).entrySet()) {
        lines.put(entry.getKey(), JSON.writeValueAsString(entry.getValue()));
      }
      partitions.put(date, lines);
    }
    return lines;
  }

  private static Map<String, JsonNode> read(Path file) throws IOException {
    Map<String, JsonNode> lines = new TreeMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          lines.put(node.path("article").path("id").asText(), node);
        }
      }
    }
    return lines;
  }

  private static void write(Path partition, Map<String, String> lines) throws IOException {
    Files.createDirectories(partition);
    Path tmp = partition.resolve(FILE + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (String line : lines.values()) {
        out.write(line);
        out.write('\n');
      }
    }
    if (lines.isEmpty()) {
      Files.delete(tmp);
      Files.deleteIfExists(partition.resolve(FILE));
      return;
    }
    Files.move(tmp, partition.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String dateOf(EnrichedArticle article) {
    Instant when = article.getArticle().getPublishedAt() != null
        ? article.getArticle().getPublishedAt() : article.getArticle().getFetchedAt();
    return when.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Ids currently stored, for tests and status. */
  public synchronized Set<String> ids() {
    return new HashSet<>(index.keySet());
  }

  @Override
  public String describe() {
    return dir.toAbsolutePath().toString();
  }

  @Override
  public void close() {
    // every batch is already on disk
  }
}
