package io.newswire.enrich.trends;

import io.newswire.schema.TrendKind;

/**
 * What a trend counts: an entity (with its type and canonical name) or a topic (with its label). Travels as
 * tab-separated text on the repartition topic and in the bucket store: cheaper than Avro for a few words.
 */
record Subject(TrendKind kind, String entityType, String name) {
  static Subject entity(String type, String name) {
    return new Subject(TrendKind.ENTITY, type, name);
  }

  static Subject topic(String label) {
    return new Subject(TrendKind.TOPIC, null, label);
  }

  String encode() {
    return kind.name() + '\t' + (entityType == null ? "" : entityType) + '\t' + clean(name);
  }

  static Subject decode(String text) {
    String[] parts = text.split("\t", 3);
    return new Subject(TrendKind.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1], parts[2]);
  }

  /** The type a /trends filter matches: PER, ORG, LOC, MISC, or TOPIC. */
  String filterType() {
    return kind == TrendKind.TOPIC ? "TOPIC" : entityType;
  }

  private static String clean(String s) {
    return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 ? s : s.replace('\t', ' ').replace('\n', ' ');
  }
}
