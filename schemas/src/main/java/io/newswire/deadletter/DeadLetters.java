package io.newswire.deadletter;

import io.newswire.schema.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Builds the dead-letter envelope every stage writes to the dead-letter topic: the original bytes and
 * headers, where they came from, and what went wrong. Payloads are capped, since the reason matters more
 * than megabytes of junk; the original size is kept in a header.
 */
public final class DeadLetters {
  /** The payload kept when the caller has no limit of its own: {@link io.newswire.topics.RecordSizes} for the default article size. */
  public static final int MAX_PAYLOAD_BYTES =
      io.newswire.topics.RecordSizes.deadLetterPayloadBytes(io.newswire.topics.RecordSizes.DEFAULT_ARTICLE_MAX_BYTES);
  public static final String TRUNCATED_FROM_HEADER = "newswire.truncated.from";
  public static final String STACK_HEADER = "newswire.error.stacktrace";

  private DeadLetters() {}

  /** A record that came from a Kafka topic. */
  public static DeadLetter fromRecord(String stage, String topic, Integer partition, Long offset, byte[] key,
      byte[] value, Headers headers, Throwable error) {
    return fromRecord(stage, topic, partition, offset, key, value, headers, error, MAX_PAYLOAD_BYTES);
  }

  /** As above, keeping at most {@code maxPayload} bytes of the value. */
  public static DeadLetter fromRecord(String stage, String topic, Integer partition, Long offset, byte[] key,
      byte[] value, Headers headers, Throwable error, int maxPayload) {
    DeadLetter letter = of(stage, null, value, error, maxPayload);
    letter.setTopic(topic);
    letter.setPartition(partition);
    letter.setOffset(offset);
    letter.setKey(key == null ? null : ByteBuffer.wrap(key));
    if (headers != null) {
      for (Header h : headers) {
        letter.getHeaders().put(h.key(), ByteBuffer.wrap(h.value() == null ? new byte[0] : h.value()));
      }
    }
    return letter;
  }

  /** Input from outside Kafka: a file, a feed, an HTTP request. */
  public static DeadLetter fromOrigin(String stage, String origin, byte[] payload, Throwable error) {
    return of(stage, origin, payload, error, MAX_PAYLOAD_BYTES);
  }

  /** As above, keeping at most {@code maxPayload} bytes of the payload. */
  public static DeadLetter fromOrigin(String stage, String origin, byte[] payload, Throwable error, int maxPayload) {
    return of(stage, origin, payload, error, maxPayload);
  }

  private static DeadLetter of(String stage, String origin, byte[] payload, Throwable error, int maxPayload) {
    Map<String, ByteBuffer> headers = new HashMap<>();
    byte[] kept = payload;
    if (payload != null && payload.length > maxPayload) {
      kept = Arrays.copyOf(payload, maxPayload);
      headers.put(TRUNCATED_FROM_HEADER, utf8(Integer.toString(payload.length)));
    }
    StringWriter stack = new StringWriter();
    error.printStackTrace(new PrintWriter(stack));
    String trace = stack.toString();
    headers.put(STACK_HEADER, utf8(trace.length() > 8192 ? trace.substring(0, 8192) : trace));
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setOrigin(origin)
        .setValue(kept == null ? null : ByteBuffer.wrap(kept))
        .setHeaders(headers)
        .setErrorClass(error.getClass().getName())
        .setErrorMessage(messageOf(error))
        .setFailedAt(Instant.now())
        .build();
  }

  /** The message of the error and of its causes, which usually hold the actionable part. */
  public static String messageOf(Throwable error) {
    StringBuilder out = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable c = error.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !out.toString().contains(c.getMessage())) {
        out.append(" <- ").append(c.getMessage());
      }
    }
    return out.toString();
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
