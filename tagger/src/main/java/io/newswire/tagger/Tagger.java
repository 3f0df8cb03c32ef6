package io.newswire.tagger;

/**
 * What the enrich topology needs from a tagger, and nothing more, so that another one (a heavier model a
 * user supplies) plugs in without touching the topology. Implementations must be thread-safe: Kafka Streams
 * calls one instance from every stream thread.
 */
public interface Tagger {

  /** Tags an article. Offsets in the result index into {@link Tagging#text(String, String)}. */
  Tagging tag(String title, String body);

  /** Name and version, recorded in every EnrichedArticle, e.g. {@code newswire-perceptron/1.0}. */
  String name();

  /**
   * Increases whenever a change to the tagger changes its output; the sink keeps the highest version of
   * each article, so a replay through a better tagger replaces older tags.
   */
  int enrichmentVersion();
}
