package io.newswire.ingest.files;

import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.Intake;
import io.newswire.ingest.SourceItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The file source's loop: expand paths, folders and globs into files, read each into articles and hand them
 * to the {@link Intake}. With {@link #follow}, it keeps looking for new or changed files.
 */
public final class FileIngest {
  private final ArticleFiles files;
  private final Intake intake;
  private final int threads;

  /**
   * @param threads how many threads normalise and publish; the producer compresses in the thread that sends,
   *     so more than one lets compression use more than one core
   */
  public FileIngest(ArticleFiles files, Intake intake, int threads) {
    this.files = files;
    this.intake = intake;
    this.threads = threads;
  }

  public FileIngest(ArticleFiles files, Intake intake) {
    this(files, intake, Runtime.getRuntime().availableProcessors());
  }

  /** Ingests the files once and reports progress as (files done, files in all). */
  public IngestSummary run(List<String> paths, BiConsumer<Integer, Integer> progress) {
    IngestSummary summary = new IngestSummary();
    ingest(expand(paths), summary, progress);
    return summary;
  }

  /**
   * Ingests the files, then every {@code intervalMs} the files that appeared or changed since, until
   * {@code stop} says so.
   */
  public IngestSummary follow(List<String> paths, long intervalMs, BooleanSupplier stop,
      BiConsumer<Integer, Integer> progress) throws InterruptedException {
    IngestSummary summary = new IngestSummary();
    Map<Path, FileTime> known = new HashMap<>();
    while (!stop.getAsBoolean()) {
      List<Path> fresh = new ArrayList<>();
      for (Path file : expand(paths)) {
        try {
          FileTime modified = Files.getLastModifiedTime(file);
          if (!modified.equals(known.put(file, modified))) {
            fresh.add(file);
          }
        } catch (IOException vanished) {
          known.remove(file);
        }
      }
      if (!fresh.isEmpty()) {
        ingest(fresh, summary, progress);
      }
      Thread.sleep(intervalMs);
    }
    return summary;
  }

  private void ingest(List<Path> all, IngestSummary summary, BiConsumer<Integer, Integer> progress) {
    // A bounded queue whose overflow runs in the reading thread: reading never gets far ahead of publishing.
    ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(threads * 64), r -> {
          Thread t = new Thread(r, "ingest-worker");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    Phaser outstanding = new Phaser(1);
    try {
      int done = 0;
      for (Path file : all) {
        // JSON Lines arrive unparsed: the workers parse them, so reading a large file is not one thread's work.
        files.readDeferred(file, item -> {
          outstanding.register();
          workers.execute(() -> intake.accept(item.get(), summary)
              .whenComplete((r, e) -> outstanding.arriveAndDeregister()));
        });
        progress.accept(++done, all.size());
      }
      intake.flush();
      outstanding.arriveAndAwaitAdvance();
      intake.flush();
    } finally {
      workers.shutdown();
    }
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
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(base.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot expand " + pattern + ": " + e.getMessage(), e);
    }
  }
}
