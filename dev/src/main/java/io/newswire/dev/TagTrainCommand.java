package io.newswire.dev;

import io.newswire.tagger.TaggerTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Rebuild the entity model from the committed corpus (own training articles, wikigold's training",
        "documents, generated sentences); reproducible: a fixed seed and order give the same model file.",
        "Held-out text is never read. Then run 'newswire tag eval'."})
final class TagTrainCommand implements Callable<Integer> {
  @Mixin
  CorpusOption corpus;

  // Experiments stay out of the repository's history: a model is committed to the tagger module only when a
  // new tagger version is released (docs/TAGGER.md, "Releasing a model").
  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default:"
      + " training/target/entities.model; evaluate it with 'tag eval --model FILE').")
  Path out = home().resolve("training/target/entities.model");

  static Path home() {
    return Path.of(System.getProperty("newswire.home", "."));
  }

  static Path defaultCorpus() {
    return home().resolve("training/corpus");
  }

  @Override
  public Integer call() throws Exception {
    TaggerTraining.Summary s = TaggerTraining.train(corpus.path(), out, m -> System.err.println("train: " + m));
    System.out.printf("Trained on %d documents (%d tokens) in %.1f s; model written to %s%n", s.documents(), s.tokens(),
        s.millis() / 1000.0, out);
    return 0;
  }
}
