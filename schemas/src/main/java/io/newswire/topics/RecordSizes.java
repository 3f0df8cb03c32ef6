package io.newswire.topics;

/**
 * One size limit, end to end. Ingest refuses input over {@code ingest.max.bytes}; every size downstream is
 * derived from it, so whatever ingest accepts can be enriched, stored and dead-lettered:
 * <ul>
 *   <li>{@link #recordMaxBytes}: every producer's {@code max.request.size} and every topic's {@code
 *       max.message.bytes}. An enriched record carries the article's text (at most the input's size in UTF-8)
 *       and its tags (entities, mentions, places, quotes: in the worst case about as large again), so three
 *       times the input plus a megabyte for everything else;
 *   <li>{@link #deadLetterPayloadBytes}: the most of the original a dead letter keeps, enough for a whole
 *       raw article, so a dead-lettered article can be re-driven;
 *   <li>{@link #REFUSED_HEAD_BYTES}: input refused for its size is dead-lettered with its head only.
 * </ul>
 */
public final class RecordSizes {
  public static final long DEFAULT_ARTICLE_MAX_BYTES = 10L * 1024 * 1024;
  /** Room for everything in a record that is not the article's text: headers, ids, tags, the envelope. */
  static final int OVERHEAD_BYTES = 1024 * 1024;
  /** What a dead letter keeps of input refused for its size: enough to see what it was. */
  public static final int REFUSED_HEAD_BYTES = 64 * 1024;

  private RecordSizes() {}

  public static int recordMaxBytes(long articleMaxBytes) {
    return (int) Math.min(Integer.MAX_VALUE / 2, 3 * articleMaxBytes + OVERHEAD_BYTES);
  }

  public static int deadLetterPayloadBytes(long articleMaxBytes) {
    return (int) Math.min(Integer.MAX_VALUE / 4, articleMaxBytes + OVERHEAD_BYTES / 4);
  }
}
