package io.newswire.serde;

import io.newswire.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** An {@link AvroSerde} that always reads into the generated classes. */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {
  public SpecificAvroSerde() {}

  public SpecificAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    super.configure(specific, isKey);
  }
}
