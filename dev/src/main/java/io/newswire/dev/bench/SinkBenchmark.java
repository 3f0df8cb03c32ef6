package io.newswire.dev.bench;

import io.newswire.tagger.Tagger;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.JsonArticle;
import io.newswire.ingest.Normaliser;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.RawArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.ArticleDocument;
import io.newswire.sink.postgres.PostgresStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL store against a raw COPY of the same rows into the same server: the articles and their
 * child rows (entities with their mentions, places, topics, quotes), into the same schema with the same indexes, in one
 * transaction. The store writes them as upserts, one transaction per batch.
 */
public final class SinkBenchmark {
  public record Result(String what, int articles, long rows, double seconds, double p50Ms, double p99Ms,
      double extraHeapMb, long walBytes) {
    public double articlesPerSecond() {
      return articles / seconds;
    }

    /** Write-ahead log per article: what the server writes twice (log, then table) and replicates. */
    public double walKbPerArticle() {
      return walBytes / 1024.0 / articles;
    }
  }

  private SinkBenchmark() {}

  /** Tagged articles from the deterministic corpus. */
  public static List<EnrichedArticle> articles(int count, int bodyBytes, Tagger tagger) {
    return articles(0, count, bodyBytes, tagger);
  }

  /** Tagged articles {@code from} to {@code from + count - 1} of the deterministic corpus. */
  public static List<EnrichedArticle> articles(int from, int count, int bodyBytes, Tagger tagger) {
    Corpus corpus = new Corpus(7);
    Normaliser normaliser = new Normaliser();
    List<EnrichedArticle> out = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      ArticleDraft draft = JsonArticle.draft("bench", corpus.article(i, bodyBytes));
      RawArticle raw = normaliser.normalise(draft);
      var tagging = tagger.tag(raw.getTitle(), raw.getBody());
      out.add(EnrichedArticle.newBuilder().setArticle(raw).setLanguage(tagging.language())
          .setEntities(tagging.entities()).setPlaces(tagging.places()).setTopics(tagging.topics())
          .setQuotes(tagging.quotes()).setTagger(tagger.name()).setEnrichmentVersion(tagger.enrichmentVersion())
          .setEnrichedAt(Instant.now()).build());
    }
    return out;
  }

  public static Result store(String url, String user, List<EnrichedArticle> articles, int batchSize) throws Exception {
    try (PostgresStore store = new PostgresStore(url, user, "")) {
      store.migrate();
      List<Double> latencies = new ArrayList<>();
      System.gc();
      long before = usedHeap();
      java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
      String wal0 = walPosition(url, user);
      long t0 = System.nanoTime();
      for (int from = 0; from < articles.size(); from += batchSize) {
        List<ArticleChange> batch = new ArrayList<>();
        for (EnrichedArticle a : articles.subList(from, Math.min(articles.size(), from + batchSize))) {
          batch.add(new ArticleChange.Upsert(a));
        }
        long b0 = System.nanoTime();
        store.apply(batch);
        latencies.add((System.nanoTime() - b0) / 1e6);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result("newswire sink (PostgresStore, " + batchSize + " per batch)", articles.size(),
          count(url, user), seconds, percentile(latencies, 50), percentile(latencies, 99),
          (peakHeap() - before) / 1048576.0, walSince(url, user, wal0));
    }
  }

  /** COPY of every row the store writes (articles and their child rows), table by table, into a fresh schema. */
  public static Result copy(String url, String user, List<EnrichedArticle> articles) throws Exception {
    try (PostgresStore store = new PostgresStore(url, user, "")) {
      store.migrate();
    }
    java.util.Map<String, java.nio.file.Path> files = new java.util.LinkedHashMap<>();
    java.util.Map<String, java.io.Writer> out = new java.util.LinkedHashMap<>();
    for (String table : List.of("articles", "entities", "article_entities", "places", "article_topics", "quotes")) {
      files.put(table, java.nio.file.Files.createTempFile("newswire-copy-" + table, ".csv"));
      out.put(table, java.nio.file.Files.newBufferedWriter(files.get(table)));
    }
    java.util.Set<String> entities = new java.util.HashSet<>();
    long rows = 0;
    for (EnrichedArticle a : articles) {
      RawArticle r = a.getArticle();
      String id = r.getId();
      row(out.get("articles"), id, a.getEnrichmentVersion(), a.getTagger(), r.getUrl(), r.getSource(), r.getFeed(),
          r.getTitle(), r.getBody(), a.getLanguage(), r.getPublishedAt(), r.getFetchedAt(), a.getEnrichedAt(),
          r.getContentType(), r.getContentHash(), a.getDuplicateOf(), a.getStoryId(), ArticleDocument.json(a));
      rows++;
      for (var e : a.getEntities()) {
        if (entities.add(e.getId())) {
          row(out.get("entities"), e.getId(), e.getType(), e.getName());
          rows++;
        }
        row(out.get("article_entities"), id, e.getId(), e.getMentions().size(), e.getSalience(), e.getInTitle(),
            "{" + String.join(",", e.getMentions().stream().map(m -> Integer.toString(m.getStart())).toList()) + "}",
            "{" + String.join(",", e.getMentions().stream().map(m -> Integer.toString(m.getEnd())).toList()) + "}");
        rows++;
      }
      for (var p : a.getPlaces()) {
        row(out.get("places"), id, p.getEntityId(), p.getName(), p.getLatitude(), p.getLongitude(), p.getCountryCode(),
            p.getGazetteerId(), p.getFeatureKind());
        rows++;
      }
      for (var t : a.getTopics()) {
        row(out.get("article_topics"), id, t.getCode(), t.getLabel(), t.getScore());
        rows++;
      }
      for (var q : a.getQuotes()) {
        row(out.get("quotes"), id, q.getStart(), q.getEnd(), q.getText(), q.getSpeaker(), q.getSpeakerEntityId());
        rows++;
      }
    }
    for (java.io.Writer w : out.values()) {
      w.close();
    }
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      String wal0 = walPosition(url, user);
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (var table : files.entrySet()) {
        String columns = table.getKey().equals("articles") ? " (id, enrichment_version, tagger, url, source, feed,"
            + " title, body, language, published_at, fetched_at, enriched_at, content_type, content_hash,"
            + " duplicate_of, story_id, document)" : "";
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(table.getValue())) {
          c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.getKey() + columns
              + " FROM STDIN (FORMAT csv)", in);
        }
      }
      c.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      for (var file : files.values()) {
        java.nio.file.Files.delete(file);
      }
      return new Result("raw COPY of the same rows", articles.size(), rows, seconds, Double.NaN, Double.NaN, Double.NaN,
          walSince(url, user, wal0));
    }
  }

  private static void row(java.io.Writer csv, Object... values) throws java.io.IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        csv.write(',');
      }
      if (values[i] != null) {
        csv.write('"');
        csv.write(values[i].toString().replace("\"", "\"\""));
        csv.write('"');
      }
    }
    csv.write('\n');
  }

  private static long usedHeap() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The sum of the heap pools' peaks since they were reset: the most the store's work added at once. */
  private static long peakHeap() {
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** The server's write-ahead log position; nothing else writes to the benchmark's server during a run. */
  private static String walPosition(String url, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "");
        ResultSet rs = c.createStatement().executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long walSince(String url, String user, String from) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "");
        var st = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint")) {
      st.setString(1, from);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long count(String url, String user) throws Exception {
    long rows = 0;
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      for (String table : Arrays.asList("articles", "entities", "article_entities", "places",
          "article_topics", "quotes")) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
