package io.newswire.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry in memory, for {@code mock://NAME} URLs: every client configured with the same NAME in a JVM
 * shares one instance, as Confluent's serdes do, so unit and topology tests need no server. It applies
 * compatibility levels with Avro's own {@link SchemaCompatibility}, like a real registry.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final String scope;
  private final Map<Schema, Integer> ids = new HashMap<>();
  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<String, List<Schema>> subjects = new HashMap<>();
  private final Map<String, CompatibilityLevel> levels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int nextId = 1;

  private InMemorySchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The shared registry of a {@code mock://} scope. */
  public static InMemorySchemaRegistry scope(String name) {
    return SCOPES.computeIfAbsent(name, InMemorySchemaRegistry::new);
  }

  /** Forgets a scope, so the next test starts empty. */
  public static void drop(String name) {
    SCOPES.remove(name);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (versions.contains(schema)) {
      return ids.get(schema);
    }
    CompatibilityResult result = checkCompatibility(subject, schema);
    if (!result.compatible()) {
      throw new IncompatibleSchemaException("Schema for subject '" + subject + "' is incompatible with "
          + levelOf(subject) + ": " + String.join("; ", result.messages()), 409, 409);
    }
    versions.add(schema);
    return ids.computeIfAbsent(schema, s -> {
      int id = nextId++;
      schemas.put(id, s);
      return id;
    });
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    List<Schema> versions = versionsOf(subject);
    int index = versions.indexOf(schema);
    if (index < 0) {
      throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404,
          SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return new RegisteredSchema(subject, index + 1, ids.get(schema), schema);
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("Schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Schema> versions = versionsOf(subject);
    return version(subject, versions.size());
  }

  @Override
  public synchronized RegisteredSchema version(String subject, int version) {
    List<Schema> versions = versionsOf(subject);
    if (version < 1 || version > versions.size()) {
      throw new SchemaRegistryException("Version " + version + " not found", 404,
          SchemaRegistryException.VERSION_NOT_FOUND);
    }
    Schema schema = versions.get(version - 1);
    return new RegisteredSchema(subject, version, ids.get(schema), schema);
  }

  @Override
  public synchronized CompatibilityResult checkCompatibility(String subject, Schema schema) {
    List<Schema> versions = subjects.getOrDefault(subject, List.of());
    CompatibilityLevel level = levelOf(subject);
    if (versions.isEmpty() || level == CompatibilityLevel.NONE) {
      return new CompatibilityResult(true, List.of());
    }
    List<Schema> against = level.transitive() ? versions : List.of(versions.get(versions.size() - 1));
    List<String> messages = new ArrayList<>();
    for (Schema existing : against) {
      if (level.checksBackward()) {
        messages.addAll(problems(schema, existing, "new schema cannot read data written with an existing version"));
      }
      if (level.checksForward()) {
        messages.addAll(problems(existing, schema, "an existing version cannot read data written with the new schema"));
      }
    }
    return new CompatibilityResult(messages.isEmpty(), messages);
  }

  private static List<String> problems(Schema reader, Schema writer, String what) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return result.getIncompatibilities().stream()
        .map(i -> what + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .toList();
  }

  @Override
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subject == null ? globalLevel : levelOf(subject);
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level;
    } else {
      levels.put(subject, level);
    }
  }

  @Override
  public synchronized List<String> subjects() {
    return new ArrayList<>(subjects.keySet());
  }

  @Override
  public String describe() {
    return "mock://" + scope;
  }

  private CompatibilityLevel levelOf(String subject) {
    return levels.getOrDefault(subject, globalLevel);
  }

  private List<Schema> versionsOf(String subject) {
    List<Schema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException("Subject '" + subject + "' not found", 404,
          SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    return versions;
  }
}
