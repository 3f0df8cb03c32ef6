package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.enrich.EnrichApplication;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = {"Run the enrich Kafka Streams application until stopped (Ctrl-C stops it cleanly).",
        "Reads " + Topics.RAW_ARTICLES + ", writes " + Topics.ENRICHED_ARTICLES + ", exactly once."})
public final class EnrichCommand implements Callable<Integer> {
  /** The tagger the configuration asks for: the shipped model, with the user's topic rules if any. */
  public static NewswireTagger tagger(NewswireConfig config) {
    String rules = config.get(NewswireConfig.ENRICH_TOPIC_RULES);
    return new NewswireTagger(rules == null || rules.isBlank() ? null : java.nio.file.Path.of(rules));
  }

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    NewswireConfig config = options.load();
    EnrichApplication app = new EnrichApplication(config, tagger(config));
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "enrich-shutdown"));
    app.start();
    System.err.println("enrich running; Ctrl-C to stop");
    // Returns only when enrich stopped of itself: an error it could not get past. Ctrl-C ends the JVM instead.
    String reason = app.awaitStop();
    System.err.println("newswire: enrich stopped: " + reason);
    return 1;
  }
}
