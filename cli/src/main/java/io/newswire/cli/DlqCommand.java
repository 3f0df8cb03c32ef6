package io.newswire.cli;

import io.newswire.admin.DeadLetterQueue;
import io.newswire.config.NewswireConfig;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = "List, show, export and re-drive the records in " + Topics.DEAD_LETTERS + ".",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Redrive.class,
        DlqCommand.Export.class})
final class DlqCommand extends CommandGroup {


  /** Options shared by the subcommands. */
  static class Common {
    @Mixin ConfigOptions options;

    @Option(names = "--stage", description = "Only letters from this stage: ingest, enrich, sink or notify.")
    String stage;

    List<ConsumerRecord<String, DeadLetter>> letters(NewswireConfig config) {
      return DeadLetterQueue.read(config, stage);
    }
  }

  @Command(name = "list", description = "One line per dead letter: partition@offset, time, stage, where from, why.")
  static final class ListLetters extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      List<ConsumerRecord<String, DeadLetter>> letters = letters(options.load());
      for (ConsumerRecord<String, DeadLetter> r : letters) {
        DeadLetter l = r.value();
        String why = l.getErrorMessage().replace('\n', ' ');
        System.out.printf("%d@%-6d %s  %-6s %-40s %s%n", r.partition(), r.offset(), l.getFailedAt(), l.getStage(),
            DeadLetterQueue.where(l), why.length() > 120 ? why.substring(0, 117) + "..." : why);
      }
      System.err.println(letters.size() + " dead letters");
      return 0;
    }
  }

  @Command(name = "show", description = "Everything about one dead letter, payload included.")
  static final class Show extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "PARTITION@OFFSET", description = "As 'dlq list' prints it, e.g. 0@42.")
    String position;

    @Override
    public Integer call() {
      for (ConsumerRecord<String, DeadLetter> r : letters(options.load())) {
        if ((r.partition() + "@" + r.offset()).equals(position)) {
          DeadLetter l = r.value();
          System.out.println("stage:     " + l.getStage());
          System.out.println("from:      " + DeadLetterQueue.where(l));
          System.out.println("failed at: " + l.getFailedAt());
          System.out.println("error:     " + l.getErrorClass());
          System.out.println("message:   " + l.getErrorMessage());
          l.getHeaders().forEach((k, v) -> {
            if (!k.equals(io.newswire.deadletter.DeadLetters.STACK_HEADER)) {
              System.out.println("header:    " + k + " = " + DeadLetterQueue.printable(v));
            }
          });
          System.out.println("key:       " + (l.getKey() == null ? "(none)" : DeadLetterQueue.printable(l.getKey())));
          System.out.println("payload:   " + (l.getValue() == null ? "(none)" : DeadLetterQueue.printable(l.getValue())));
          return 0;
        }
      }
      System.err.println("No dead letter at " + position);
      return 1;
    }
  }

  @Command(name = "redrive", description = {"Send dead letters that came from a topic back to it, with their key,",
      "value and headers, once the cause is fixed (a new tagger, a schema registered, a database back)."})
  static final class Redrive extends Common implements Callable<Integer> {
    @Option(names = "--only", paramLabel = "PARTITION@OFFSET", split = ",", description = "Just these letters.")
    List<String> only;

    @Option(names = "--dry-run", description = "Say what would be sent, send nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      NewswireConfig config = options.load();
      List<ConsumerRecord<String, DeadLetter>> letters = letters(config).stream()
          .filter(r -> only == null || only.contains(r.partition() + "@" + r.offset()))
          .filter(r -> r.value().getTopic() != null)
          .toList();
      for (ConsumerRecord<String, DeadLetter> r : letters) {
        DeadLetter l = r.value();
        System.out.println((dryRun ? "would send " : "sending ") + r.partition() + "@" + r.offset() + " back to "
            + l.getTopic() + " (" + l.getStage() + ": " + l.getErrorMessage().lines().findFirst().orElse("") + ")");
      }
      int sent = dryRun ? 0 : DeadLetterQueue.redrive(config, letters);
      System.err.println(dryRun ? letters.size() + " letters would be re-driven" : sent + " letters re-driven"
          + "; letters from files, feeds or HTTP have no topic to go back to: use 'dlq export'");
      return 0;
    }
  }

  @Command(name = "export", description = {"Write the payloads of dead letters to files in DIR, one per letter,",
      "with the reason beside each, to fix and ingest again ('ingest files DIR')."})
  static final class Export extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "DIR") Path dir;

    @Override
    public Integer call() throws Exception {
      Files.createDirectories(dir);
      int n = 0;
      for (ConsumerRecord<String, DeadLetter> r : letters(options.load())) {
        DeadLetterQueue.export(r, dir);
        n++;
      }
      System.err.println(n + " letters exported to " + dir);
      return 0;
    }
  }
}
