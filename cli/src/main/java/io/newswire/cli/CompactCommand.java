package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.lake.Compaction;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compact", mixinStandardHelpOptions = true,
    description = {"Rewrite the Parquet lake's date partitions as one file each, holding only the newest version of",
        "each article and no retracted ones. Safe while sinks write: parts written meanwhile are left alone.",
        "Exit status: 0 done (also when nothing needed compacting); 1 error."})
final class CompactCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--dir", paramLabel = "DIR", description = "The lake (default: sink.parquet.dir).")
  Path dir;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only this partition. Default: every partition with more than one part.")
  String date;

  @Override
  public Integer call() throws Exception {
    Path lake = dir != null ? dir : Path.of(options.load().get(NewswireConfig.SINK_PARQUET_DIR));
    if (date != null) {
      java.time.LocalDate.parse(date); // refuses a malformed date before touching anything
    }
    var results = Compaction.compact(lake, date);
    for (var r : results) {
      System.out.printf(Locale.ROOT, "%s: %d parts, %,d rows -> 1 part, %,d rows%n", r.partition(), r.partsBefore(),
          r.rowsBefore(), r.rowsAfter());
    }
    System.err.println(results.isEmpty() ? "nothing to compact in " + lake : results.size() + " partitions compacted");
    return 0;
  }
}
