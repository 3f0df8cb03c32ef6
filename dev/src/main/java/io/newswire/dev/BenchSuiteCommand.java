package io.newswire.dev;

import io.newswire.cli.Newswire;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every benchmark in one command, in a short mode (minutes, for a quick look) or a full mode (the figures
 * in docs/PERFORMANCE.md), collected into one Markdown report headed by the machine, date and command.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
    description = {"Runs every benchmark (ingest, sink, tag, enrich, e2e) and writes one Markdown report.",
        "Short mode by default (about 4 minutes on 2 cores); --full for the published figures (about 30)."})
final class BenchSuiteCommand implements Callable<Integer> {
  @Option(names = "--full", description = "The full runs behind docs/PERFORMANCE.md, at 100, 500 and 1,000 articles/s end to end.")
  boolean full;

  @Option(names = "--out", defaultValue = "target/bench-report.md", description = "Where the report goes. Default: ${DEFAULT-VALUE}")
  Path out;

  /** The runs of each mode: the bench subcommand and its arguments. */
  static List<List<String>> runs(boolean full) {
    return full
        ? List.of(
            List.of("ingest", "--articles", "60000", "--runs", "3", "--warm-up", "2"),
            List.of("sink", "--articles", "10000", "--runs", "3"),
            List.of("tag"),
            List.of("enrich", "--articles", "20000", "--warm-up", "20000", "--rates", "10,50,100,200", "--seconds", "20"),
            List.of("e2e", "--rates", "100,500,1000", "--seconds", "20", "--warm-up", "30"))
        : List.of(
            List.of("ingest", "--articles", "10000", "--runs", "1"),
            List.of("sink", "--articles", "2000", "--runs", "1"),
            List.of("tag", "--quick"),
            List.of("enrich", "--articles", "3000", "--warm-up", "2000", "--rates", "10,50", "--seconds", "10"),
            List.of("e2e", "--rates", "10,50", "--seconds", "10", "--warm-up", "10"));
  }

  @Override
  public Integer call() throws Exception {
    StringBuilder report = new StringBuilder();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    report.append("# Newswire benchmark report\n\n")
        .append("- command: `./newswire bench all").append(full ? " --full" : "").append("`\n")
        .append("- date: ").append(LocalDate.now()).append('\n')
        .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(os.getTotalMemorySize() / (1024 * 1024 * 1024)).append(" GiB, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
        .append(System.getProperty("java.version")).append("\n\n");
    int failures = 0;
    for (List<String> run : runs(full)) {
      long start = System.nanoTime();
      System.err.println("bench " + String.join(" ", run) + " ...");
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      int exit;
      try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
        System.setOut(capture);
        List<String> args = new ArrayList<>(List.of("bench"));
        args.addAll(run);
        exit = NewswireDev.commandLine().execute(args.toArray(String[]::new));
      } finally {
        System.setOut(stdout);
      }
      String minutes = String.format("%.1f", Duration.ofNanos(System.nanoTime() - start).toMillis() / 60_000.0);
      report.append("## bench ").append(String.join(" ", run)).append("\n\n")
          .append(captured.toString(StandardCharsets.UTF_8).strip()).append("\n\n")
          .append(exit == 0 ? "" : "**failed with exit code " + exit + "**\n\n")
          .append("_").append(minutes).append(" min_\n\n");
      failures += exit == 0 ? 0 : 1;
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report); // written after each run, so a long suite shows progress
    }
    System.out.print(report);
    System.err.println("report written to " + out.toAbsolutePath());
    return failures == 0 ? 0 : 1;
  }
}
