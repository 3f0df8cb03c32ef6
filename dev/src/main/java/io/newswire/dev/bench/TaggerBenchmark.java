package io.newswire.dev.bench;

import io.newswire.tagger.NewswireTagger;
import io.newswire.tagger.Tagging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of the whole tagging of one article (entities, places, topics, quotes, language), cycling over
 * realistic articles: the project's own annotated news articles, read from the file named by the
 * {@code newswire.bench.articles} system property (title and body separated by a tab, one article per line).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggerBenchmark {
  private NewswireTagger tagger;
  private List<String[]> articles;
  private int next;

  @Setup
  public void setUp() throws IOException {
    tagger = new NewswireTagger();
    articles = Files.readAllLines(Path.of(System.getProperty("newswire.bench.articles")), StandardCharsets.UTF_8)
        .stream().map(line -> line.split("\t", 2)).map(p -> new String[] {p[0], p[1].replace("\\n", "\n")}).toList();
  }

  @Benchmark
  public Tagging tagArticle() {
    String[] a = articles.get(next);
    next = (next + 1) % articles.size();
    return tagger.tag(a[0], a[1]);
  }
}
