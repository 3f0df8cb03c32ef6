package io.newswire.dev.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.HtmlArticle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Main-text extraction scored on a folder of real pages with snippets their main text must and must not
 * contain ({@code evaldata.json}: {url: {file, with: [...], without: [...]}}, pages in {@code eval/} or {@code
 * cache/}): a snippet of "with" found in the extracted body is a true positive, one missing a false negative;
 * a snippet of "without" found is a false positive. The body is scored as ingest publishes it (normalised),
 * and strings are compared with whitespace (no-break spaces too) collapsed. Also the
 * extraction's CPU time per page, on one thread.
 *
 * <p>Where the set gives a page's title, author or date, those are scored too, as ingest publishes them: the title
 * equal (whitespace collapsed), the author equal ignoring case, the date within 14 hours of noon UTC on the
 * day given (pages give local dates).
 */
public final class ExtractBenchmark {
  /** One page's score. */
  public record Page(String url, String file, int tp, int fn, int fp, int tn, List<String> missed, List<String> taken,
      int length) {
    public double f1() {
      double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
      double r = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** One metadata field over the pages that give it: right, wrong (another value) and missing. */
  public static final class Field {
    public int right;
    public int wrong;
    public int missing;
    /** What was expected and what was found, for the pages not right. */
    public final List<String> misses = new ArrayList<>();

    void count(String url, String expected, String found, boolean equal) {
      if (found == null) {
        missing++;
      } else if (equal) {
        right++;
      } else {
        wrong++;
      }
      if (found == null || !equal) {
        misses.add(expected + "  <>  " + found + "  (" + url + ")");
      }
    }

    public int pages() {
      return right + wrong + missing;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d of %d right (%.2f), %d wrong, %d missing", right, pages(),
          pages() == 0 ? 0 : right / (double) pages(), wrong, missing);
    }
  }

  /** The totals over all pages. */
  public record Result(List<Page> pages, long tp, long fn, long fp, long tn, double cpuSeconds, int failed,
      Field title, Field author, Field date) {
    public double precision() {
      return tp / (double) (tp + fp);
    }

    public double recall() {
      return tp / (double) (tp + fn);
    }

    public double f1() {
      return 2 * precision() * recall() / (precision() + recall());
    }

    public double pagesPerCpuSecond() {
      return pages.size() / cpuSeconds;
    }
  }

  private ExtractBenchmark() {}

  public static Result run(Path dir) throws IOException {
    JsonNode data = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Page> pages = new ArrayList<>();
    long tp = 0;
    long fn = 0;
    long fp = 0;
    long tn = 0;
    long cpu = 0;
    int failed = 0;
    Field titles = new Field();
    Field authors = new Field();
    Field dates = new Field();
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String file = entry.getValue().get("file").asText();
      Path page = Files.exists(dir.resolve("eval").resolve(file)) ? dir.resolve("eval").resolve(file)
          : dir.resolve("cache").resolve(file);
      String text;
      ArticleDraft draft = null;
      long before = threads.getCurrentThreadCpuTime();
      try (InputStream in = Files.newInputStream(page)) {
        Document doc = Jsoup.parse(in, null, entry.getKey());
        draft = HtmlArticle.extract(entry.getKey(), doc);
        text = collapse(io.newswire.ingest.Normaliser.cleanBody(draft.body())); // as ingest publishes it
      } catch (IOException | RuntimeException e) {
        text = "";
        failed++;
      }
      cpu += threads.getCurrentThreadCpuTime() - before;
      scoreMetadata(entry.getKey(), entry.getValue(), draft, titles, authors, dates);
      int ptp = 0;
      int pfn = 0;
      int pfp = 0;
      int ptn = 0;
      List<String> missed = new ArrayList<>();
      List<String> taken = new ArrayList<>();
      for (JsonNode s : entry.getValue().path("with")) {
        if (text.contains(collapse(s.asText()))) {
          ptp++;
        } else {
          pfn++;
          missed.add(s.asText());
        }
      }
      for (JsonNode s : entry.getValue().path("without")) {
        if (text.contains(collapse(s.asText()))) {
          pfp++;
          taken.add(s.asText());
        } else {
          ptn++;
        }
      }
      tp += ptp;
      fn += pfn;
      fp += pfp;
      tn += ptn;
      pages.add(new Page(entry.getKey(), file, ptp, pfn, pfp, ptn, missed, taken, text.length()));
    }
    return new Result(pages, tp, fn, fp, tn, cpu / 1e9, failed, titles, authors, dates);
  }

  private static void scoreMetadata(String url, JsonNode gold, ArticleDraft draft, Field titles, Field authors,
      Field dates) {
    String title = gold.path("title").asText("");
    if (!title.isBlank()) {
      String found = draft == null || draft.title() == null || draft.title().isBlank() ? null
          : collapse(io.newswire.ingest.Normaliser.cleanLine(draft.title()));
      titles.count(url, title, found, collapse(title).equals(found));
    }
    String author = gold.path("author").asText("");
    if (!author.isBlank()) {
      String found = draft == null || draft.metadata() == null ? null : draft.metadata().get("author");
      found = found == null || found.isBlank() ? null : collapse(found);
      authors.count(url, author, found, collapse(author).equalsIgnoreCase(found));
    }
    java.time.LocalDate day;
    try {
      day = java.time.LocalDate.parse(gold.path("date").asText(""));
    } catch (java.time.format.DateTimeParseException notADate) {
      return; // no date, or one of the set's few impossible ones ("2022-29-11"): not scored
    }
    java.time.Instant found = draft == null ? null : draft.publishedAt();
    java.time.Instant noon = day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    dates.count(url, day.toString(), found == null ? null : found.toString(),
        found != null && Math.abs(java.time.Duration.between(noon, found).toHours()) <= 14);
  }

  static String collapse(String s) {
    return s == null ? "" : s.replaceAll("[\\s\u00A0\u202F\u2009]+", " ").strip();
  }

  /** The pages that scored worst, for finding the classes of failure. */
  public static List<Page> worst(Result result, int n) {
    return result.pages().stream().sorted(Comparator.comparingDouble(Page::f1)).limit(n).toList();
  }
}
