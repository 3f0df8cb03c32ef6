package io.newswire.enrich.errors;

import io.newswire.deadletter.DeadLetters;
import io.newswire.schema.DeadLetter;
import io.newswire.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every record enrich cannot deserialize, process or produce to {@value Topics#DEAD_LETTERS} through
 * Kafka Streams' own dead-letter support: the handler returns the dead-letter record and Streams writes it in
 * the same transaction as the task's other output, then carries on. A poison pill never stops the app.
 */
public class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
  public static final String STAGE = "enrich";

  /**
   * One dead-letter serializer per registry for the whole JVM. Streams makes a handler for every task, again at
   * every rebalance; a serializer (and its registry client, with an HTTP client and its selector thread) for
   * each of them once exhausted a 512 MB heap after a few rebalances.
   */
  private static final java.util.Map<Object, Serializer<DeadLetter>> SERIALIZERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Serializer<DeadLetter> deadLetterSerializer(Map<String, ?> configs) {
    io.newswire.serde.SpecificAvroSerde<DeadLetter> serde = new io.newswire.serde.SpecificAvroSerde<>();
    serde.configure(configs, false);
    return serde.serializer();
  }

  private Serializer<DeadLetter> serializer;
  private int payloadLimit = DeadLetters.MAX_PAYLOAD_BYTES;

  @Override
  public void configure(Map<String, ?> configs) {
    Object url = configs.get(io.newswire.registry.SchemaRegistryConfig.URL);
    // In-memory test registries are dropped between tests: their ids must not outlive them in a shared serializer.
    serializer = String.valueOf(url).startsWith("mock://") ? deadLetterSerializer(configs)
        : SERIALIZERS.computeIfAbsent(url, u -> deadLetterSerializer(configs));
    Object articleMax = configs.get(io.newswire.config.NewswireConfig.INGEST_MAX_BYTES);
    payloadLimit = io.newswire.topics.RecordSizes.deadLetterPayloadBytes(articleMax == null
        ? io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES : Long.parseLong(articleMax.toString()));
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
      ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, exception, "deserialize")));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
      Exception exception) {
    return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, exception, "process")));
  }

  @Override
  public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
      ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof org.apache.kafka.common.errors.RetriableException) {
      return ProductionExceptionHandler.Response.retry();
    }
    return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, exception, "produce")));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
      ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
    return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, exception, "serialize")));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception, String step) {
    log.warn("Dead-lettering record {}-{}@{} ({} failed): {}", context.topic(), context.partition(),
        context.offset(), step, exception.toString());
    io.newswire.ops.Metrics.deadLetters(STAGE).increment();
    DeadLetter letter = DeadLetters.fromRecord(STAGE, context.topic(), context.partition(), context.offset(),
        context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception, payloadLimit);
    return new ProducerRecord<>(Topics.DEAD_LETTERS, null, context.sourceRawKey(),
        serializer.serialize(Topics.DEAD_LETTERS, letter));
  }
}
