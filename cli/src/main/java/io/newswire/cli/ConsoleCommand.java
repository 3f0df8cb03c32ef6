package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.console.ConsoleApplication;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Serve the web console on http.host (127.0.0.1 by default) until stopped: the live stream of"
        + " enriched articles with their entities highlighted, trends for 1 h and 24 h, stories, a world map of the"
        + " places, search, watches and their latest alerts.",
        "It reads the topics with no consumer group (it changes nothing), asks enrich for trends and stories"
            + " (console.enrich.url) and searches PostgreSQL, or OpenSearch when sink.store includes it."})
final class ConsoleCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--port", paramLabel = "P", description = "Port of the page (console.http.port; 0: any free port).")
  Integer port;

  @Option(names = "--enrich-url", paramLabel = "URL", description = "Enrich's queries (console.enrich.url).")
  String enrichUrl;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put(NewswireConfig.CONSOLE_HTTP_PORT, String.valueOf(port));
    }
    if (enrichUrl != null) {
      overrides.put(NewswireConfig.CONSOLE_ENRICH_URL, enrichUrl);
    }
    ConsoleApplication console = new ConsoleApplication(options.load().with(overrides));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        console.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "console-shutdown"));
    System.err.println("console on " + console.url() + " ; Ctrl-C to stop");
    new CountDownLatch(1).await();
    return 0;
  }
}
