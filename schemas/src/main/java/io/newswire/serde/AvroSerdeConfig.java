package io.newswire.serde;

import io.newswire.registry.SchemaRegistryConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Serializer and deserializer settings, under Confluent's key names, on top of the registry client's. */
public class AvroSerdeConfig extends SchemaRegistryConfig {
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  public static ConfigDef configDef() {
    return SchemaRegistryConfig.configDef()
        .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
            "Register the writer's schema when it is not registered yet. Turn off in production to make schema"
                + " changes a deliberate step (newswire topics registers them).")
        .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
            "With auto.register.schemas=false: write with the subject's latest schema instead of looking up the"
                + " writer's own.")
        .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
            "Deserialize into the generated classes instead of GenericRecord.")
        .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", Importance.LOW,
            "TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy (Confluent class names accepted).")
        .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", Importance.LOW,
            "As key.subject.name.strategy, for values.");
  }

  public AvroSerdeConfig(Map<?, ?> props) {
    super(configDef(), props);
  }

  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    return SubjectNameStrategy.forConfig(key, getString(key));
  }
}
