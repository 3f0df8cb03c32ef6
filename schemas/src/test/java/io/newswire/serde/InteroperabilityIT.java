package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newswire.schema.RawArticle;
import io.newswire.stack.LocalStack;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Newswire's serde and an independent Confluent-compatible one (Apicurio's Java serde, in its Confluent
 * mode: magic byte 0, 4-byte id, no headers) read each other's bytes through one real registry.
 */
class InteroperabilityIT {
  final String registryUrl = LocalStack.shared().registryUrl();

  Map<String, Object> apicurioConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(SerdeConfig.REGISTRY_URL, registryUrl.replace("/apis/ccompat/v7", "/apis/registry/v2"));
    config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
    config.put(SerdeConfig.ENABLE_HEADERS, false);
    config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
    config.put(SerdeConfig.USE_ID, "contentId");
    return config;
  }

  @Test
  void apicurioReadsWhatNewswireWrites() {
    String topic = "interop-" + UUID.randomUUID();
    SpecificAvroSerde<RawArticle> ours = new SpecificAvroSerde<>();
    ours.configure(Map.of("schema.registry.url", registryUrl), false);
    byte[] bytes = ours.serializer().serialize(topic, AvroSerdeTest.article());

    try (AvroKafkaDeserializer<GenericRecord> theirs = new AvroKafkaDeserializer<>()) {
      theirs.configure(apicurioConfig(), false);
      GenericRecord read = theirs.deserialize(topic, new RecordHeaders(), bytes);
      assertThat(read.get("title").toString()).isEqualTo("Title");
      assertThat(read.get("id").toString()).isEqualTo("a1");
    }
  }

  @Test
  void newswireReadsWhatApicurioWrites() {
    String topic = "interop-" + UUID.randomUUID();
    byte[] bytes;
    try (AvroKafkaSerializer<RawArticle> theirs = new AvroKafkaSerializer<>()) {
      theirs.configure(apicurioConfig(), false);
      bytes = theirs.serialize(topic, new RecordHeaders(), AvroSerdeTest.article());
    }
    assertThat(bytes[0]).isZero();

    SpecificAvroSerde<RawArticle> ours = new SpecificAvroSerde<>();
    ours.configure(Map.of("schema.registry.url", registryUrl), false);
    assertThat(ours.deserializer().deserialize(topic, bytes)).isEqualTo(AvroSerdeTest.article());
  }
}
