package io.newswire.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as plain JSON for document stores and JSON columns: unions unwrapped, timestamps as
 * ISO-8601 strings, bytes as base64. (Avro's own JSON encoding wraps unions, which queries would have to
 * unwrap again.)
 */
public final class ArticleDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArticleDocument() {}

  public static String json(IndexedRecord record) {
    try {
      return JSON.writeValueAsString(node(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An article's document and the SHA-256 of what enrichment produced: the document without {@code enrichedAt},
   * which changes at every enrichment even when nothing else does. Equal hashes mean the same stored content.
   */
  public record Stored(String json, String enrichmentHash) {}

  /** The document and its hash from one walk of the record. */
  public static Stored stored(io.newswire.schema.EnrichedArticle article) {
    ObjectNode node = (ObjectNode) node(article);
    try {
      String json = JSON.writeValueAsString(node);
      node.remove("enrichedAt");
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(node));
      return new Stored(json, java.util.HexFormat.of().formatHex(digest));
    } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof IndexedRecord record) {
      ObjectNode object = NODES.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        object.set(field.name(), node(record.get(field.pos())));
      }
      return object;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(k.toString(), node(v)));
      return object;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(node(v)));
      return array;
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(instant.toString());
    }
    if (value instanceof ByteBuffer bytes) {
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes.duplicate().array()));
    }
    if (value instanceof Number || value instanceof Boolean) {
      return JSON.valueToTree(value);
    }
    if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    }
    return NODES.textNode(value.toString());
  }
}
