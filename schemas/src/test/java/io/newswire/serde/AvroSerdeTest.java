package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.RawArticle;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  static final String SCOPE = "avro-serde";

  @AfterEach
  void forget() {
    InMemorySchemaRegistry.drop(SCOPE);
  }

  static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("a1").setUrl("https://example.org/a1").setSource("test").setTitle("Title").setBody("Body text.")
        .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setPublishedAt(Instant.ofEpochMilli(1_699_000_000_000L))
        .setContentType("text/plain").setContentHash("abc").setMetadata(Map.of("author", "A. Writer"))
        .build();
  }

  @Test
  void textEncodedForTheHashIsWrittenAsIs() {
    SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);
    RawArticle article = article();
    article.setBody("Zoë said “no” in Kraków — twice. \uD83D\uDCF0");
    byte[] plain = serde.serializer().serialize("raw", article);

    EncodedText.utf8(article.getTitle());
    EncodedText.utf8(article.getBody());
    byte[] reused = serde.serializer().serialize("raw", article);

    assertThat(reused).isEqualTo(plain);
    assertThat(serde.deserializer().deserialize("raw", reused).getBody()).isEqualTo(article.getBody());
    // an equal string that is another object is encoded normally
    article.setBody(new String(article.getBody()));
    assertThat(serde.serializer().serialize("raw", article)).isEqualTo(plain);
  }

  @Test
  void specificRecordsRoundTrip() {
    SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

    byte[] bytes = serde.serializer().serialize("raw", article());
    RawArticle back = serde.deserializer().deserialize("raw", bytes);

    assertThat(back).isEqualTo(article());
    assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).containsExactly("raw-value");
  }

  @Test
  void genericReaderSeesTheSameFields() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);
    AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>();
    generic.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

    GenericRecord record = generic.deserialize("raw", serializer.serialize("raw", article()));

    assertThat(record.get("title").toString()).isEqualTo("Title");
    assertThat(record.get("fetchedAt")).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void subjectNameStrategiesNameSubjectsAsConfluentDoes() {
    Schema schema = RawArticle.getClassSchema();
    assertThat(SubjectNameStrategy.forConfig("k", "io.confluent.kafka.serializers.subject.TopicNameStrategy")
        .subject("raw", true, schema)).isEqualTo("raw-key");
    assertThat(SubjectNameStrategy.forConfig("k", "RecordNameStrategy").subject("raw", false, schema))
        .isEqualTo("io.newswire.schema.RawArticle");
    assertThat(SubjectNameStrategy.forConfig("k", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")
        .subject("raw", false, schema)).isEqualTo("raw-io.newswire.schema.RawArticle");

    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE,
        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);
    serializer.serialize("raw", article());
    assertThat(InMemorySchemaRegistry.scope(SCOPE).subjects()).containsExactly("io.newswire.schema.RawArticle");
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaIsAClearError() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", false), false);

    assertThatThrownBy(() -> serializer.serialize("raw", article()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("raw-value");
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsLatestSchema() {
    Schema v1 = SchemaBuilder.record("Note").fields().requiredString("text").endRecord();
    Schema v2 = SchemaBuilder.record("Note").fields().requiredString("text")
        .name("lang").type().stringType().stringDefault("en").endRecord();
    InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
    registry.register("notes-value", v1);
    int v2Id = registry.register("notes-value", v2);
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", false,
        "use.latest.version", true), false);
    GenericRecord note = new GenericData.Record(v2);
    note.put("text", "hello");
    note.put("lang", "en");

    byte[] bytes = serializer.serialize("notes", note);

    assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
  }

  @Test
  void primitivesUseTheirAvroSchemas() {
    AvroSerde<Object> serde = new AvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + SCOPE), true);
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", 7L))).isEqualTo(7L);
    assertThat(serde.deserializer().deserialize("u", serde.serializer().serialize("u", "key")).toString())
        .isEqualTo("key");
  }
}
