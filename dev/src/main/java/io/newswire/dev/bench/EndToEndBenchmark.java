package io.newswire.dev.bench;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency at a fixed input rate, with enrich and the sink running: from the moment an article is
 * handed to the producer (its {@code fetchedAt}) to the moment its row is committed in PostgreSQL. A rate the
 * pipeline cannot sustain shows as a growing latency and unseen articles.
 *
 * <p>The database says when a row arrives: a trigger on {@code articles}, added to the benchmark's database only,
 * sends the article's id with {@code pg_notify}, which PostgreSQL delivers when the sink's transaction commits.
 * That costs the database the same small amount per article at any backlog. Looking the awaited articles up by
 * key every 50 ms, as this harness did before, cost it more the further behind the pipeline was (2,000 lookups a
 * poll, or a scan of the whole table once the planner preferred one), and so took CPU from the pipeline exactly
 * when it was catching up.
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  /** The benchmark's own trigger: each row written to articles, its id on the channel, at commit. */
  static final String CHANNEL = "newswire_bench_arrived";
  private static final String[] TRIGGER = {
      "CREATE OR REPLACE FUNCTION newswire_bench_arrived() RETURNS trigger LANGUAGE plpgsql AS"
          + " $$ BEGIN PERFORM pg_notify('" + CHANNEL + "', NEW.id); RETURN NULL; END $$",
      "CREATE OR REPLACE TRIGGER newswire_bench_arrived AFTER INSERT OR UPDATE ON articles FOR EACH ROW"
          + " EXECUTE FUNCTION newswire_bench_arrived()"};

  /** Seconds of sending in each slice of {@link Result#p99BySlice()}. */
  public static final int SLICE_SECONDS = 5;

  /**
   * One run. {@code p99BySlice} is the p99 of the articles sent in each {@value #SLICE_SECONDS} s of the run,
   * in order: a rate the pipeline sustains keeps it flat, one it does not makes it grow. {@code backlogBySlice}
   * is each stage's backlog at the end of each slice, "enrich/sink" in records of its input (transaction markers
   * included): which stage a rising p99 waits for.
   */
  public record Result(int rate, int sent, int seen, long p50, long p99, long p999, List<Long> p99BySlice,
      List<String> backlogBySlice) {
    public boolean keptUp() {
      return seen == sent;
    }
  }

  public static Result run(NewswireConfig config, String jdbcUrl, String user, String password, int rate,
      int seconds, int bodyBytes, String run) throws Exception {
    Topics topics = Topics.create(config.serdes());
    List<RawArticle> articles = EnrichBenchmark.articles(run, rate * seconds, bodyBytes);
    Map<String, Long> sentAt = new LinkedHashMap<>(); // in the order sent: the oldest awaited first
    List<Long> latencies = new ArrayList<>();
    List<List<Long>> slices = new ArrayList<>();
    List<String> backlog = new ArrayList<>();
    List<io.newswire.admin.Stage> stages = io.newswire.admin.Stage.all(config).stream()
        .filter(s -> s.name().equals("enrich") || s.name().equals("sink")).toList(); // in that order
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS)));
        ArticlePublisher publisher = new ArticlePublisher( // ingest's, with its batching
            Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS)), topics, 5_000);
        Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        java.sql.Statement setup = db.createStatement()) {
      for (String sql : TRIGGER) {
        setup.execute(sql);
      }
      setup.execute("LISTEN " + CHANNEL);
      org.postgresql.PGConnection notices = db.unwrap(org.postgresql.PGConnection.class);
      long start = System.nanoTime();
      long startMillis = System.currentTimeMillis();
      long nextBacklog = startMillis + SLICE_SECONDS * 1000L;
      int sent = 0;
      long deadline = Long.MAX_VALUE;
      while (latencies.size() < articles.size() && System.nanoTime() < deadline) {
        long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
        while (sent < articles.size() && sent < due) {
          RawArticle a = articles.get(sent++);
          long now = System.currentTimeMillis();
          a.setFetchedAt(Instant.ofEpochMilli(now));
          sentAt.put(a.getId(), now);
          publisher.publish(a);
        }
        if (sent == articles.size() && deadline == Long.MAX_VALUE) {
          deadline = System.nanoTime() + 120_000_000_000L; // two minutes to drain
        }
        org.postgresql.PGNotification[] arrived = notices.getNotifications(); // what has come, without waiting
        long now = System.currentTimeMillis();
        for (org.postgresql.PGNotification n : arrived == null ? new org.postgresql.PGNotification[0] : arrived) {
          Long at = sentAt.remove(n.getParameter());
          if (at != null) {
            latencies.add(now - at);
            int slice = (int) ((at - startMillis) / 1000 / SLICE_SECONDS);
            while (slices.size() <= slice) {
              slices.add(new ArrayList<>());
            }
            slices.get(slice).add(now - at);
          }
        }
        if (System.currentTimeMillis() >= nextBacklog && latencies.size() < articles.size()) {
          nextBacklog += SLICE_SECONDS * 1000L;
          List<String> lags = new ArrayList<>();
          for (io.newswire.admin.Stage stage : stages) {
            try {
              lags.add(String.valueOf(io.newswire.admin.Lag.sample(admin, config, stage, false).lag()));
            } catch (Exception e) { // a sample the broker did not answer in time: say so, keep measuring
              lags.add("?");
            }
          }
          backlog.add(String.join("/", lags));
        }
        Thread.sleep(1);
      }
      latencies.sort(Long::compare);
      List<Long> bySlice = new ArrayList<>();
      for (List<Long> slice : slices) {
        slice.sort(Long::compare);
        bySlice.add(pct(slice, 0.99));
      }
      return new Result(rate, sent, latencies.size(), pct(latencies, 0.5), pct(latencies, 0.99), pct(latencies, 0.999),
          bySlice, backlog);
    }
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
