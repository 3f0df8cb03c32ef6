package io.newswire.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * The last resort for input that could not even reach the dead-letter topic (Kafka or the registry down):
 * each item becomes a {@code .payload} file with a {@code .reason} file beside it, so nothing is lost.
 */
public final class Quarantine {
  private final Path dir;

  public Quarantine(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path put(String origin, byte[] payload, Throwable reason) {
    try {
      Files.createDirectories(dir);
      String name = Instant.now().toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
      Files.write(dir.resolve(name + ".payload"), payload == null ? new byte[0] : payload);
      Files.writeString(dir.resolve(name + ".reason"), "origin: " + origin + "\nerror: " + reason.getClass().getName()
          + "\nmessage: " + reason.getMessage() + "\n", StandardCharsets.UTF_8);
      return dir.resolve(name + ".payload");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write to the quarantine folder " + dir + ": " + e.getMessage()
          + " (while keeping " + origin + ", which failed with: " + reason.getMessage() + ")", e);
    }
  }
}
