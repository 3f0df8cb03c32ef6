package io.newswire.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-text search of the articles in OpenSearch: the words in web-search syntax over English-analysed titles
 * (weighted 3) and bodies, within a time range on publication (else fetch) time; highlighted snippets; and facets:
 * the people, organisations, places, topics and sources most common among all the matches.
 */
public final class ArticleSearch {
  /** One article found, with the best passages and their matched words between « and ». */
  public record Hit(String id, Instant when, String title, String url, double score, List<String> snippets) {}

  /** The articles found, how many matched in all, and the facets over all the matches. */
  public record Result(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {}

  static final Map<String, String> FACETS = new LinkedHashMap<>();

  static {
    FACETS.put("people", "people");
    FACETS.put("organisations", "organisations");
    FACETS.put("places", "places");
    FACETS.put("topics", "topic_labels");
    FACETS.put("sources", "feed");
  }

  private final OpenSearchClient client;
  private final String alias;

  public ArticleSearch(String url, String user, String password, String alias) {
    this.client = new OpenSearchClient(url, user, password);
    this.alias = alias;
  }

  /** The request body: exposed so the docs and tests show exactly what is asked. */
  public static String request(String words, Instant from, Instant to, int limit) {
    return request(wordsClause(words), from, to, limit).toString();
  }

  /** Articles naming an entity: a name pattern as 'query entity' takes it (% any run, _ one character), or an id. */
  public static String entityRequest(String name, Instant from, Instant to, int limit) {
    return request(entityClause(name), from, to, limit).toString();
  }

  /** Articles with a topic, by code or label. */
  public static String topicRequest(String codeOrLabel, Instant from, Instant to, int limit) {
    return request(topicClause(codeOrLabel), from, to, limit).toString();
  }

  /** The request for a whole filter: each part given is the clause of the requests above, joined by AND. */
  public static String findRequest(io.newswire.sink.ArticleFilter filter) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    var must = query.putObject("bool").putArray("must");
    if (filter.words() != null) {
      must.add(wordsClause(filter.words()));
    }
    if (filter.entity() != null) {
      must.add(entityClause(filter.entity()));
    }
    if (filter.topic() != null) {
      must.add(topicClause(filter.topic()));
    }
    if (filter.language() != null) {
      must.addObject().putObject("term").put("language", filter.language());
    }
    if (must.isEmpty()) {
      must.addObject().putObject("match_all");
    }
    ObjectNode body = request(query, filter.from(), filter.to(), filter.limit());
    if (filter.words() == null) {
      body.putArray("sort").addObject().put("when", "desc");
    }
    return body.toString();
  }

  private static ObjectNode wordsClause(String words) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    // web-search syntax as PostgreSQL's websearch_to_tsquery reads it: a standalone "or" means either side
    query.putObject("simple_query_string").put("query", words.replaceAll("\\s+(?i:or)\\s+", " | "))
        .put("default_operator", "and").putArray("fields").add("title^3").add("body");
    return query;
  }

  private static ObjectNode entityClause(String name) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    var should = query.putObject("bool").put("minimum_should_match", 1).putArray("should");
    should.addObject().putObject("term").putObject("entity_ids").put("value", name);
    String pattern = name.replace("*", "\\*").replace("?", "\\?").replace('%', '*').replace('_', '?');
    for (String field : new String[] {"people", "organisations", "places", "other"}) {
      should.addObject().putObject("wildcard").putObject(field).put("value", pattern).put("case_insensitive", true);
    }
    return query;
  }

  private static ObjectNode topicClause(String codeOrLabel) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    var should = query.putObject("bool").put("minimum_should_match", 1).putArray("should");
    should.addObject().putObject("term").putObject("topic_codes").put("value", codeOrLabel);
    should.addObject().putObject("term").putObject("topic_labels").put("value", codeOrLabel).put("case_insensitive", true);
    return query;
  }

  /** Every article in the range, newest first. */
  public static String rangeRequest(Instant from, Instant to, int limit) {
    ObjectNode query = OpenSearchClient.JSON.createObjectNode();
    query.putObject("match_all");
    ObjectNode body = request(query, from, to, limit);
    body.putArray("sort").addObject().put("when", "desc");
    return body.toString();
  }

  /** The query within the time range, with highlights and facets. */
  static ObjectNode request(ObjectNode query, Instant from, Instant to, int limit) {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode().put("size", limit).put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(query);
    bool.putArray("filter").addObject().putObject("range").putObject("when")
        .put("gte", from.toString()).put("lt", to.toString());
    ObjectNode highlight = body.putObject("highlight").put("pre_tags", "«").put("post_tags", "»");
    highlight.putObject("fields").putObject("body").put("fragment_size", 160).put("number_of_fragments", 2);
    body.putArray("_source").add("id").add("title").add("url").add("when");
    ObjectNode aggs = body.putObject("aggs");
    FACETS.forEach((name, field) -> aggs.putObject(name).putObject("terms").put("field", field).put("size", 5));
    return body;
  }

  public Result find(io.newswire.sink.ArticleFilter filter) {
    return run(findRequest(filter));
  }

  public Result search(String words, Instant from, Instant to, int limit) {
    return run(request(words, from, to, limit));
  }

  /** An entity and the number of articles in the range that name it. */
  public record Trend(String type, String name, long articles) {}

  /** The entities in the most articles of the range (of one type: PER, ORG, LOC, MISC; or of every type). */
  public List<Trend> trending(String type, Instant from, Instant to, int limit) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("PER", "people");
    fields.put("ORG", "organisations");
    fields.put("LOC", "places");
    fields.put("MISC", "other");
    ObjectNode body = OpenSearchClient.JSON.createObjectNode().put("size", 0);
    body.putObject("query").putObject("range").putObject("when").put("gte", from.toString()).put("lt", to.toString());
    ObjectNode aggs = body.putObject("aggs");
    fields.forEach((t, field) -> {
      if (type == null || type.equals(t)) {
        aggs.putObject(t).putObject("terms").put("field", field).put("size", limit);
      }
    });
    OpenSearchClient.Response response = client.send("POST", "/" + alias + "/_search", body.toString());
    if (response.status() >= 300) {
      throw new IllegalStateException("OpenSearch refused the query: HTTP " + response.status() + " " + response.body());
    }
    List<Trend> trends = new ArrayList<>();
    fields.keySet().forEach(t -> response.body().path("aggregations").path(t).path("buckets")
        .forEach(b -> trends.add(new Trend(t, b.path("key").asText(), b.path("doc_count").asLong()))));
    trends.sort(java.util.Comparator.comparingLong(Trend::articles).reversed().thenComparing(Trend::name));
    return trends.subList(0, Math.min(limit, trends.size()));
  }

  /** Runs a request made by one of the methods above. */
  public Result run(String request) {
    OpenSearchClient.Response response = client.send("POST", "/" + alias + "/_search", request);
    if (response.status() >= 300) {
      throw new IllegalStateException("OpenSearch refused the search: HTTP " + response.status() + " "
          + response.body().path("error").path("reason").asText(response.body().toString()));
    }
    JsonNode hits = response.body().path("hits");
    List<Hit> found = new ArrayList<>();
    for (JsonNode hit : hits.path("hits")) {
      JsonNode source = hit.path("_source");
      List<String> snippets = new ArrayList<>();
      hit.path("highlight").path("body").forEach(s -> snippets.add(s.asText().replaceAll("\\s+", " ")));
      found.add(new Hit(source.path("id").asText(), source.hasNonNull("when") ? Instant.parse(source.get("when").asText()) : null,
          source.path("title").asText(), source.path("url").asText(null), hit.path("_score").asDouble(), snippets));
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    FACETS.keySet().forEach(name -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      response.body().path("aggregations").path(name).path("buckets")
          .forEach(b -> counts.put(b.path("key").asText(), b.path("doc_count").asLong()));
      facets.put(name, counts);
    });
    return new Result(hits.path("total").path("value").asLong(), found, facets);
  }
}
