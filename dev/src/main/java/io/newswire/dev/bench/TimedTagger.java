package io.newswire.dev.bench;

import io.newswire.tagger.Tagger;
import io.newswire.tagger.Tagging;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A tagger that counts the CPU time its calling threads spend in it, so the enrich benchmark can split the
 * topology's cost into the tagger as it runs inside a stream thread and everything Kafka Streams does around
 * it. Reading a thread's CPU clock costs about a microsecond, a thousandth of tagging an article.
 */
final class TimedTagger implements Tagger {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Tagger tagger;
  private final LongAdder cpuNanos = new LongAdder();
  private final LongAdder calls = new LongAdder();

  TimedTagger(Tagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public Tagging tag(String title, String body) {
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      return tagger.tag(title, body);
    } finally {
      cpuNanos.add(THREADS.getCurrentThreadCpuTime() - start);
      calls.increment();
    }
  }

  /** CPU time spent tagging since the last call, in nanoseconds, and how many articles; then starts again. */
  long[] takeCpuNanosAndCalls() {
    return new long[] {cpuNanos.sumThenReset(), calls.sumThenReset()};
  }

  @Override
  public String name() {
    return tagger.name();
  }

  @Override
  public int enrichmentVersion() {
    return tagger.enrichmentVersion();
  }
}
