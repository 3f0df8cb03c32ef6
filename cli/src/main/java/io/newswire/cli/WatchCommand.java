package io.newswire.cli;

import io.newswire.admin.Watchlist;
import io.newswire.config.NewswireConfig;
import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Watch;
import io.newswire.sink.postgres.ArticleQueries;
import io.newswire.topics.Topics;
import io.newswire.watches.ArticleFacts;
import io.newswire.watches.RuleParser;
import io.newswire.watches.RuleSyntaxException;
import io.newswire.watches.StoredArticles;
import io.newswire.watches.WatchFiles;
import io.newswire.watches.WatchIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Watches: saved searches that raise an alert on " + Topics.ALERTS + " for every new article they"
        + " match. They live in " + Topics.WATCHES + "; enrich picks up a change within seconds.",
        "",
        "A rule: terms joined by AND, OR, NOT and parentheses, e.g.",
        "  person:\"Yevgeny Prigozhin\" AND place:Bakhmut",
        "  topic:\"disaster, accident and emergency incident\" AND country:TR",
        "  \"central bank\" AND (source:reuters.com OR source:apnews.com) AND NOT lang:de",
        "Fields: entity person org place misc topic country near phrase title lang source (docs/WATCHES.md).",
        "",
        "Exit status: 0 done; 1 error; 2 a bad rule, watch file or option (the message points at the bad part);"
            + " 3 no such watch."},
    subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Show.class,
        WatchCommand.Remove.class, WatchCommand.Test.class})
final class WatchCommand extends CommandGroup {

  @Command(name = "add", description = {"Add a watch, or replace the one with the same id.",
      "  newswire watch add wagner-bakhmut 'org:Wagner AND place:Bakhmut' --name 'Wagner at Bakhmut'",
      "  newswire watch add --file watches/central-bank.yaml"})
  static final class Add implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Letters, digits, '.', '_' and '-'.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RULE", description = "The rule, quoted for the shell.")
    String rule;

    @Option(names = "--file", paramLabel = "FILE", description = "A watch as a YAML or JSON file (id, name, rule, minSalience, webhook).")
    Path file;

    @Option(names = "--name", description = "What the watch is for. Default: its id.")
    String name;

    @Option(names = "--min-salience", defaultValue = "0", paramLabel = "0..1",
        description = "Entity terms only match entities at least this salient in the article. Default: ${DEFAULT-VALUE}")
    double minSalience;

    @Option(names = "--webhook", paramLabel = "URL", description = "Post this watch's alerts here rather than to notify.webhook.")
    String webhook;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Watch watch;
      try {
        if (file != null) {
          if (id != null || rule != null) {
            throw new IllegalArgumentException("give either --file or ID and RULE, not both");
          }
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
          }
          watch = WatchFiles.read(file);
        } else {
          if (id == null || rule == null) {
            throw new IllegalArgumentException("give ID and RULE (or --file FILE)");
          }
          watch = WatchFiles.watch(id, name == null ? id : name, RuleParser.parse(rule), minSalience, webhook, Instant.now());
        }
      } catch (RuleSyntaxException e) {
        System.err.println("newswire: the rule does not read:\n" + e.pointer());
        return 2;
      } catch (IllegalArgumentException | java.io.IOException e) {
        System.err.println("newswire: " + e.getMessage());
        return 2;
      }
      NewswireConfig config = options.load();
      Topics.requireTopics(config, "watch", Topics.WATCHES);
      Watchlist.put(config, watch);
      System.out.println("watch " + watch.getId() + ": " + watch.getRule());
      return 0;
    }
  }

  @Command(name = "list", description = "Every watch: id, minimum salience, rule.")
  static final class ListWatches implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      Map<String, Watch> all = Watchlist.all(options.load());
      all.values().forEach(w -> System.out.printf("%-24s %s%s%n", w.getId(), w.getRule(),
          w.getMinSalience() > 0 ? "  (min salience " + w.getMinSalience() + ")" : ""));
      System.err.println(all.size() + " watches");
      return 0;
    }
  }

  @Command(name = "show", description = "One watch in full.")
  static final class Show implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      Watch w = Watchlist.all(options.load()).get(id);
      if (w == null) {
        System.err.println("newswire: no watch " + id + " ('newswire watch list' shows them)");
        return 3;
      }
      System.out.printf("id           %s%nname         %s%nrule         %s%nmin salience %s%nwebhook      %s%ncreated      %s%n",
          w.getId(), w.getName(), w.getRule(), w.getMinSalience(), w.getWebhook() == null ? "(notify.webhook)" : w.getWebhook(),
          w.getCreatedAt());
      return 0;
    }
  }

  @Command(name = "remove", description = "Remove a watch (a tombstone in " + Topics.WATCHES + ").")
  static final class Remove implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() throws Exception {
      if (!Watchlist.remove(options.load(), id)) {
        System.err.println("newswire: no watch " + id);
        return 3;
      }
      System.out.println("watch " + id + " removed");
      return 0;
    }
  }

  @Command(name = "test", description = {"Try a watch on the latest stored articles (PostgreSQL) and print what it"
      + " matches and why. Raises no alerts.",
      "  newswire watch test wagner-bakhmut --last 1000",
      "  newswire watch test --rule 'org:NATO AND country:TR'"})
  static final class Test implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A saved watch.")
    String id;

    @Option(names = "--rule", description = "A rule to try without saving it.")
    String rule;

    @Option(names = "--min-salience", defaultValue = "0", description = "With --rule: as for 'watch add'.")
    double minSalience;

    @Option(names = "--last", defaultValue = "1000", description = "How many of the latest articles. Default: ${DEFAULT-VALUE}")
    int last;

    @Override
    public Integer call() throws Exception {
      NewswireConfig config = options.load();
      Watch watch;
      try {
        if (rule != null) {
          watch = WatchFiles.watch(id == null ? "test" : id, "test", RuleParser.parse(rule), minSalience, null, Instant.now());
        } else if (id != null) {
          watch = Watchlist.all(config).get(id);
          if (watch == null) {
            System.err.println("newswire: no watch " + id + " ('newswire watch list' shows them)");
            return 3;
          }
        } else {
          System.err.println("newswire: give a watch ID or --rule RULE");
          return 2;
        }
      } catch (RuleSyntaxException e) {
        System.err.println("newswire: the rule does not read:\n" + e.pointer());
        return 2;
      }
      WatchIndex index = new WatchIndex();
      index.put(watch);
      ArticleQueries queries = new ArticleQueries(config.get(NewswireConfig.POSTGRES_URL),
          config.get(NewswireConfig.POSTGRES_USER), config.get(NewswireConfig.POSTGRES_PASSWORD));
      AtomicInteger tried = new AtomicInteger();
      AtomicInteger matched = new AtomicInteger();
      queries.latestDocuments(last, document -> {
        tried.incrementAndGet();
        try {
          EnrichedArticle article = StoredArticles.fromDocument(document);
          for (WatchIndex.Match m : index.match(new ArticleFacts(article))) {
            matched.incrementAndGet();
            var raw = article.getArticle();
            Instant when = raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getFetchedAt();
            System.out.printf("%s  %s  %s%n    %s%n", when.toString().substring(0, 16), raw.getTitle(),
                raw.getUrl() == null ? raw.getId() : raw.getUrl(), String.join("; ", m.matched()));
          }
        } catch (java.io.IOException e) {
          System.err.println("newswire: skipped an article whose document does not read: " + e.getMessage());
        }
      });
      System.err.printf("%s matches %d of the latest %d articles%n", watch.getRule(), matched.get(), tried.get());
      return 0;
    }
  }
}
