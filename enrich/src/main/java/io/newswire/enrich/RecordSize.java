package io.newswire.enrich;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.Mention;
import io.newswire.schema.Quote;
import io.newswire.schema.RawArticle;
import java.util.Map;

/**
 * The size of an enriched article's Avro record, estimated from above without serialising it: strings by
 * their UTF-8 length, everything else by a generous constant. Close enough to tell a record that fits from
 * one that does not, at a fraction of a second serialisation.
 */
final class RecordSize {
  private static final int FIELD = 16; // lengths, numbers, enum indexes, union branches of one small item
  private static final int ENVELOPE = 4096; // ids, dates, language, tagger, schema id

  private RecordSize() {}

  static long estimate(EnrichedArticle a) {
    RawArticle r = a.getArticle();
    long bytes = ENVELOPE + utf8(r.getTitle()) + utf8(r.getBody()) + utf8(r.getUrl()) + utf8(r.getSource())
        + utf8(r.getFeed());
    if (r.getMetadata() != null) {
      for (Map.Entry<String, String> e : r.getMetadata().entrySet()) {
        bytes += FIELD + utf8(e.getKey()) + utf8(e.getValue());
      }
    }
    for (Entity e : a.getEntities()) {
      bytes += 4 * FIELD + utf8(e.getId()) + utf8(e.getName());
      for (Mention m : e.getMentions()) {
        bytes += 2 * FIELD + utf8(m.getText());
      }
    }
    bytes += (long) a.getPlaces().size() * 256 + (long) a.getTopics().size() * 128;
    for (Quote q : a.getQuotes()) {
      bytes += 4 * FIELD + utf8(q.getText()) + utf8(q.getSpeaker()) + utf8(q.getSpeakerEntityId());
    }
    return bytes;
  }

  static long utf8(CharSequence s) {
    if (s == null) {
      return 0;
    }
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes
    }
    return n;
  }
}
