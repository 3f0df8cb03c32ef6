package io.newswire.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.sink.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index Newswire owns, migrated the way Flyway migrates PostgreSQL: an index template of a known
 * {@link #VERSION} ({@code index-template-vN.json}), a concrete index per version ({@code ALIAS-vN}), and the alias
 * that every reader and writer uses. A newer template creates the next index, copies the documents across with
 * their versions ({@code _reindex}, external versioning), and swaps the alias in one atomic call, so searches never
 * see an empty or half-filled index. The old index stays until an operator deletes it.
 */
public final class SearchIndex {
  /** The version of the template this build ships; raise it with a new index-template-vN.json. */
  public static final int VERSION = 1;
  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  private SearchIndex() {}

  public static String concrete(String alias, int version) {
    return alias + "-v" + version;
  }

  /** Brings the template, the index and the alias to {@link #VERSION}; returns the index the alias points at. */
  public static String migrate(OpenSearchClient client, String alias) {
    String template = template(alias);
    OpenSearchClient.Response put = client.send("PUT", "/_index_template/" + alias, template);
    require(put, "put the index template " + alias);
    String target = concrete(alias, VERSION);
    OpenSearchClient.Response current = client.send("GET", "/_alias/" + alias, null);
    String from = null;
    if (current.status() == 200) {
      Iterator<String> indices = current.body().fieldNames();
      from = indices.hasNext() ? indices.next() : null;
    }
    if (target.equals(from)) {
      return target;
    }
    OpenSearchClient.Response exists = client.send("HEAD", "/" + target, null);
    if (exists.status() == 404) {
      require(client.send("PUT", "/" + target, "{}"), "create the index " + target);
    }
    if (from != null) {
      log.info("Search index {}: copying {} into {} (template version {})", alias, from, target, VERSION);
      // _reindex reads by search: documents written since the last refresh would be left behind
      require(client.send("POST", "/" + from + "/_refresh", null), "refresh " + from);
      require(client.send("POST", "/_reindex?wait_for_completion=true&refresh=true",
          "{\"conflicts\":\"proceed\",\"source\":{\"index\":\"" + from + "\"},\"dest\":{\"index\":\"" + target
              + "\",\"version_type\":\"external\"}}"), "copy " + from + " into " + target);
      require(client.send("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + from + "\",\"alias\":\""
          + alias + "\"}},{\"add\":{\"index\":\"" + target + "\",\"alias\":\"" + alias + "\"}}]}"), "swap the alias");
      log.info("Search index {} now points at {}; {} can be deleted once you are satisfied", alias, target, from);
    } else {
      require(client.send("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + target + "\",\"alias\":\""
          + alias + "\"}}]}"), "add the alias " + alias);
    }
    return target;
  }

  static String template(String alias) {
    try (InputStream in = SearchIndex.class.getResourceAsStream("/opensearch/index-template-v" + VERSION + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ALIAS@", alias);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void require(OpenSearchClient.Response response, String what) {
    if (response.status() >= 300) {
      JsonNode error = response.body().path("error");
      throw new StoreException("OpenSearch refused to " + what + ": HTTP " + response.status() + " "
          + (error.isMissingNode() ? response.body() : error.path("reason").asText(error.toString())), null);
    }
  }
}
