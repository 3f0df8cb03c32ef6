package io.newswire.enrich.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {
  static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "mock://dead-letter-handler");

  @AfterEach
  void forget() {
    InMemorySchemaRegistry.drop("dead-letter-handler");
  }

  record Context(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
      long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {}

  @Test
  void aDeserializationErrorBecomesAnEnvelopeWithTheOriginalBytesAndResumes() {
    DeadLetterHandler handler = new DeadLetterHandler();
    handler.configure(CONFIG);
    RecordHeaders headers = new RecordHeaders();
    headers.add("newswire.source", "feed".getBytes(StandardCharsets.UTF_8));
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = "junk".getBytes(StandardCharsets.UTF_8);
    Context context = new Context(Topics.RAW_ARTICLES, 2, 41L, headers, "raw-articles", new TaskId(0, 2), 0L, key, value);

    DeserializationExceptionHandler.Response response = handler.handleError(context,
        new ConsumerRecord<>(Topics.RAW_ARTICLES, 2, 41L, key, value), new SerializationException("bad magic"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(out.topic()).isEqualTo(Topics.DEAD_LETTERS);
    DeadLetter letter = Topics.create(CONFIG).deadLetters.valueSerde().deserializer()
        .deserialize(Topics.DEAD_LETTERS, out.value());
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getTopic()).isEqualTo(Topics.RAW_ARTICLES);
    assertThat(letter.getPartition()).isEqualTo(2);
    assertThat(letter.getOffset()).isEqualTo(41L);
    assertThat(letter.getErrorMessage()).isEqualTo("bad magic");
    assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("junk");
    assertThat(letter.getHeaders()).containsKey("newswire.source");
  }
}
