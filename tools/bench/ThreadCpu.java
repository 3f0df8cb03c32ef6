import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every few seconds, the cores each thread of the matching processes used since the last sample, busiest first:
 * which thread of which process a rise in latency or backlog comes with. Linux only (reads /proc). Threads are named
 * by their JVM's main class and their own name, cut to 15 characters by the kernel ("NewswireDev:newswire-enrich"
 * is a stream or global thread of enrich); threads of one name are summed, and PostgreSQL's processes count as one.
 *
 * <pre>java tools/bench/ThreadCpu.java [SECONDS] [PATTERN...]</pre>
 * SECONDS between samples (5); PATTERNs are matched against each process's command line (java, postgres).
 * Run it beside {@code newswire bench e2e} and read its lines against the harness's p99 of each 5 s.
 */
public class ThreadCpu {
  private static final double TICKS = 100.0; // USER_HZ: clock ticks per second on every Linux of today

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> patterns = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("java", "postgres");
    Map<String, Long> before = sample(patterns);
    long start = System.nanoTime();
    while (true) {
      Thread.sleep(seconds * 1000L);
      Map<String, Long> now = sample(patterns);
      Map<String, Double> cores = new HashMap<>();
      now.forEach((id, ticks) -> {
        Long was = before.get(id);
        if (was != null && ticks > was) {
          cores.merge(id.substring(id.indexOf(' ') + 1), (ticks - was) / TICKS / seconds, Double::sum);
        }
      });
      before.clear();
      before.putAll(now);
      StringBuilder line = new StringBuilder(String.format("%5ds", (System.nanoTime() - start) / 1_000_000_000L));
      cores.entrySet().stream().filter(e -> e.getValue() >= 0.02)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
          .forEach(e -> line.append(String.format("  %s %.2f", e.getKey(), e.getValue())));
      System.out.println(line);
    }
  }

  /** The simple name of a JVM's main class ("NewswireDev", "BrokerMain"), to tell the processes' threads apart. */
  private static String mainClass(String command) {
    String main = "java";
    boolean classPath = false;
    for (String token : command.split(" ")) {
      if (classPath) {
        classPath = false;
      } else if (token.equals("-cp") || token.equals("-classpath") || token.equals("--class-path")) {
        classPath = true;
      } else if (!token.startsWith("-") && token.matches("[a-z][\\w]*(\\.[\\w$]+)+") && !token.endsWith(".jar")) {
        return token.substring(token.lastIndexOf('.') + 1);
      }
    }
    return main;
  }

  /** "pid/tid name" of every thread of the matching processes, and its user and system ticks so far. */
  private static Map<String, Long> sample(List<String> patterns) throws IOException {
    Map<String, Long> ticks = new HashMap<>();
    List<Path> processes = new ArrayList<>();
    try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
      proc.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(processes::add);
    }
    for (Path process : processes) {
      try {
        String command = new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        if (patterns.stream().noneMatch(command::contains)) {
          continue;
        }
        boolean postgres = command.split(" ")[0].endsWith("postgres"); // not a JVM with the driver on its path
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
          for (Path task : tasks.toList()) {
            String stat = Files.readString(task.resolve("stat"));
            String name = postgres ? "postgres"
                : mainClass(command) + ":" + stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(process.getFileName() + "/" + task.getFileName() + " " + name,
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
          }
        }
      } catch (IOException | RuntimeException gone) {
        // the process or thread ended between listing and reading
      }
    }
    return ticks;
  }
}
