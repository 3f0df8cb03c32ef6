package io.newswire.ingest.files;

import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.Normaliser;
import io.newswire.ingest.Quarantine;
import io.newswire.ingest.SourceItem;
import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The file source's loop: expand paths, folders and globs into files, read each into articles, publish them,
 * and send whatever cannot be read to the dead-letter topic (or, if even that fails, to the quarantine
 * folder). An article already published in this run is skipped.
 */
public final class FileIngest {
  private final ArticleFiles files;
  private final Normaliser normaliser;
  private final ArticlePublisher publisher;
  private final Quarantine quarantine;
  private final Set<String> seen = new HashSet<>();

  public FileIngest(ArticleFiles files, Normaliser normaliser, ArticlePublisher publisher, Quarantine quarantine) {
    this.files = files;
    this.normaliser = normaliser;
    this.publisher = publisher;
    this.quarantine = quarantine;
  }

  /**
   * Ingests the files and reports progress as (files done, files in all).
   */
  public IngestSummary run(List<String> paths, BiConsumer<Integer, Integer> progress) {
    List<Path> all = expand(paths);
    IngestSummary summary = new IngestSummary();
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    int done = 0;
    for (Path file : all) {
      for (SourceItem item : files.read(file)) {
        pending.add(handle(item, summary));
      }
      progress.accept(++done, all.size());
    }
    publisher.flush();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return summary;
  }

  private CompletableFuture<Void> handle(SourceItem item, IngestSummary summary) {
    if (item instanceof SourceItem.Unreadable bad) {
      return deadLetter(bad.origin(), bad.payload(), bad.reason(), summary);
    }
    SourceItem.Draft draft = (SourceItem.Draft) item;
    RawArticle article;
    try {
      article = normaliser.normalise(draft.draft());
    } catch (RuntimeException e) {
      return deadLetter(draft.origin(), draft.draft().body() == null ? null
          : draft.draft().body().getBytes(StandardCharsets.UTF_8), e, summary);
    }
    if (!seen.add(article.getId())) {
      summary.skipped();
      return CompletableFuture.completedFuture(null);
    }
    return publisher.publish(article)
        .thenAccept(metadata -> summary.published())
        .exceptionallyCompose(error -> deadLetter(draft.origin(),
            article.toString().getBytes(StandardCharsets.UTF_8), unwrap(error), summary));
  }

  private CompletableFuture<Void> deadLetter(String origin, byte[] payload, Throwable reason, IngestSummary summary) {
    return publisher.deadLetter(origin, payload, reason)
        .thenAccept(m -> summary.deadLettered(origin, reason.getMessage()))
        .exceptionally(error -> {
          quarantine.put(origin, payload, reason);
          summary.quarantined(origin, reason.getMessage());
          return null;
        });
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** Files, folders (recursively) and globs such as {@code news/**}{@code /*.md}, in a stable order. */
  public static List<Path> expand(List<String> paths) {
    Set<Path> out = new LinkedHashSet<>();
    for (String arg : paths) {
      if (arg.matches(".*[*?\\[{].*")) {
        out.addAll(glob(arg));
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(ArticleFiles::isArticleFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
        }
      } else {
        out.add(path); // a missing file becomes an unreadable item with a clear reason
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Path> glob(String pattern) {
    int firstGlob = pattern.replaceAll("[*?\\[{].*", "").lastIndexOf('/');
    Path base = firstGlob < 0 ? Path.of(".") : Path.of(pattern.substring(0, firstGlob + 1));
    String rest = firstGlob < 0 ? pattern : pattern.substring(firstGlob + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(base.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot expand " + pattern + ": " + e.getMessage(), e);
    }
  }
}
