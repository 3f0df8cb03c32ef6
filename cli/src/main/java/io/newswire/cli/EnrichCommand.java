package io.newswire.cli;

import io.newswire.enrich.EnrichApplication;
import io.newswire.enrich.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = {"Run the enrich Kafka Streams application until stopped (Ctrl-C stops it cleanly).",
        "Reads " + Topics.RAW_ARTICLES + ", writes " + Topics.ENRICHED_ARTICLES + ", exactly once."})
final class EnrichCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    EnrichApplication app = new EnrichApplication(options.load(), new NewswireTagger());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "enrich-shutdown"));
    app.start();
    System.err.println("enrich running; Ctrl-C to stop");
    stopped.await();
    return 0;
  }
}
