package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.sink.postgres.ArticleQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Ask PostgreSQL about the stored articles; docs/QUERYING.md shows the SQL behind each.",
        "With sink.store including opensearch, they ask OpenSearch instead (search, entity, topic and range with snippets and facets)."},
    subcommands = {QueryCommand.Search.class, QueryCommand.Entity.class, QueryCommand.Topic.class,
        QueryCommand.Range.class, QueryCommand.Trending.class})
final class QueryCommand extends CommandGroup {

  /** Options every query takes. */
  static class Common {
    @Mixin ConfigOptions options;

    @Option(names = "--from", description = "From this date or instant (2025-03-01 or 2025-03-01T12:00:00Z). Default: the beginning.")
    String from;

    @Option(names = "--to", description = "Up to (not including) this date or instant. Default: now.")
    String to;

    @Option(names = "--limit", defaultValue = "20", description = "Most rows. Default: ${DEFAULT-VALUE}")
    int limit;

    ArticleQueries queries() {
      NewswireConfig config = options.load();
      return new ArticleQueries(config.get(NewswireConfig.POSTGRES_URL), config.get(NewswireConfig.POSTGRES_USER),
          config.get(NewswireConfig.POSTGRES_PASSWORD));
    }

    Instant from() {
      return from == null ? Instant.EPOCH : instant(from);
    }

    Instant to() {
      return to == null ? Instant.now().plus(Duration.ofDays(1)) : instant(to);
    }

    static Instant instant(String text) {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
    }

    /** The OpenSearch search when sink.store includes opensearch, else null (PostgreSQL answers). */
    io.newswire.sink.search.ArticleSearch search() {
      NewswireConfig config = options.load();
      if (!config.sinkStores().contains("opensearch")) {
        return null;
      }
      return new io.newswire.sink.search.ArticleSearch(config.get(NewswireConfig.OPENSEARCH_URL),
          config.get(NewswireConfig.OPENSEARCH_USER), config.get(NewswireConfig.OPENSEARCH_PASSWORD),
          config.get(NewswireConfig.OPENSEARCH_INDEX));
    }

    static Integer print(io.newswire.sink.search.ArticleSearch.Result result) {
      for (var h : result.hits()) {
        System.out.printf("%-20s  %s  %s%n", h.when() == null ? "" : h.when().toString().substring(0, 16), h.title(),
            h.url() == null ? h.id() : h.url());
        h.snippets().forEach(snippet -> System.out.println("    … " + snippet + " …"));
      }
      result.facets().forEach((facet, counts) -> {
        if (!counts.isEmpty()) {
          System.out.println(String.format("%-14s", facet) + String.join(", ", counts.entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        }
      });
      System.err.println(result.hits().size() + " of " + result.total() + " articles (OpenSearch)");
      return 0;
    }

    static Integer print(List<ArticleQueries.Hit> hits) {
      for (ArticleQueries.Hit h : hits) {
        System.out.printf("%-20s  %-70s  %s%n", h.published() == null ? "" : h.published().toString().substring(0, 16),
            h.title().length() > 70 ? h.title().substring(0, 67) + "..." : h.title(), h.url() == null ? h.id() : h.url());
      }
      System.err.println(hits.size() + " articles");
      return 0;
    }
  }

  @Command(name = "search", description = {"Full-text search over titles and bodies (web search syntax: words, \"phrases\", -not, or).",
      "With sink.store including opensearch, it searches OpenSearch: highlighted snippets, and the people,",
      "organisations, places, topics and sources most common among the matches."})
  static final class Search extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "WORDS") String words;

    @Override
    public Integer call() throws Exception {
      var search = search();
      return search != null ? print(search.search(words, from(), to(), limit))
          : print(queries().search(words, from(), to(), limit));
    }
  }

  @Command(name = "entity", description = "Articles that mention an entity, by name (SQL ILIKE pattern) or id (PER:vladimir putin).")
  static final class Entity extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
      var search = search();
      return search != null ? print(search.run(io.newswire.sink.search.ArticleSearch.entityRequest(name, from(), to(), limit)))
          : print(queries().byEntity(name, from(), to(), limit));
    }
  }

  @Command(name = "topic", description = "Articles with a topic, by IPTC code (medtop:11000000) or label pattern (politics%%).")
  static final class Topic extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "TOPIC") String topic;

    @Override
    public Integer call() throws Exception {
      var search = search();
      return search != null ? print(search.run(io.newswire.sink.search.ArticleSearch.topicRequest(topic, from(), to(), limit)))
          : print(queries().byTopic(topic, from(), to(), limit));
    }
  }

  @Command(name = "range", description = "Articles published in a time range (--from, --to), newest first.")
  static final class Range extends Common implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      var search = search();
      return search != null ? print(search.run(io.newswire.sink.search.ArticleSearch.rangeRequest(from(), to(), limit)))
          : print(queries().inRange(from(), to(), limit));
    }
  }

  @Command(name = "trending", description = "Entities in the most articles in a time range (default: the last 24 hours).")
  static final class Trending extends Common implements Callable<Integer> {
    // An enum, so picocli refuses an unknown type with the allowed values and exit status 2.
    @Option(names = "--type", description = "One of ${COMPLETION-CANDIDATES}. Default: every type.")
    io.newswire.schema.EntityType type;

    @Override
    public Integer call() throws Exception {
      Instant start = from == null ? Instant.now().minus(Duration.ofHours(24)) : from();
      var search = search();
      if (search != null) {
        for (var t : search.trending(type == null ? null : type.name(), start, to(), limit)) {
          System.out.printf("%-5s %-40s %5d articles%n", t.type(), t.name(), t.articles());
        }
        return 0;
      }
      for (ArticleQueries.Trend t : queries().trending(type == null ? null : type.name(), start, to(), limit)) {
        System.out.printf("%-5s %-40s %5d articles %6d mentions%n", t.type(), t.name(), t.articles(), t.mentions());
      }
      return 0;
    }
  }
}
