package io.newswire.sink;

import io.newswire.registry.RegisteredSchema;
import io.newswire.registry.SchemaRegistryClient;
import io.newswire.registry.SchemaRegistryException;
import io.newswire.schema.EnrichedArticle;
import io.newswire.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Checked when the sink starts: can this sink read what enrich writes? If enrich was upgraded to a schema
 * this sink cannot read, the sink refuses to start with a message saying so, rather than dead-lettering
 * every record.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /** "/fields/8/type" as the field names it points at, e.g. "tagger". */
  static String fieldPath(Schema schema, String location) {
    StringBuilder path = new StringBuilder();
    String[] parts = location.split("/");
    Schema current = schema;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("fields") && i + 1 < parts.length && current != null
          && current.getType() == Schema.Type.RECORD) {
        Schema.Field field = current.getFields().get(Integer.parseInt(parts[++i]));
        path.append(path.length() == 0 ? "" : ".").append(field.name());
        current = field.schema();
      } else if (current != null && current.getType() == Schema.Type.ARRAY && parts[i].equals("items")) {
        current = current.getElementType();
      }
    }
    return path.length() == 0 ? location : path.toString();
  }

  /** @throws IllegalStateException naming the versions and the incompatibilities */
  public static void verify(SchemaRegistryClient registry) {
    String subject = Topics.ENRICHED_ARTICLES + "-value";
    RegisteredSchema latest;
    try {
      latest = registry.latest(subject);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        return; // nothing written yet
      }
      throw e;
    }
    Schema reader = EnrichedArticle.getClassSchema();
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, latest.schema()).getResult();
    if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalStateException("This sink cannot read " + Topics.ENRICHED_ARTICLES + ": its latest schema"
          + " (subject " + subject + ", version " + latest.version() + ", id " + latest.id() + ") is not readable"
          + " with the schema this sink was built with: " + result.getIncompatibilities().stream()
              .map(i -> "field " + fieldPath(reader, i.getLocation()) + ": " + i.getMessage()).toList()
          + ". Upgrade the sink to the release that writes that schema.");
    }
  }
}
