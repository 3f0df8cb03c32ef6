package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.SinkApplication;
import io.newswire.topics.Topics;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sink", mixinStandardHelpOptions = true,
    description = {"Write " + Topics.ENRICHED_ARTICLES + " to PostgreSQL, to a Parquet data lake, or both, until stopped.",
        "Writes are idempotent, so replays never duplicate articles: PostgreSQL keeps the newest version of each;",
        "the lake appends part files and the query in docs/SINK.md reads the newest ('newswire compact' tidies it).",
        "Each store has its own consumer group (sink.group.id, sink.group.id-parquet). Ctrl-C stops after the current batch."})
final class SinkCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--store", paramLabel = "STORE[,STORE]",
      description = "postgres, parquet, or postgres,parquet (sink.store). Default: postgres.")
  String store;

  @Override
  public Integer call() throws InterruptedException {
    NewswireConfig config = options.load();
    if (store != null) {
      config = config.with(Map.of(NewswireConfig.SINK_STORE, store)).checked();
    }
    SinkApplication sink = new SinkApplication(config);
    Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "sink-shutdown"));
    System.err.println("sink running into " + sink.describe() + "; Ctrl-C to stop");
    sink.join();
    return 0;
  }
}
