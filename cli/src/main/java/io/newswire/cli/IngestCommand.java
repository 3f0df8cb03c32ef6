package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.Normaliser;
import io.newswire.ingest.Quarantine;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.ingest.files.FileIngest;
import io.newswire.ingest.publish.ArticlePublisher;
import io.newswire.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read articles and publish them to " + Topics.RAW_ARTICLES + ".",
    subcommands = IngestCommand.Files.class)
final class IngestCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "files", mixinStandardHelpOptions = true,
      description = {"Publish articles from files and folders: .txt, .md, .html, .json, .jsonl.",
          "Folders are read recursively; globs such as 'news/**/*.md' are expanded.",
          "Unreadable input goes to " + Topics.DEAD_LETTERS + " with the reason."})
  static final class Files implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs.")
    List<String> paths;

    @Override
    public Integer call() {
      NewswireConfig config = options.load();
      IngestSummary summary = ingest(config, paths, new ProgressBar(System.err, "ingest"));
      System.out.println(summary.describe(Topics.DEAD_LETTERS, config.get(NewswireConfig.INGEST_QUARANTINE_DIR)));
      return summary.failedCount() == 0 ? 0 : 2;
    }
  }

  static IngestSummary ingest(NewswireConfig config, List<String> paths, ProgressBar progress) {
    Topics topics = Topics.create(config.serdes());
    try (ArticlePublisher publisher = new ArticlePublisher(config.kafkaClients(), topics,
        config.getInt(NewswireConfig.INGEST_MAX_IN_FLIGHT))) {
      FileIngest ingest = new FileIngest(new ArticleFiles(), new Normaliser(), publisher,
          new Quarantine(Path.of(config.get(NewswireConfig.INGEST_QUARANTINE_DIR))));
      return ingest.run(paths, progress::update);
    }
  }
}
