package io.newswire.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Confluent's framing: magic byte 0, a big-endian int32 schema id, then plain Avro binary. Newer Confluent
 * clients may instead carry the id in a {@code __key_schema_id} / {@code __value_schema_id} header; the
 * reader accepts that form too when the header holds a magic-0 id.
 */
final class WireFormat {
  static final byte MAGIC = 0;
  static final int PREFIX = 5;
  static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
  static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";

  private WireFormat() {}

  record Framed(int schemaId, int payloadOffset) {}

  static Framed read(String topic, boolean isKey, Headers headers, byte[] bytes) {
    Header header = headers == null ? null
        : headers.lastHeader(isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER);
    if (header != null) {
      byte[] id = header.value();
      if (id != null && id.length == PREFIX && id[0] == MAGIC) {
        return new Framed(ByteBuffer.wrap(id, 1, 4).getInt(), 0);
      }
      throw new SerializationException("Record on topic " + topic + " carries a schema GUID header; only"
          + " integer schema ids are supported");
    }
    if (bytes.length < PREFIX || bytes[0] != MAGIC) {
      throw new SerializationException("Record on topic " + topic + " is not Confluent-framed Avro: "
          + (bytes.length < PREFIX ? "only " + bytes.length + " bytes" : "magic byte " + bytes[0] + " instead of 0")
          + ". Was it written by another serializer?");
    }
    return new Framed(ByteBuffer.wrap(bytes, 1, 4).getInt(), PREFIX);
  }

  static void writePrefix(java.io.ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }
}
