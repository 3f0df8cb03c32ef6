package io.newswire.dev;

import io.newswire.cli.Newswire;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The repository's {@code ./newswire}: the shipped command plus what development needs, namely the demo on a
 * local stack, the stack on its own, the benchmarks, and the tagger's training and evaluation.
 */
@Command(name = "newswire", mixinStandardHelpOptions = true, versionProvider = Newswire.Version.class,
    description = {
        "Streaming news ingestion on Apache Kafka: ingest -> newswire.articles.raw -> enrich ->"
            + " newswire.articles.enriched -> sink (PostgreSQL).",
        "",
        "Start with 'newswire demo': it runs the whole pipeline on a local stack it starts itself.",
        "This is the development build: demo, stack, bench and 'tag train|eval' are not in the distribution."},
    footer = {"", "Configuration: --config FILE, NEWSWIRE_* environment variables (NEWSWIRE_BOOTSTRAP_SERVERS=...),",
        "and --set key=value, in increasing precedence. See docs/CONFIGURATION.md."})
public final class NewswireDev extends Newswire {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The shipped commands, and the development ones beside them. */
  public static CommandLine commandLine() {
    CommandLine line = Newswire.commandLine(new NewswireDev());
    line.addSubcommand(new DemoCommand());
    line.addSubcommand(new StackCommand());
    line.addSubcommand(new BenchCommand());
    CommandLine tag = line.getSubcommands().get("tag");
    tag.addSubcommand(new TagEvalCommand());
    tag.addSubcommand(new TagTrainCommand());
    tag.addSubcommand(new TagCrossvalCommand());
    return line;
  }
}
