package io.newswire.sink;

import io.newswire.schema.EnrichedArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a batch of changes is reduced before a store applies it. */
public final class Batches {
  private Batches() {}

  /**
   * Whether {@code a} is a newer state of an article than {@code b}: a higher enrichment version (a better
   * tagger), or the same version of a later fetch (the article was updated at its source). Equal means the
   * same record again, which every store ignores.
   */
  public static int compare(EnrichedArticle a, EnrichedArticle b) {
    int byVersion = Integer.compare(a.getEnrichmentVersion(), b.getEnrichmentVersion());
    return byVersion != 0 ? byVersion : a.getArticle().getFetchedAt().compareTo(b.getArticle().getFetchedAt());
  }

  /**
   * One change per article: the last record of an article wins, except that among its upserts the newest
   * (see {@link #compare}) wins, so a batch never writes an older state over a newer one.
   */
  public static List<ArticleChange> latestPerArticle(List<ArticleChange> changes) {
    Map<String, ArticleChange> latest = new LinkedHashMap<>();
    for (ArticleChange change : changes) {
      ArticleChange previous = latest.get(change.id());
      if (change instanceof ArticleChange.Upsert u && previous instanceof ArticleChange.Upsert p
          && compare(p.article(), u.article()) > 0) {
        continue;
      }
      latest.remove(change.id());
      latest.put(change.id(), change);
    }
    return new ArrayList<>(latest.values());
  }
}
