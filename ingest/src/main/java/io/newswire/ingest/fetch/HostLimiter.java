package io.newswire.ingest.fetch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Politeness per host: at most N requests at once, and a least delay between the starts of two requests. */
public final class HostLimiter {
  private final int concurrency;
  private final long delayMs;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  private static final class Host {
    final Semaphore permits;
    long lastStart;
    long delayMs = -1; // the host's own (robots.txt Crawl-delay), when longer than ours

    Host(int concurrency) {
      permits = new Semaphore(concurrency, true);
    }
  }

  public HostLimiter(int concurrency, long delayMs) {
    this.concurrency = concurrency;
    this.delayMs = delayMs;
  }

  /** Blocks until a request to {@code host} may start; pair with {@link #release}. */
  public void acquire(String host) throws InterruptedException {
    Host h = hosts.computeIfAbsent(host, k -> new Host(concurrency));
    h.permits.acquire();
    long wait;
    synchronized (h) {
      long now = System.currentTimeMillis();
      long start = Math.max(now, h.lastStart + Math.max(delayMs, h.delayMs));
      h.lastStart = start;
      wait = start - now;
    }
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /** A host asks for more time between requests (robots.txt Crawl-delay): honoured, up to a minute. */
  public void slowDown(String host, long delayMs) {
    Host h = hosts.computeIfAbsent(host, k -> new Host(concurrency));
    synchronized (h) {
      h.delayMs = Math.min(60_000, Math.max(h.delayMs, delayMs));
    }
  }

  public void release(String host) {
    Host h = hosts.get(host);
    if (h != null) {
      h.permits.release();
    }
  }
}
