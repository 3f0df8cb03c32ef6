package io.newswire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.stack.LocalStack;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The REST client against a real Confluent-compatible registry server (Apicurio Registry). */
class ApicurioRegistryIT {
  static final Schema V1 = SchemaBuilder.record("Article").namespace("it").fields()
      .requiredString("id").requiredString("title").endRecord();
  static final Schema V2 = SchemaBuilder.record("Article").namespace("it").fields()
      .requiredString("id").requiredString("title").optionalString("section").endRecord();
  static final Schema INCOMPATIBLE = SchemaBuilder.record("Article").namespace("it").fields()
      .requiredString("id").requiredString("title").requiredLong("wordCount").endRecord();

  SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", LocalStack.shared().registryUrl()));

  String subject() {
    return "it-" + UUID.randomUUID() + "-value";
  }

  @Test
  void registersLooksUpAndFetches() {
    String subject = subject();
    int id = client.register(subject, V1);

    assertThat(client.register(subject, V1)).isEqualTo(id);
    assertThat(client.schemaById(id)).isEqualTo(V1);
    RegisteredSchema found = client.lookup(subject, V1);
    assertThat(found.id()).isEqualTo(id);
    assertThat(found.version()).isEqualTo(1);
    assertThat(client.latest(subject).schema()).isEqualTo(V1);
    assertThat(client.version(subject, 1).id()).isEqualTo(id);
    assertThat(client.subjects()).contains(subject);
  }

  @Test
  void backwardEvolutionAcceptsAnOptionalFieldAndRefusesARequiredOneWithTheRegistrysReasons() {
    String subject = subject();
    client.setCompatibility(subject, CompatibilityLevel.BACKWARD);
    assertThat(client.compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
    client.register(subject, V1);

    assertThat(client.checkCompatibility(subject, V2).compatible()).isTrue();
    client.register(subject, V2);
    assertThat(client.latest(subject).version()).isEqualTo(2);

    CompatibilityResult refused = client.checkCompatibility(subject, INCOMPATIBLE);
    assertThat(refused.compatible()).isFalse();
    assertThatThrownBy(() -> client.register(subject, INCOMPATIBLE))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining(subject)
        .hasMessageContaining("wordCount");
  }

  @Test
  void unknownThingsAreNotFoundErrors() {
    assertThatThrownBy(() -> client.latest(subject()))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    assertThatThrownBy(() -> client.schemaById(987_654))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.notFound()).isTrue());
  }
}
