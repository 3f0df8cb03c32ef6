package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.schema.RawArticle;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/** RawArticle 0.2 adds optional page metadata; records written by 0.1 must still be read (BACKWARD). */
class RawArticleEvolutionTest {
  @Test
  void theNewFieldsAreOptionalSoOldRecordsStillRead() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode old = (ObjectNode) json.readTree(RawArticle.getClassSchema().toString());
    ArrayNode fields = (ArrayNode) old.get("fields");
    Set<String> added = Set.of("author", "section", "declaredLanguage", "imageUrl");
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (added.contains(fields.get(i).get("name").asText())) {
        fields.remove(i);
      }
    }
    Schema before = new Schema.Parser().parse(old.toString());
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(RawArticle.getClassSchema(), before).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    for (String name : added) {
      assertThat(RawArticle.getClassSchema().getField(name).hasDefaultValue()).as(name).isTrue();
    }
  }
}
