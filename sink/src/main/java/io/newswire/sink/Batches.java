package io.newswire.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a batch of changes is reduced before a store applies it. */
public final class Batches {
  private Batches() {}

  /**
   * One change per article: the last record of an article wins, except that among its upserts the highest
   * enrichment version wins, so a batch never writes an older version over a newer one.
   */
  public static List<ArticleChange> latestPerArticle(List<ArticleChange> changes) {
    Map<String, ArticleChange> latest = new LinkedHashMap<>();
    for (ArticleChange change : changes) {
      ArticleChange previous = latest.get(change.id());
      if (change instanceof ArticleChange.Upsert u && previous instanceof ArticleChange.Upsert p
          && p.article().getEnrichmentVersion() > u.article().getEnrichmentVersion()) {
        continue;
      }
      latest.remove(change.id());
      latest.put(change.id(), change);
    }
    return new ArrayList<>(latest.values());
  }
}
