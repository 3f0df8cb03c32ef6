package io.newswire.sink;

import io.newswire.schema.EnrichedArticle;

/** What one record of the enriched topic asks of a store: write this version of an article, or delete it. */
public sealed interface ArticleChange {
  String id();

  record Upsert(EnrichedArticle article) implements ArticleChange {
    @Override
    public String id() {
      return article.getArticle().getId();
    }
  }

  record Delete(String id) implements ArticleChange {}
}
