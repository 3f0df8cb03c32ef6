package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.io.IOException;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The dead-letter topic as operators use it: read every letter (no consumer group, nothing committed), send
 * letters that came from a topic back to it once the cause is fixed, export payloads to files to fix and
 * ingest again. Every Kafka client gets every client setting, security included.
 */
public final class DeadLetterQueue {
  /** The header a re-driven record carries: the dead-letter offset it came from. */
  public static final String REDRIVEN_FROM = "newswire.redriven.from";

  private DeadLetterQueue() {}

  /** Every dead letter currently in the topic, of one stage (ingest, enrich, sink) or of all (null). */
  public static List<ConsumerRecord<String, DeadLetter>> read(NewswireConfig config, String stage) {
    Topics topics = Topics.create(config.serdes());
    List<ConsumerRecord<String, DeadLetter>> letters = new ArrayList<>();
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

  /** Sends letters that came from a topic back to it, with their key, value and headers; returns how many. */
  public static int redrive(NewswireConfig config, List<ConsumerRecord<String, DeadLetter>> letters) throws Exception {
    Map<String, Object> producerConfig = new HashMap<>(config.producerClients());
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    int sent = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (ConsumerRecord<String, DeadLetter> r : letters) {
        DeadLetter l = r.value();
        if (l.getTopic() == null) {
          continue;
        }
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
    return sent;
  }

  /** Writes a letter's payload to DIR, named by its position and with the extension of its origin, and the reason beside it. */
  public static Path export(ConsumerRecord<String, DeadLetter> r, Path dir) throws IOException {
    DeadLetter l = r.value();
    String name = "letter-" + r.partition() + "-" + r.offset();
    String origin = String.valueOf(l.getOrigin());
    String extension = origin.matches(".*\\.(jsonl|ndjson|json|md|markdown|html|htm|txt)(:\\d+)?$")
        ? origin.replaceAll("^.*\\.(\\w+)(:\\d+)?$", ".$1") : ".json";
    Path payload = dir.resolve(name + extension.replace(".ndjson", ".jsonl"));
    Files.write(payload, l.getValue() == null ? new byte[0] : bytes(l.getValue()));
    Files.writeString(dir.resolve(name + ".reason"), "stage: " + l.getStage() + "\nfrom: " + where(l)
        + "\nerror: " + l.getErrorClass() + "\nmessage: " + l.getErrorMessage() + "\n");
    return payload;
  }

  /** Where a letter came from: a topic position, or the file, feed or request it was read from. */
  public static String where(DeadLetter l) {
    return l.getTopic() != null ? l.getTopic() + "-" + l.getPartition() + "@" + l.getOffset() : String.valueOf(l.getOrigin());
  }

  public static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  /** UTF-8 text when it is, else hex. */
  public static String printable(ByteBuffer buffer) {
    byte[] b = bytes(buffer);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException binary) {
      return "0x" + HexFormat.of().formatHex(b, 0, Math.min(b.length, 4096)) + (b.length > 4096 ? "..." : "");
    }
  }
}
