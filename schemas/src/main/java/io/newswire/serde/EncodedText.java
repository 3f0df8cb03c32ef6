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
    byte[] bytes = encode(text);
    Recent recent = RECENT.get();
    recent.texts[recent.next] = text;
    recent.bytes[recent.next] = bytes;
    recent.next = (recent.next + 1) % SLOTS;
    return bytes;
  }

  /**
   * UTF-8, as {@code String.getBytes(UTF_8)} gives it (an unpaired surrogate becomes '?'). Java 17 encodes
   * text with any character beyond Latin-1 (curly quotes, dashes, most names in other scripts: much news) into
   * a buffer three times its length and then copies it; counting the bytes first and filling an array of the
   * exact size takes about half the time.
   */
  static byte[] encode(String text) {
    int n = text.length();
    int length = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        length++;
      } else {
        length += 3;
      }
    }
    if (length == n) {
      return text.getBytes(StandardCharsets.ISO_8859_1); // all ASCII: the JDK's copy is fastest
    }
    byte[] out = new byte[length];
    int p = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | c >> 6);
        out[p++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[p++] = (byte) (0xF0 | cp >> 18);
        out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[p++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(c)) {
        out[p++] = '?';
      } else {
        out[p++] = (byte) (0xE0 | c >> 12);
        out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[p++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return out;
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
