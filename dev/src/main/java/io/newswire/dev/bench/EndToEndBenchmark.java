package io.newswire.dev.bench;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.schema.RawArticle;
import io.newswire.topics.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency at a fixed input rate, with enrich and the sink running: from the moment an article is
 * handed to the producer (its {@code fetchedAt}) to the moment its row is visible in PostgreSQL, polled
 * every 50 ms. A rate the pipeline cannot sustain shows as a growing latency and unseen articles.
 *
 * <p>Each poll looks up only the articles still awaited, by primary key (joined as a table, as the sink does,
 * so that the index is used before PostgreSQL has analysed the table), and at most {@link #PROBES} of them
 * (the oldest): a poll that read every row of the run grew with the run and took PostgreSQL's CPU from the
 * pipeline it measured. An article among the newer ones, past that bound, that arrives early is seen only when
 * it comes into it, which can only happen when thousands are awaited, seconds behind.
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  /** The most articles one poll looks up. */
  static final int PROBES = 2_000;

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
    List<io.newswire.admin.Stage> stages = io.newswire.admin.Stage.named(config, "enrich");
    stages = new ArrayList<>(stages);
    stages.addAll(io.newswire.admin.Stage.named(config, "sink").stream().filter(s -> s.name().equals("sink")).toList());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS)));
        ArticlePublisher publisher = new ArticlePublisher( // ingest's, with its batching
            Map.of("bootstrap.servers", config.get(NewswireConfig.BOOTSTRAP_SERVERS)), topics, 5_000);
        Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement rows = db.prepareStatement(
            "SELECT a.id FROM unnest(?::text[]) AS t(id) JOIN articles a ON a.id = t.id")) {
      long start = System.nanoTime();
      long startMillis = System.currentTimeMillis();
      long lastPoll = 0;
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
        if (System.currentTimeMillis() - lastPoll >= 50 && !sentAt.isEmpty()) {
          lastPoll = System.currentTimeMillis();
          rows.setArray(1, db.createArrayOf("text", sentAt.keySet().stream().limit(PROBES).toArray()));
          try (ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
              Long at = sentAt.remove(rs.getString(1));
              if (at != null) {
                latencies.add(lastPoll - at);
                int slice = (int) ((at - startMillis) / 1000 / SLICE_SECONDS);
                while (slices.size() <= slice) {
                  slices.add(new ArrayList<>());
                }
                slices.get(slice).add(lastPoll - at);
              }
            }
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
