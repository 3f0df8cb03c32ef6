package io.newswire.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a record's subject is named in the registry: Confluent's three strategies. */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
  TOPIC_NAME {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + (isKey ? "-key" : "-value");
    }
  },
  /** The record's full name: one lineage per record type, across topics. */
  RECORD_NAME {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return schema.getFullName();
    }
  },
  /** {@code <topic>-<record full name>}: several record types in one topic. */
  TOPIC_RECORD_NAME {
    @Override
    public String subject(String topic, boolean isKey, Schema schema) {
      return topic + "-" + schema.getFullName();
    }
  };

  public abstract String subject(String topic, boolean isKey, Schema schema);

  /**
   * Accepts Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), their
   * simple names, or this enum's names, so existing configurations carry over.
   */
  public static SubjectNameStrategy forConfig(String key, String value) {
    String simple = value.substring(value.lastIndexOf('.') + 1);
    switch (simple.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "topicnamestrategy", "topicname":
        return TOPIC_NAME;
      case "recordnamestrategy", "recordname":
        return RECORD_NAME;
      case "topicrecordnamestrategy", "topicrecordname":
        return TOPIC_RECORD_NAME;
      default:
        throw new ConfigException(key, value,
            "expected TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    }
  }
}
