package io.newswire.serde;

import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. The writer's schema comes from the registry by id; with {@code
 * specific.avro.reader=true} the generated class's schema is the reader schema, so records written with an
 * older or newer compatible schema are resolved into today's class. Every failure is a {@link
 * SerializationException} naming the topic and schema id, which Kafka Streams and the stages route to the
 * dead-letter topic.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean specific;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  static {
    GeneratedClasses.trust();
  }

  public AvroDeserializer() {}

  public AvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.specific = config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER);
    if (registry == null) {
      registry = SchemaRegistryClients.create(config);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    WireFormat.Framed framed = WireFormat.read(topic, isKey, headers, data);
    DatumReader<Object> reader;
    try {
      reader = readers.computeIfAbsent(framed.schemaId(), this::readerFor);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Record on topic " + topic + " has schema id " + framed.schemaId()
          + " which the registry at " + registry.describe() + " cannot give: " + e.getMessage(), e);
    }
    try {
      return (T) reader.read(null, DecoderFactory.get()
          .binaryDecoder(data, framed.payloadOffset(), data.length - framed.payloadOffset(), null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Record on topic " + topic + " with schema id " + framed.schemaId()
          + " is not valid Avro for that schema: " + e, e);
    }
  }

  private DatumReader<Object> readerFor(int schemaId) {
    Schema writer = registry.schemaById(schemaId);
    if (!specific || (writer.getType() != Schema.Type.RECORD && writer.getType() != Schema.Type.ENUM)) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null) {
      throw new SerializationException("specific.avro.reader=true but no generated class for "
          + writer.getFullName() + " is on the classpath");
    }
    SpecificData model = SpecificData.getForClass(generated);
    return new SpecificDatumReader<>(writer, model.getSchema(generated), model);
  }

  public SchemaRegistryClient registry() {
    return registry;
  }
}
