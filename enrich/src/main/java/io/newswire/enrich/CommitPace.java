package io.newswire.enrich;

import java.time.Duration;

/**
 * When enrich asks for a commit. Enriched records become readable ({@code read_committed}) only when enrich's
 * transaction commits, and a commit costs the same however many articles it holds: frequent commits keep a live
 * stream's latency low, rare ones leave more CPU for working through a backlog (in bench enrich less than this
 * machine's noise: docs/PERFORMANCE.md). So each task asks for a commit every
 * {@code enrich.commit.interval.ms} of wall-clock time while the newest raw record it has taken is at most
 * {@code enrich.commit.backlog.lag.ms} old, and otherwise leaves it to Kafka Streams' own interval,
 * {@code enrich.commit.backlog.interval.ms}. A record's timestamp is when ingest sent it, so "old" means enrich is
 * behind. The lag is seconds, not the commit interval: a loaded live stream lags by a second or two at times, and
 * switching to long commits then only added latency (bench e2e at 300 articles/s). Under exactly-once, one task's
 * request commits every task of its stream thread.
 */
public final class CommitPace {
  private final Duration interval;
  private final long liveLagMs;
  private long newest = Long.MIN_VALUE;
  private boolean pending;

  /**
   * @param interval how often to ask while enrich keeps up
   * @param backlogLag how old the newest record taken may be while enrich still keeps up
   */
  public CommitPace(Duration interval, Duration backlogLag) {
    this.interval = interval;
    this.liveLagMs = backlogLag.toMillis();
  }

  public Duration interval() {
    return interval;
  }

  /** A raw record was taken (enriched, dropped as a duplicate or passed on as a retraction). */
  public void taken(long recordTimestamp) {
    newest = Math.max(newest, recordTimestamp);
    pending = true;
  }

  /** At a wall-clock tick: whether to ask for a commit now. */
  public boolean commitNow(long wallClockMs) {
    if (!pending || wallClockMs - newest > liveLagMs) {
      return false;
    }
    pending = false;
    return true;
  }
}
