package io.newswire.serde;

import io.newswire.registry.RegisteredSchema;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro in Confluent's wire format, registering or looking up the schema as {@code
 * auto.register.schemas} / {@code use.latest.version} say. Generic and specific records alike.
 */
public class AvroSerializer<T> implements Serializer<T> {
  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegister;
  private boolean useLatestVersion;
  private SubjectNameStrategy subjectNames;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  static {
    GeneratedClasses.trust();
  }

  public AvroSerializer() {}

  /** With a client given, {@link #configure} only reads the serializer settings. */
  public AvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.autoRegister = config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
    this.useLatestVersion = config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION);
    this.subjectNames = config.subjectNameStrategy(isKey);
    if (registry == null) {
      registry = SchemaRegistryClients.create(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    if (data == null) {
      return null; // a tombstone stays a tombstone
    }
    Schema schema = AvroSchemas.of(data);
    String subject = subjectNames.subject(topic, isKey, schema);
    int id;
    Schema writerSchema = schema;
    try {
      if (autoRegister) {
        id = registry.register(subject, schema);
      } else if (useLatestVersion) {
        RegisteredSchema latest = registry.latest(subject);
        id = latest.id();
        writerSchema = latest.schema();
      } else {
        id = registry.lookup(subject, schema).id();
      }
    } catch (SchemaRegistryException e) {
      throw new SerializationException("No schema id for subject '" + subject + "' (topic " + topic + "): "
          + e.getMessage(), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    WireFormat.writePrefix(out, id);
    try {
      Object value = data instanceof ByteBuffer || !(data instanceof byte[]) ? data : ByteBuffer.wrap((byte[]) data);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(writerSchema, data).write(value, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not write a " + schema.getFullName() + " to topic " + topic
          + " with schema id " + id + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private DatumWriter<Object> writerFor(Schema schema, Object data) {
    return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
        ? new TextReusingWriter(s)
        : new GenericDatumWriter<>(s, GenericData.get()));
  }

  /** Writes strings whose UTF-8 bytes this thread has just computed ({@link EncodedText}) without re-encoding. */
  private static final class TextReusingWriter extends SpecificDatumWriter<Object> {
    TextReusingWriter(Schema schema) {
      super(schema, SpecificData.getForSchema(schema));
    }

    @Override
    protected void writeString(Object datum, Encoder out) throws IOException {
      byte[] utf8 = EncodedText.lookup(datum);
      if (utf8 != null) {
        out.writeString(new Utf8(utf8));
      } else {
        super.writeString(datum, out);
      }
    }
  }

  /** The registry this serializer talks to, e.g. to register schemas up front. */
  public SchemaRegistryClient registry() {
    return registry;
  }

  @Override
  public void close() {
    // the client may be shared with other serdes: closing it is the owner's business
  }
}
