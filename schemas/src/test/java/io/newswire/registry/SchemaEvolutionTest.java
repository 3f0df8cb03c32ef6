package io.newswire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory registry applies compatibility levels as a real one does. */
class SchemaEvolutionTest {
  static final Schema V1 = SchemaBuilder.record("Article").namespace("t").fields()
      .requiredString("id").requiredString("title").endRecord();
  static final Schema V2_OPTIONAL_FIELD = SchemaBuilder.record("Article").namespace("t").fields()
      .requiredString("id").requiredString("title").optionalString("section").endRecord();
  static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Article").namespace("t").fields()
      .requiredString("id").requiredString("title").requiredLong("wordCount").endRecord();

  InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("evolution");

  @AfterEach
  void forget() {
    InMemorySchemaRegistry.drop("evolution");
  }

  @Test
  void backwardAcceptsANewOptionalFieldAndRefusesANewRequiredOne() {
    registry.setCompatibility("a-value", CompatibilityLevel.BACKWARD);
    int v1 = registry.register("a-value", V1);
    int v2 = registry.register("a-value", V2_OPTIONAL_FIELD);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(registry.latest("a-value").version()).isEqualTo(2);
    assertThat(registry.checkCompatibility("a-value", V2_REQUIRED_FIELD).compatible()).isFalse();
    assertThatThrownBy(() -> registry.register("a-value", V2_REQUIRED_FIELD))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("wordCount");
  }

  @Test
  void sameSchemaTwiceIsTheSameIdAcrossSubjects() {
    int first = registry.register("a-value", V1);
    assertThat(registry.register("a-value", V1)).isEqualTo(first);
    assertThat(registry.register("b-value", V1)).isEqualTo(first);
    assertThat(registry.lookup("b-value", V1).version()).isEqualTo(1);
  }

  @Test
  void cachingClientAsksTheRegistryOncePerSchemaAndRefreshesLatestAfterItsTtl() {
    int[] calls = new int[2];
    SchemaRegistryClient counting = new ForwardingClient(registry) {
      @Override
      public int register(String subject, Schema schema) {
        calls[0]++;
        return super.register(subject, schema);
      }

      @Override
      public RegisteredSchema latest(String subject) {
        calls[1]++;
        return super.latest(subject);
      }
    };
    long[] now = {0};
    CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counting, 1000, () -> now[0]);
    for (int i = 0; i < 5; i++) {
      cached.register("a-value", V1);
      cached.latest("a-value");
    }
    assertThat(calls).containsExactly(1, 1);
    now[0] = 1500;
    cached.latest("a-value");
    assertThat(calls[1]).isEqualTo(2);
  }
}
