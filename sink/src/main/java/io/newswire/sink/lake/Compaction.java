package io.newswire.sink.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rewrites a date partition of the Parquet lake as one file holding only the newest version of each article,
 * without retracted ones. The new file appears (renamed into place) before the old parts are deleted, so readers
 * always see every article; between the two they may see an article twice, which the documented query already
 * resolves. Parts a sink writes while compaction runs are left alone, so it is safe beside running sinks.
 */
public final class Compaction {
  /** What compacting one partition did. */
  public record Result(String partition, int partsBefore, long rowsBefore, long rowsAfter) {}

  private Compaction() {}

  /** Compacts every partition with more than one part, or only {@code onlyDate} (YYYY-MM-DD) when given. */
  public static List<Result> compact(Path lake, String onlyDate) throws IOException, SQLException {
    Path articles = lake.toAbsolutePath().normalize().resolve("articles");
    List<Result> results = new ArrayList<>();
    if (!Files.isDirectory(articles)) {
      throw new IllegalArgumentException("no Parquet lake in " + lake + " (expected " + articles + ")");
    }
    List<Path> partitions;
    try (var list = Files.list(articles)) {
      partitions = list.filter(p -> p.getFileName().toString().startsWith("date="))
          .filter(p -> onlyDate == null || p.getFileName().toString().equals("date=" + onlyDate)).sorted().toList();
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Path partition : partitions) {
        List<Path> parts;
        try (var list = Files.list(partition)) {
          parts = list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        if (parts.size() < 2) {
          continue;
        }
        results.add(compact(duck, lake.toAbsolutePath().normalize(), partition, parts));
      }
    }
    return results;
  }

  private static Result compact(Connection duck, Path lake, Path partition, List<Path> parts)
      throws SQLException, IOException {
    String files = parts.stream().map(p -> "'" + ParquetStore.sqlPath(p) + "'").collect(Collectors.joining(", "));
    String rows = "read_parquet([" + files + "], hive_partitioning = true)";
    long before = count(duck, "SELECT count(*) FROM " + rows);
    String latest = """
        SELECT r.* EXCLUDE (date) FROM %s r
        WHERE NOT EXISTS (SELECT 1 FROM read_parquet('%s/retractions/*.parquet') d
                          WHERE d.id = r.id AND d.kafka_offset > r.kafka_offset)
        QUALIFY row_number() OVER (PARTITION BY r.id
                                   ORDER BY r.enrichment_version DESC, r.fetched_at DESC, r.kafka_offset DESC) = 1
        ORDER BY r.id""".formatted(rows, ParquetStore.sqlPath(lake));
    String name = "part-compacted-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path temporary = partition.resolve("." + name + ".parquet.tmp");
    try (Statement s = duck.createStatement()) {
      s.execute("COPY (" + latest + ") TO '" + ParquetStore.sqlPath(temporary) + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    Path compacted = partition.resolve(name + ".parquet");
    Files.move(temporary, compacted, StandardCopyOption.ATOMIC_MOVE);
    long after = count(duck, "SELECT count(*) FROM read_parquet('" + ParquetStore.sqlPath(compacted) + "')");
    for (Path part : parts) {
      Files.deleteIfExists(part);
    }
    return new Result(partition.getFileName().toString(), parts.size(), before, after);
  }

  private static long count(Connection duck, String sql) throws SQLException {
    try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
