package io.newswire.ingest.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the poller remembers per feed across restarts: the validators for conditional requests, when to poll
 * next, how many times in a row it failed, and the last error (so a broken feed is dead-lettered once per
 * new error, not at every poll). Kept as a small JSON file, replaced atomically.
 */
public final class FeedState {
  /** One feed's state; mutable fields, updated by one poll at a time. */
  public static final class Entry {
    public String etag;
    public String lastModified;
    public long nextPollAt;
    public int failures;
    public String lastError;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, Entry> feeds;

  private FeedState(Path file, Map<String, Entry> feeds) {
    this.file = file;
    this.feeds = feeds;
  }

  public static FeedState open(Path file) {
    Map<String, Entry> feeds = new ConcurrentHashMap<>();
    if (file != null && Files.exists(file)) {
      try {
        feeds.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Entry>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the feed state " + file + " (delete it to start afresh): "
            + e.getMessage(), e);
      }
    }
    return new FeedState(file, feeds);
  }

  public Entry of(String url) {
    return feeds.computeIfAbsent(url, k -> new Entry());
  }

  public synchronized void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), feeds);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the feed state " + file + ": " + e.getMessage(), e);
    }
  }
}
