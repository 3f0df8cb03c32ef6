package io.newswire.sink;

import io.newswire.schema.EnrichedArticle;

/**
 * What one record of the enriched topic asks of a store: write this version of an article, or delete it. The
 * record's partition and offset come along (-1 when the change did not come from Kafka): Kafka keeps an article's
 * records in order in one partition, so an append-only store orders a delete against the versions by offset.
 */
public sealed interface ArticleChange {
  String id();

  int partition();

  long offset();

  record Upsert(EnrichedArticle article, int partition, long offset) implements ArticleChange {
    public Upsert(EnrichedArticle article) {
      this(article, -1, -1);
    }

    @Override
    public String id() {
      return article.getArticle().getId();
    }
  }

  record Delete(String id, int partition, long offset) implements ArticleChange {
    public Delete(String id) {
      this(id, -1, -1);
    }
  }
}
