package io.newswire.serde;

import io.newswire.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

/** An {@link AvroSerde} for {@link GenericRecord}s, for tools that read any schema. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {
  public GenericAvroSerde() {}

  public GenericAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }
}
