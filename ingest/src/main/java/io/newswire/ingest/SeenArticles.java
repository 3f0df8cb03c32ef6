package io.newswire.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The article ids ingest has published, remembered across restarts so that a feed item or file seen again
 * is not published twice. An append-only file of ids, read at start; when it holds twice the limit it is
 * rewritten with the newest ids only. An id is recorded once Kafka has acknowledged the article.
 */
public final class SeenArticles implements AutoCloseable {
  private final Path file;
  private final int max;
  private final LinkedHashSet<String> ids = new LinkedHashSet<>();
  private BufferedWriter out;
  private int lines;

  private SeenArticles(Path file, int max) {
    this.file = file;
    this.max = max;
  }

  /** Remembers ids in {@code file}; creates it if needed. */
  public static SeenArticles open(Path file, int max) {
    SeenArticles seen = new SeenArticles(file, max);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        List<String> stored = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String id : stored) {
          if (!id.isBlank()) {
            seen.remember(id.strip());
          }
        }
        seen.lines = stored.size();
      }
      seen.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the seen-articles file " + file + ": " + e.getMessage(), e);
    }
    return seen;
  }

  /** Remembers ids for this run only. */
  public static SeenArticles inMemory() {
    return new SeenArticles(null, Integer.MAX_VALUE);
  }

  public synchronized boolean contains(String id) {
    return ids.contains(id);
  }

  public synchronized void add(String id) {
    if (!remember(id) || out == null) {
      return;
    }
    try {
      out.write(id);
      out.write('\n');
      if (++lines > 2 * max) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized int size() {
    return ids.size();
  }

  /** Writes what is buffered; call after each batch. */
  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private boolean remember(String id) {
    if (!ids.add(id)) {
      return false;
    }
    if (ids.size() > max) {
      Iterator<String> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  private void compact() throws IOException {
    out.close();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, ids, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lines = ids.size();
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out = null;
    }
  }
}
