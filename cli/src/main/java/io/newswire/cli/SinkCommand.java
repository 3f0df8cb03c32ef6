package io.newswire.cli;

import io.newswire.sink.SinkApplication;
import io.newswire.topics.Topics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Write " + Topics.ENRICHED_ARTICLES + " to PostgreSQL (or JSON Lines files) until stopped.",
        "The schema is migrated on start; writes are idempotent, so replays never duplicate rows.",
        "Ctrl-C stops after the current batch. sink.store=jsonl writes date-partitioned files instead."})
final class SinkCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws InterruptedException {
    SinkApplication sink = new SinkApplication(options.load());
    Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "sink-shutdown"));
    System.err.println("sink running into " + sink.describe() + "; Ctrl-C to stop");
    sink.join();
    return 0;
  }
}
