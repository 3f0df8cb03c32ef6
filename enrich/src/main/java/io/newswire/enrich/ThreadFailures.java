package io.newswire.enrich;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When a failed stream thread is replaced and when enrich stops instead: a thread that fails again and again
 * (the same record, every time it is read again) would otherwise loop for ever, so the {@code most}-th failure
 * within {@code window} stops the application with the reason.
 */
final class ThreadFailures {
  private final int most;
  private final Duration window;
  private final Deque<Long> failures = new ArrayDeque<>();

  ThreadFailures(int most, Duration window) {
    this.most = most;
    this.window = window;
  }

  /** Records a failure at {@code nowMs}; true when it is one too many and the application must stop. */
  synchronized boolean tooMany(long nowMs) {
    failures.addLast(nowMs);
    while (!failures.isEmpty() && failures.peekFirst() < nowMs - window.toMillis()) {
      failures.removeFirst();
    }
    return failures.size() >= most;
  }

  /** Failures within the window, as of the last one recorded. */
  synchronized int recent() {
    return failures.size();
  }
}
