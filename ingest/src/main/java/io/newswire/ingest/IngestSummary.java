package io.newswire.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What an ingest run did: published, skipped as already seen, failed, and where the failures went. */
public final class IngestSummary {
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  public void published() {
    published.incrementAndGet();
  }

  public void skipped() {
    skipped.incrementAndGet();
  }

  public void deadLettered(String origin, String reason) {
    deadLettered.incrementAndGet();
    failures.add(origin + ": " + reason);
  }

  public void quarantined(String origin, String reason) {
    quarantined.incrementAndGet();
    failures.add(origin + ": " + reason + " (quarantined)");
  }

  public long publishedCount() {
    return published.get();
  }

  public long skippedCount() {
    return skipped.get();
  }

  public long failedCount() {
    return deadLettered.get() + quarantined.get();
  }

  public long deadLetteredCount() {
    return deadLettered.get();
  }

  public long quarantinedCount() {
    return quarantined.get();
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  public String describe(String deadLetterTopic, String quarantineDir) {
    StringBuilder out = new StringBuilder()
        .append(published.get()).append(" published, ")
        .append(skipped.get()).append(" skipped as already seen, ")
        .append(failedCount()).append(" failed");
    if (deadLettered.get() > 0) {
      out.append("; ").append(deadLettered.get()).append(" sent to ").append(deadLetterTopic);
    }
    if (quarantined.get() > 0) {
      out.append("; ").append(quarantined.get()).append(" written to ").append(quarantineDir);
    }
    for (String failure : failures.subList(0, Math.min(failures.size(), 20))) {
      out.append("\n  ✗ ").append(failure);
    }
    if (failures.size() > 20) {
      out.append("\n  … and ").append(failures.size() - 20).append(" more");
    }
    return out.toString();
  }
}
