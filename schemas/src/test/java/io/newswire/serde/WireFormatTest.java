package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.registry.InMemorySchemaRegistry;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The byte layout Confluent's serdes write, checked against the protocol's published test vector. */
class WireFormatTest {
  static final Schema ORDER = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
          + "{\"name\":\"amount\",\"type\":\"double\"}]}");
  static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "mock://wire-format");

  @AfterEach
  void forget() {
    InMemorySchemaRegistry.drop("wire-format");
  }

  @Test
  void writesTheReferenceTestVector() {
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(CONFIG, false);
    GenericRecord order = new GenericData.Record(ORDER);
    order.put("id", 42L);
    order.put("amount", 9.5);

    byte[] bytes = serializer.serialize("orders", order);

    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000001" + "54" + "0000000000002340");
  }

  @Test
  void readsTheReferenceTestVector() {
    InMemorySchemaRegistry.scope("wire-format").register("orders-value", ORDER);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
    deserializer.configure(CONFIG, false);

    GenericRecord order = deserializer.deserialize("orders", HexFormat.of().parseHex("0000000001540000000000002340"));

    assertThat(order.get("id")).isEqualTo(42L);
    assertThat(order.get("amount")).isEqualTo(9.5);
  }

  @Test
  void nullStaysATombstone() {
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(CONFIG, false);
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
    deserializer.configure(CONFIG, false);
    assertThat(serializer.serialize("orders", null)).isNull();
    assertThat(deserializer.deserialize("orders", null)).isNull();
  }

  @Test
  void foreignBytesAndUnknownIdsAreSerializationErrorsThatSayWhy() {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
    deserializer.configure(CONFIG, false);

    assertThatThrownBy(() -> deserializer.deserialize("orders", "{\"json\":true}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not Confluent-framed Avro");
    assertThatThrownBy(() -> deserializer.deserialize("orders", HexFormat.of().parseHex("00000003e7540000")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 999")
        .hasMessageContaining("mock://wire-format");
  }
}
