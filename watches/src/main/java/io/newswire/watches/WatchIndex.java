package io.newswire.watches;

import io.newswire.schema.Watch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All watches, filed so that an article is tried only against the watches it may match: each watch sits under
 * the index keys one of which every matching article must have ({@link Terms#keys}), e.g. an AND under its
 * rarest part and an OR under all of its parts. A watch that cannot be filed (one made only of NOT, or an OR with
 * such a part) is tried on every article; {@link #unindexed()} counts them.
 *
 * <p>Safe to update from one thread (the global store's) while others match.
 */
public final class WatchIndex {
  private final Map<String, Entry> watches = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byKey = new ConcurrentHashMap<>();
  private final Set<String> everywhere = ConcurrentHashMap.newKeySet();

  /** A watch and its parsed rule. */
  public record Entry(Watch watch, Rule rule, Set<String> keys) {}

  /** What one watch found in one article. */
  public record Match(Watch watch, List<String> matched) {}

  /**
   * Adds or replaces a watch.
   *
   * @throws RuleSyntaxException if its rule does not parse (the watch is then not kept)
   */
  public void put(Watch watch) {
    Rule rule = RuleParser.parse(watch.getRule());
    remove(watch.getId());
    Set<String> keys = anchors(rule);
    Entry entry = new Entry(watch, rule, keys);
    if (keys == null) {
      everywhere.add(watch.getId());
    } else {
      for (String key : keys) {
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watch.getId());
      }
    }
    watches.put(watch.getId(), entry);
  }

  public void remove(String id) {
    Entry old = watches.remove(id);
    if (old == null) {
      return;
    }
    if (old.keys() == null) {
      everywhere.remove(id);
    } else {
      for (String key : old.keys()) {
        Set<String> ids = byKey.get(key);
        if (ids != null) {
          ids.remove(id);
          if (ids.isEmpty()) {
            byKey.remove(key, ids);
          }
        }
      }
    }
  }

  public int size() {
    return watches.size();
  }

  /** Watches tried on every article, because no key is common to all the articles they match. */
  public int unindexed() {
    return everywhere.size();
  }

  public Entry get(String id) {
    return watches.get(id);
  }

  public Collection<Entry> all() {
    return watches.values();
  }

  /** The watches the article matches, in no particular order. */
  public List<Match> match(ArticleFacts article) {
    Set<String> candidates = new HashSet<>(everywhere);
    if (!byKey.isEmpty()) {
      for (String key : article.keys()) {
        Set<String> ids = byKey.get(key);
        if (ids != null) {
          candidates.addAll(ids);
        }
      }
    }
    List<Match> matches = new ArrayList<>();
    for (String id : candidates) {
      Entry entry = watches.get(id);
      if (entry == null) {
        continue;
      }
      List<String> matched = new ArrayList<>();
      if (entry.rule().test(article, entry.watch().getMinSalience(), matched)) {
        matches.add(new Match(entry.watch(), List.copyOf(matched)));
      }
    }
    matches.sort(java.util.Comparator.comparing(m -> m.watch().getId()));
    return matches;
  }

  /** The keys under which a rule is filed, or null if it must be tried on every article. */
  static Set<String> anchors(Rule rule) {
    if (rule instanceof Rule.Term term) {
      return Terms.keys(term);
    }
    if (rule instanceof Rule.Not) {
      return null;
    }
    if (rule instanceof Rule.Any any) {
      Set<String> union = new java.util.LinkedHashSet<>();
      for (Rule part : any.parts()) {
        Set<String> keys = anchors(part);
        if (keys == null) {
          return null;
        }
        union.addAll(keys);
      }
      return union;
    }
    Set<String> best = null;
    long bestWeight = Long.MAX_VALUE;
    for (Rule part : ((Rule.All) rule).parts()) {
      Set<String> keys = anchors(part);
      if (keys != null) {
        long weight = keys.stream().mapToLong(Terms::weight).sum();
        if (weight < bestWeight) {
          best = keys;
          bestWeight = weight;
        }
      }
    }
    return best;
  }
}
