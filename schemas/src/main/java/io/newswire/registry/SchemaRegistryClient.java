package io.newswire.registry;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST protocol that Newswire uses. Implementations: {@link
 * RestSchemaRegistryClient} (any Confluent-compatible server), {@link InMemorySchemaRegistry} (for
 * {@code mock://} URLs in unit tests), and {@link CachingSchemaRegistryClient} in front of either.
 */
public interface SchemaRegistryClient extends Closeable {

  /** Registers the schema under the subject (or finds it registered) and returns its global id. */
  int register(String subject, Schema schema);

  /** Finds the version of the subject that holds this exact schema. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The schema with a global id: immutable, so cacheable forever. */
  Schema schemaById(int id);

  RegisteredSchema latest(String subject);

  RegisteredSchema version(String subject, int version);

  /** Whether the schema could be registered as the subject's next version, with the registry's reasons when not. */
  CompatibilityResult checkCompatibility(String subject, Schema schema);

  /** Compatibility level of a subject, or the global level when {@code subject} is null. */
  CompatibilityLevel compatibility(String subject);

  void setCompatibility(String subject, CompatibilityLevel level);

  List<String> subjects();

  /** Where the registry lives, for error messages. */
  String describe();

  @Override
  default void close() {}
}
