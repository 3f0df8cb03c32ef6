package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = "List, show, export and re-drive the records in " + Topics.DEAD_LETTERS + ".",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Redrive.class,
        DlqCommand.Export.class})
final class DlqCommand extends CommandGroup {
  /** The header a re-driven record carries: the dead-letter offset it came from. */
  static final String REDRIVEN_FROM = "newswire.redriven.from";


  /** Options shared by the subcommands. */
  static class Common {
    @Mixin ConfigOptions options;

    @Option(names = "--stage", description = "Only letters from this stage: ingest, enrich or sink.")
    String stage;

    /** Every dead letter currently in the topic (no consumer group: nothing is committed). */
    List<ConsumerRecord<String, DeadLetter>> letters(NewswireConfig config) {
      Topics topics = Topics.create(config.serdes());
      List<ConsumerRecord<String, DeadLetter>> letters = new ArrayList<>();
      // Every client setting (security included), not only the bootstrap servers: dlq runs against secured clusters too.
      Map<String, Object> consumerConfig = new HashMap<>(config.kafkaClients());
      consumerConfig.put("enable.auto.commit", false);
      consumerConfig.put("isolation.level", "read_committed");
      try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
          topics.deadLetters.valueSerde().deserializer())) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.currentTimeMillis() + 60_000;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
            if (stage == null || stage.equals(r.value().getStage())) {
              letters.add(r);
            }
          }
        }
      }
      return letters;
    }

    static String where(DeadLetter l) {
      return l.getTopic() != null ? l.getTopic() + "-" + l.getPartition() + "@" + l.getOffset() : String.valueOf(l.getOrigin());
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
            where(l), why.length() > 120 ? why.substring(0, 117) + "..." : why);
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
          System.out.println("from:      " + where(l));
          System.out.println("failed at: " + l.getFailedAt());
          System.out.println("error:     " + l.getErrorClass());
          System.out.println("message:   " + l.getErrorMessage());
          l.getHeaders().forEach((k, v) -> {
            if (!k.equals(io.newswire.deadletter.DeadLetters.STACK_HEADER)) {
              System.out.println("header:    " + k + " = " + printable(v));
            }
          });
          System.out.println("key:       " + (l.getKey() == null ? "(none)" : printable(l.getKey())));
          System.out.println("payload:   " + (l.getValue() == null ? "(none)" : printable(l.getValue())));
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
      Map<String, Object> producerConfig = new HashMap<>(config.producerClients());
      producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
      int sent = 0;
      try (KafkaProducer<byte[], byte[]> producer = dryRun ? null
          : new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (ConsumerRecord<String, DeadLetter> r : letters) {
          DeadLetter l = r.value();
          System.out.println((dryRun ? "would send " : "sending ") + r.partition() + "@" + r.offset() + " back to "
              + l.getTopic() + " (" + l.getStage() + ": " + l.getErrorMessage().lines().findFirst().orElse("") + ")");
          if (!dryRun) {
            RecordHeaders headers = new RecordHeaders();
            l.getHeaders().forEach((k, v) -> {
              if (!k.startsWith("newswire.error") && !k.startsWith("__streams.errors")) {
                headers.add(k, bytes(v));
              }
            });
            headers.add(REDRIVEN_FROM, (Topics.DEAD_LETTERS + "-" + r.partition() + "@" + r.offset())
                .getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(l.getTopic(), null, l.getKey() == null ? null : bytes(l.getKey()),
                l.getValue() == null ? null : bytes(l.getValue()), headers)).get();
            sent++;
          }
        }
      }
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
        DeadLetter l = r.value();
        String name = "letter-" + r.partition() + "-" + r.offset();
        String origin = String.valueOf(l.getOrigin());
        String extension = origin.matches(".*\\.(jsonl|ndjson|json|md|markdown|html|htm|txt)(:\\d+)?$")
            ? origin.replaceAll("^.*\\.(\\w+)(:\\d+)?$", ".$1") : ".json";
        Files.write(dir.resolve(name + extension.replace(".ndjson", ".jsonl")), l.getValue() == null ? new byte[0] : bytes(l.getValue()));
        Files.writeString(dir.resolve(name + ".reason"), "stage: " + l.getStage() + "\nfrom: " + where(l)
            + "\nerror: " + l.getErrorClass() + "\nmessage: " + l.getErrorMessage() + "\n");
        n++;
      }
      System.err.println(n + " letters exported to " + dir);
      return 0;
    }
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  /** UTF-8 text when it is, else hex. */
  static String printable(ByteBuffer buffer) {
    byte[] b = bytes(buffer);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException binary) {
      return "0x" + HexFormat.of().formatHex(b, 0, Math.min(b.length, 4096)) + (b.length > 4096 ? "..." : "");
    }
  }
}
