package io.newswire.dev.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * This process's CPU time at one moment, in total and per thread, so that a benchmark can say how many
 * CPU-seconds a run took and which threads used them. Java threads are counted through the ThreadMXBean; the
 * JVM's own threads (garbage collector, JIT compilers) and RocksDB's through /proc/self/task (Linux; elsewhere
 * they fall under "other threads outside Java").
 */
public record CpuTime(long processNanos, Map<String, Long> javaThreads, Map<String, Long> nativeThreads) {

  public static CpuTime now() {
    return new CpuTime(processCpu(), javaThreadCpu(), nativeThreadCpu());
  }

  /**
   * Starts sampling the Java threads every 100 ms, so threads that end before the run's last snapshot (a
   * closed producer's I/O thread, a pool shut down) still count with what they had used.
   */
  public static Watch watch() {
    return new Watch();
  }

  /** A running sampler: {@link #stop()} gives the snapshot at that moment, with ended threads kept. */
  public static final class Watch {
    private final CpuTime start = now();
    private final Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>(start.javaThreads);
    private final Thread sampler;
    private volatile boolean running = true;

    private Watch() {
      sampler = new Thread(() -> {
        while (running) {
          javaThreadCpu().forEach((t, cpu) -> seen.merge(t, cpu, Math::max));
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-cpu-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    public CpuTime start() {
      return start;
    }

    public CpuTime stop() {
      running = false;
      sampler.interrupt();
      CpuTime end = now();
      end.javaThreads.forEach((t, cpu) -> seen.merge(t, cpu, Math::max));
      return new CpuTime(end.processNanos, new HashMap<>(seen), end.nativeThreads);
    }
  }

  /**
   * Names Java threads by the first fragment their name contains: pairs of fragment and kind, in order;
   * threads matching none are "other Java threads".
   */
  public static Function<String, String> kinds(String... fragmentAndKind) {
    return thread -> {
      for (int i = 0; i + 1 < fragmentAndKind.length; i += 2) {
        if (thread.contains(fragmentAndKind[i])) {
          return fragmentAndKind[i + 1];
        }
      }
      return "other Java threads";
    };
  }

  /** CPU-seconds this process used since {@code before}. */
  public double secondsSince(CpuTime before) {
    return (processNanos - before.processNanos) / 1e9;
  }

  /**
   * The share of the CPU used since {@code before} that went to each kind of thread; {@code kind} names the
   * kind of a Java thread from its name.
   */
  public Map<String, Double> sharesSince(CpuTime before, Function<String, String> kind) {
    long total = Math.max(1, processNanos - before.processNanos);
    Map<String, Double> shares = new LinkedHashMap<>();
    long java = 0;
    for (Map.Entry<String, Long> t : javaThreads.entrySet()) {
      long used = t.getValue() - before.javaThreads.getOrDefault(t.getKey(), 0L);
      java += used;
      shares.merge(kind.apply(t.getKey()), used / (double) total, Double::sum);
    }
    long outsideJava = Math.max(0, total - java);
    long named = 0;
    for (Map.Entry<String, Long> t : nativeThreads.entrySet()) {
      long used = Math.min(t.getValue() - before.nativeThreads.getOrDefault(t.getKey(), 0L), outsideJava - named);
      if (used > 0) {
        named += used;
        shares.merge(t.getKey(), used / (double) total, Double::sum);
      }
    }
    if (outsideJava - named > 0) {
      shares.put("other threads outside Java", (outsideJava - named) / (double) total);
    }
    return shares;
  }

  private static long processCpu() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime();
  }

  /** CPU nanoseconds per live Java thread, keyed by name and id. */
  private static Map<String, Long> javaThreadCpu() {
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          out.put(info.getThreadName() + "#" + info.getThreadId(), cpu);
        }
      }
    }
    return out;
  }

  /**
   * CPU nanoseconds of the JVM's own threads and RocksDB's background threads by kind, from their Linux
   * thread names. Java threads' Linux names are cut to 15 characters, so they are counted through the
   * ThreadMXBean instead.
   */
  private static Map<String, Long> nativeThreadCpu() {
    Map<String, Long> out = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    List<Path> all;
    try (var list = Files.list(tasks)) {
      all = list.toList();
    } catch (IOException e) {
      return out;
    }
    for (Path task : all) {
      try {
        String stat = Files.readString(task.resolve("stat"));
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String kind = comm.startsWith("GC Thread") || comm.startsWith("VM Thread") || comm.startsWith("G1")
            || comm.startsWith("VM Periodic") ? "garbage collector and VM thread"
            : comm.contains("CompilerThre") ? "JIT compiler"
            : comm.startsWith("rocksdb") ? "RocksDB background (flush, compaction)"
            : null;
        if (kind != null) {
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          out.merge(kind, ticks * 10_000_000L, Long::sum); // USER_HZ is 100 on Linux
        }
      } catch (IOException | RuntimeException gone) {
        // the thread ended meanwhile
      }
    }
    return out;
  }
}
