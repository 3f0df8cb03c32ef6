package io.newswire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newswire} command. */
@Command(
    name = "newswire",
    mixinStandardHelpOptions = true,
    versionProvider = Newswire.Version.class,
    description = {
        "Streaming news ingestion on Apache Kafka: ingest -> newswire.articles.raw -> enrich ->"
            + " newswire.articles.enriched -> sink (PostgreSQL); watches raise alerts -> notify (webhooks).",
        "",
        "Against your cluster: 'newswire topics' first, then 'newswire enrich', 'newswire sink' and an ingest source."},
    subcommands = {
        TagCommand.class,
        ExtractCommand.class,
        IngestCommand.class,
        EnrichCommand.class,
        SinkCommand.class,
        CompactCommand.class,
        WatchCommand.class,
        NotifyCommand.class,
        ConsoleCommand.class,
        TopicsCommand.class,
        StatusCommand.class,
        ReplayCommand.class,
        QueryCommand.class,
        DlqCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Configuration: --config FILE, NEWSWIRE_* environment variables (NEWSWIRE_BOOTSTRAP_SERVERS=...),",
        "and --set key=value, in increasing precedence. See docs/CONFIGURATION.md."})
public class Newswire implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with the error handling every command shares; the development build adds to it. */
  public static CommandLine commandLine() {
    return commandLine(new Newswire());
  }

  public static CommandLine commandLine(Object top) {
    return new CommandLine(top)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println(cmd.getColorScheme().errorText("newswire: " + e.getMessage()));
          if (System.getenv("NEWSWIRE_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
          } else {
            cmd.getErr().println("(set NEWSWIRE_DEBUG=1 for the stack trace)");
          }
          return 1;
        });
  }

  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties built = new java.util.Properties();
      try (var in = Newswire.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          built.load(in);
        }
      }
      return new String[] {"newswire " + built.getProperty("version", "unknown"),
          "tagger " + io.newswire.tagger.NewswireTagger.NAME,
          "Apache Kafka clients " + org.apache.kafka.common.utils.internals.AppInfoParser.getVersion()};
    }
  }
}
