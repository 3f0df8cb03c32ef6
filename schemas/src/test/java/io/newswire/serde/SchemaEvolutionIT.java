package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.registry.CompatibilityLevel;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryClients;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * RawArticle v2 (a new optional field) registers under BACKWARD on a real registry, and a v1 reader (today's
 * generated class) still reads what v2 writers write; an incompatible v2 is refused with a clear message.
 */
class SchemaEvolutionIT {
  final Map<String, Object> config = Map.of("schema.registry.url", LocalStack.shared().registryUrl());

  static Schema rawArticleWith(String extraField) {
    String v1 = RawArticle.getClassSchema().toString();
    return new Schema.Parser().parse(v1.substring(0, v1.lastIndexOf(']')) + "," + extraField + "]}");
  }

  @Test
  void v1ReadersReadV2Records() {
    String topic = "evolution-" + UUID.randomUUID();
    SchemaRegistryClient registry = SchemaRegistryClients.create(config);
    registry.setCompatibility(topic + "-value", CompatibilityLevel.BACKWARD);
    SpecificAvroSerde<RawArticle> v1 = new SpecificAvroSerde<>();
    v1.configure(config, false);
    v1.serializer().serialize(topic, AvroSerdeTest.article()); // registers v1

    Schema v2 = rawArticleWith("{\"name\":\"desk\",\"type\":[\"null\",\"string\"],\"default\":null}");
    GenericRecord record = new GenericData.Record(v2);
    RawArticle article = AvroSerdeTest.article();
    for (Schema.Field f : RawArticle.getClassSchema().getFields()) {
      record.put(f.name(), GenericData.get().deepCopy(f.schema(), convert(article.get(f.pos()))));
    }
    record.put("desk", "World");
    AvroSerializer<GenericRecord> v2Writer = new AvroSerializer<>();
    v2Writer.configure(config, false);
    byte[] bytes = v2Writer.serialize(topic, record);

    assertThat(registry.latest(topic + "-value").version()).isEqualTo(2);
    assertThat(v1.deserializer().deserialize(topic, bytes)).isEqualTo(article);
  }

  @Test
  void anIncompatibleChangeIsRefusedWithTheReason() {
    String topic = "evolution-" + UUID.randomUUID();
    SchemaRegistryClient registry = SchemaRegistryClients.create(config);
    registry.setCompatibility(topic + "-value", CompatibilityLevel.BACKWARD);
    SpecificAvroSerde<RawArticle> v1 = new SpecificAvroSerde<>();
    v1.configure(config, false);
    v1.serializer().serialize(topic, AvroSerdeTest.article());

    Schema incompatible = rawArticleWith("{\"name\":\"wordCount\",\"type\":\"long\"}");
    GenericRecord record = new GenericData.Record(incompatible);
    AvroSerializer<GenericRecord> writer = new AvroSerializer<>();
    writer.configure(config, false);

    assertThatThrownBy(() -> writer.serialize(topic, record))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("incompatible")
        .hasMessageContaining("wordCount");
  }

  private static Object convert(Object value) {
    return value instanceof java.time.Instant i ? i.toEpochMilli() : value;
  }
}
