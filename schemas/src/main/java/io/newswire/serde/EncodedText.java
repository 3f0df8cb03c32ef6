package io.newswire.serde;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of the last few strings a thread encoded, so that the Avro serializer running next on the
 * same thread writes them without encoding them again. Ingest hashes each article's text (which needs its
 * UTF-8 bytes) and then serializes it: encoding a few KB of text twice was a quarter of its per-article work.
 * Strings are immutable and matched by identity, so a hit is always the right bytes; a miss just encodes.
 */
public final class EncodedText {
  private static final int SLOTS = 4;
  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

  /** A thread's last few strings and their bytes, overwritten in turn. */
  private static final class Recent {
    final String[] texts = new String[SLOTS];
    final byte[][] bytes = new byte[SLOTS][];
    int next;
  }

  private EncodedText() {}

  /** The UTF-8 bytes of {@code text}, remembered for this thread's next serialization. */
  public static byte[] utf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Recent recent = RECENT.get();
    recent.texts[recent.next] = text;
    recent.bytes[recent.next] = bytes;
    recent.next = (recent.next + 1) % SLOTS;
    return bytes;
  }

  /** The bytes remembered for this very string object, or null. */
  static byte[] lookup(Object text) {
    Recent recent = RECENT.get();
    for (int i = 0; i < SLOTS; i++) {
      if (recent.texts[i] == text) {
        return recent.bytes[i];
      }
    }
    return null;
  }
}
