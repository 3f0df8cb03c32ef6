package io.newswire.dev;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The annotated corpus that 'tag train', 'tag eval' and 'tag crossval' read: one option, one default. */
final class CorpusOption {
  @Option(names = "--corpus", paramLabel = "DIR", description = "The annotated corpus (default: training/corpus in the repository).")
  Path corpus = TagTrainCommand.defaultCorpus();

  Path path() {
    return corpus;
  }
}
