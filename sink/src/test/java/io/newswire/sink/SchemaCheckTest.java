package io.newswire.sink;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.registry.CompatibilityLevel;
import io.newswire.registry.InMemorySchemaRegistry;
import io.newswire.schema.EnrichedArticle;
import io.newswire.topics.Topics;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("schema-check");

  @AfterEach
  void forget() {
    InMemorySchemaRegistry.drop("schema-check");
  }

  @Test
  void startsWhenNothingIsRegisteredOrTheSchemaIsReadable() {
    assertThatCode(() -> SchemaCheck.verify(registry)).doesNotThrowAnyException();
    registry.register(Topics.ENRICHED_ARTICLES + "-value", EnrichedArticle.getClassSchema());
    assertThatCode(() -> SchemaCheck.verify(registry)).doesNotThrowAnyException();
  }

  @Test
  void refusesToStartOnASchemaItCannotReadAndSaysWhy() {
    String subject = Topics.ENRICHED_ARTICLES + "-value";
    registry.setCompatibility(subject, CompatibilityLevel.NONE);
    registry.register(subject, EnrichedArticle.getClassSchema());
    String changed = EnrichedArticle.getClassSchema().toString().replaceFirst(
        "\\{\"name\":\"tagger\",\"type\":\\{[^}]*}", "{\"name\":\"tagger\",\"type\":\"long\"");
    registry.register(subject, new Schema.Parser().parse(changed));

    assertThatThrownBy(() -> SchemaCheck.verify(registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("This sink cannot read newswire.articles.enriched")
        .hasMessageContaining("version 2")
        .hasMessageContaining("tagger")
        .hasMessageContaining("Upgrade the sink");
  }
}
