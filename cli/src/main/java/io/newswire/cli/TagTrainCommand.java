package io.newswire.cli;

import io.newswire.enrich.tagger.NewswireTagger;
import io.newswire.enrich.tagger.TaggerTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Rebuild the entity model from the committed corpus (own training articles, wikigold's training",
        "documents, generated sentences); reproducible: a fixed seed and order give the same model file.",
        "Held-out text is never read. Then run 'newswire tag eval'."})
final class TagTrainCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "DIR", description = "The annotated corpus (default: enrich/corpus in the repository).")
  Path corpus = defaultCorpus();

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: the enrich module's resources).")
  Path out = home().resolve("enrich/src/main/resources" + NewswireTagger.MODEL);

  static Path home() {
    return Path.of(System.getProperty("newswire.home", "."));
  }

  static Path defaultCorpus() {
    return home().resolve("enrich/corpus");
  }

  @Override
  public Integer call() throws Exception {
    TaggerTraining.Summary s = TaggerTraining.train(corpus, out, m -> System.err.println("train: " + m));
    System.out.printf("Trained on %d documents (%d tokens) in %.1f s; model written to %s%n", s.documents(), s.tokens(),
        s.millis() / 1000.0, out);
    return 0;
  }
}
