package io.newswire.dev.bench;

import io.newswire.schema.EnrichedArticle;
import io.newswire.sink.ArticleChange;
import io.newswire.sink.search.OpenSearchClient;
import io.newswire.sink.search.OpenSearchStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenSearch store against a plain {@code _bulk} of the same documents: the store builds each document, sends
 * it with its external version through the alias and reads every item's result; the plain path sends bodies built
 * beforehand (not timed) into another index of the same template, in the same batch size.
 */
public final class SearchBenchmark {
  public record Result(String what, int articles, double seconds) {
    public double articlesPerSecond() {
      return articles / seconds;
    }
  }

  private SearchBenchmark() {}

  public static Result store(String url, String alias, List<EnrichedArticle> articles, int batchSize) {
    OpenSearchStore store = new OpenSearchStore(url, "", "", alias);
    long offset = 0;
    long t0 = System.nanoTime();
    for (int from = 0; from < articles.size(); from += batchSize) {
      List<ArticleChange> batch = new ArrayList<>();
      for (EnrichedArticle a : articles.subList(from, Math.min(articles.size(), from + batchSize))) {
        batch.add(new ArticleChange.Upsert(a, 0, offset++));
      }
      store.apply(batch);
    }
    return new Result("newswire sink (OpenSearchStore, " + batchSize + " per batch)", articles.size(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** The same documents as plain index actions, into {@code alias} (made by a store first, so the same template). */
  public static Result bulk(String url, String alias, List<EnrichedArticle> articles, int batchSize) {
    new OpenSearchStore(url, "", "", alias); // the index and its template, as the store makes them
    OpenSearchClient client = new OpenSearchClient(url, "", "");
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < articles.size(); from += batchSize) {
      StringBuilder body = new StringBuilder();
      for (EnrichedArticle a : articles.subList(from, Math.min(articles.size(), from + batchSize))) {
        body.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":\"").append(a.getArticle().getId())
            .append("\"}}\n").append(OpenSearchStore.document(a)).append('\n');
      }
      bodies.add(body.toString());
    }
    long t0 = System.nanoTime();
    for (String body : bodies) {
      var response = client.send("POST", "/_bulk", body, "application/x-ndjson");
      if (response.status() >= 300 || response.body().path("errors").asBoolean()) {
        throw new IllegalStateException("plain _bulk failed: " + response.body());
      }
    }
    return new Result("plain _bulk of the same documents", articles.size(), (System.nanoTime() - t0) / 1e9);
  }
}
