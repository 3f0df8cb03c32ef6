import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tagger of one build against another's on the same texts, in the same JVM but each in its own class loader, so
 * that a change can be judged on a machine whose speed drifts by tens of percent from hour to hour (`bench tag` gives
 * one build's figure). Each build first tags every text ten times untimed; then, in each round, three times to warm
 * up and five timed passes; the median pass
 * counts, as whitespace-separated tokens per CPU-second of the tagging thread. The order alternates from round to
 * round. Run by
 * {@code tools/bench/tagger-side-by-side.sh}, which builds the other revision's tagger.
 *
 * <pre>java -cp CLASSPATH tools/bench/TaggerSideBySide.java TEXTS.jsonl ROUNDS NAME=TAGGER.jar...</pre>
 * TEXTS.jsonl has a {"title", "body"} object per line, as {@code newswire tag --jsonl} reads; CLASSPATH is the tagger
 * module's dependencies. The builds alternate, ROUNDS times.
 */
public class TaggerSideBySide {
  public static void main(String[] args) throws Exception {
    List<String[]> texts = new ArrayList<>();
    long tokens = 0;
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isBlank()) {
        JsonNode text = json.readTree(line);
        String title = text.path("title").asText(""), body = text.path("body").asText("");
        texts.add(new String[] {title, body});
        tokens += (title + " " + body).trim().split("\\s+").length;
      }
    }
    int rounds = Integer.parseInt(args[1]);
    List<String> names = new ArrayList<>();
    List<Object> taggers = new ArrayList<>();
    List<Method> tag = new ArrayList<>();
    for (String build : Arrays.copyOfRange(args, 2, args.length)) {
      String[] nameJar = build.split("=", 2);
      ClassLoader parent = TaggerSideBySide.class.getClassLoader();
      ClassLoader loader = new URLClassLoader(new URL[] {Path.of(nameJar[1]).toUri().toURL()}, parent) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          // The tagger's own classes from this build's jar, never the parent's: child first for io.newswire.tagger.
          if (name.startsWith("io.newswire.tagger.")) {
            synchronized (getClassLoadingLock(name)) {
              Class<?> c = findLoadedClass(name);
              if (c == null) {
                c = findClass(name);
              }
              return c;
            }
          }
          return super.loadClass(name, resolve);
        }
      };
      Object tagger = loader.loadClass("io.newswire.tagger.NewswireTagger").getConstructor().newInstance();
      names.add(nameJar[0]);
      taggers.add(tagger);
      tag.add(tagger.getClass().getMethod("tag", String.class, String.class));
    }
    // The JIT compiles each build's classes apart: a first round of ten untimed passes for every build, so that the
    // first timed round does not measure a build still being compiled.
    for (int b = 0; b < taggers.size(); b++) {
      for (int warm = 0; warm < 10; warm++) {
        for (String[] t : texts) {
          tag.get(b).invoke(taggers.get(b), t[0], t[1]);
        }
      }
    }
    var threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%d texts, %d tokens; tokens per CPU-second of the tagging thread, median of five passes%n",
        texts.size(), tokens);
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < taggers.size(); i++) {
        int b = round % 2 == 1 ? i : taggers.size() - 1 - i; // ABBA: neither build always goes first
        for (int warm = 0; warm < 3; warm++) {
          for (String[] t : texts) {
            tag.get(b).invoke(taggers.get(b), t[0], t[1]);
          }
        }
        double[] rates = new double[5];
        for (int pass = 0; pass < rates.length; pass++) {
          long cpu = threads.getCurrentThreadCpuTime();
          for (String[] t : texts) {
            tag.get(b).invoke(taggers.get(b), t[0], t[1]);
          }
          rates[pass] = tokens / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("round %d  %-12s %,10.0f  (passes %,.0f to %,.0f)%n", round, names.get(b), rates[2], rates[0],
            rates[4]);
      }
    }
  }
}
