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
 * extraction's CPU time per page, on one thread, after an untimed warm-up pass.
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

  /** The totals over all pages. */
  public record Result(List<Page> pages, long tp, long fn, long fp, long tn, double cpuSeconds, int failed) {
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
    // One untimed pass first: the first few hundred pages otherwise run partly interpreted, and the figure
    // swung by a third from run to run.
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      try (InputStream in = Files.newInputStream(page(dir, entry.getValue().get("file").asText()))) {
        HtmlArticle.extract(entry.getKey(), Jsoup.parse(in, null, entry.getKey()));
      } catch (IOException | RuntimeException e) {
        // counted in the timed pass
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Page> pages = new ArrayList<>();
    long tp = 0;
    long fn = 0;
    long fp = 0;
    long tn = 0;
    long cpu = 0;
    int failed = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String file = entry.getValue().get("file").asText();
      Path page = page(dir, file);
      String text;
      long before = threads.getCurrentThreadCpuTime();
      try (InputStream in = Files.newInputStream(page)) {
        Document doc = Jsoup.parse(in, null, entry.getKey());
        ArticleDraft draft = HtmlArticle.extract(entry.getKey(), doc);
        text = collapse(io.newswire.ingest.Normaliser.cleanBody(draft.body())); // as ingest publishes it
      } catch (IOException | RuntimeException e) {
        text = "";
        failed++;
      }
      cpu += threads.getCurrentThreadCpuTime() - before;
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
    return new Result(pages, tp, fn, fp, tn, cpu / 1e9, failed);
  }

  private static Path page(Path dir, String file) {
    Path eval = dir.resolve("eval").resolve(file);
    return Files.exists(eval) ? eval : dir.resolve("cache").resolve(file);
  }

  static String collapse(String s) {
    return s == null ? "" : s.replaceAll("[\\s\u00A0\u202F\u2009]+", " ").strip();
  }

  /** The pages that scored worst, for finding the classes of failure. */
  public static List<Page> worst(Result result, int n) {
    return result.pages().stream().sorted(Comparator.comparingDouble(Page::f1)).limit(n).toList();
  }
}
