package io.newswire.sink;

import java.util.List;

/**
 * A downstream store of enriched articles. Writes must be idempotent and keyed by article id and enrichment
 * version: a newer version replaces an older one, the same version again changes nothing, an older one
 * never overwrites a newer one, and a delete removes the article with everything found in it. That is what
 * makes replays and redeliveries safe. Adding a store means implementing this and nothing else.
 */
public interface Store extends AutoCloseable {

  /**
   * Applies the changes atomically (all or none).
   *
   * @throws StoreUnavailableException when the store cannot be reached: the caller retries the same batch
   * @throws StoreException when the data itself is refused: the caller isolates the bad records
   */
  void apply(List<ArticleChange> changes);

  /** Where the store is, for logs and status output (no secrets). */
  String describe();

  @Override
  void close();
}
