package io.newswire.enrich.tagger;

import io.newswire.schema.MediaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IPTC Media Topics by keyword evidence, the way IPTC's EXTRA rules and GDELT's themes work: the 17 top-level
 * topics scored by their share of all evidence (a title word counts twice), second-level topics under a
 * reported parent, and the user's own topics from a rules file in the same format. Every keyword is indexed
 * once, so matching costs a few map lookups per word whatever the number of rules.
 */
final class Topics {
  private record Rule(String code, String label, String parent, boolean user) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, List<Integer>> exact = new HashMap<>();
  private final Map<String, List<Integer>> prefixes = new HashMap<>();
  private final Map<String, List<String[]>> phrases = new HashMap<>();
  private final Map<String, List<Integer>> phraseRules = new HashMap<>();
  private int longestPrefix;

  Topics(Path userRules) {
    for (String[] row : Resources.tsv("/io/newswire/enrich/tagger/topics.tsv")) {
      add(row, false);
    }
    if (userRules != null) {
      try {
        for (String line : Files.readAllLines(userRules, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] row = line.split("\t", -1);
            if (row.length < 4) {
              throw new IllegalArgumentException("Topic rules file " + userRules + ": expected 4 tab-separated columns"
                  + " (code, label, parent, keywords) in line: " + line);
            }
            add(row, true);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the topic rules file " + userRules, e);
      }
    }
  }

  private void add(String[] row, boolean user) {
    int index = rules.size();
    rules.add(new Rule(row[0].trim(), row[1].trim(), row[2].isBlank() ? null : row[2].trim(), user));
    for (String k : row[3].split("\\|")) {
      String keyword = k.trim().toLowerCase(Locale.ROOT);
      if (keyword.isEmpty()) {
        continue;
      }
      if (keyword.contains(" ")) {
        String[] parts = keyword.split("\\s+");
        phrases.computeIfAbsent(parts[0], x -> new ArrayList<>()).add(parts);
        phraseRules.computeIfAbsent(keyword, x -> new ArrayList<>()).add(index);
      } else if (keyword.endsWith("*")) {
        String stem = keyword.substring(0, keyword.length() - 1);
        prefixes.computeIfAbsent(stem, x -> new ArrayList<>()).add(index);
        longestPrefix = Math.max(longestPrefix, stem.length());
      } else {
        exact.computeIfAbsent(keyword, x -> new ArrayList<>()).add(index);
      }
    }
  }

  List<MediaTopic> find(String title, String body) {
    double[] hits = new double[rules.size()];
    count(title, 2, hits);
    count(body, 1, hits);
    double total = 0;
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).parent() == null && !rules.get(r).user()) {
        total += hits[r];
      }
    }
    List<MediaTopic> out = new ArrayList<>();
    List<Integer> top = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.parent() == null && !rule.user() && hits[r] >= 2 && hits[r] / total >= 0.12) {
        top.add(r);
      }
    }
    top.sort((a, b) -> Double.compare(hits[b], hits[a]));
    Map<String, Double> reported = new HashMap<>();
    for (int r : top.subList(0, Math.min(4, top.size()))) {
      double score = round(hits[r] / total);
      out.add(new MediaTopic(rules.get(r).code(), rules.get(r).label(), score));
      reported.put(rules.get(r).code(), hits[r]);
    }
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.parent() != null && reported.containsKey(rule.parent()) && hits[r] >= 2) {
        double parentShare = out.stream().filter(t -> t.getCode().equals(rule.parent())).findFirst().orElseThrow().getScore();
        out.add(new MediaTopic(rule.code(), rule.label(), round(parentShare * Math.min(1, hits[r] / reported.get(rule.parent())))));
      } else if (rule.user() && rule.parent() == null && hits[r] >= 2) {
        out.add(new MediaTopic(rule.code(), rule.label(), round(Math.min(1, hits[r] / 5))));
      }
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private void count(String text, double weight, double[] hits) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty()) {
        continue;
      }
      add(exact.get(w), weight, hits);
      for (int len = 2; len <= Math.min(longestPrefix, w.length()); len++) {
        add(prefixes.get(w.substring(0, len)), weight, hits);
      }
      List<String[]> candidates = phrases.get(w);
      if (candidates != null) {
        for (String[] parts : candidates) {
          boolean match = i + parts.length <= words.length;
          for (int k = 1; k < parts.length && match; k++) {
            match = words[i + k].equals(parts[k]);
          }
          if (match) {
            add(phraseRules.get(String.join(" ", parts)), weight, hits);
          }
        }
      }
    }
  }

  private static void add(List<Integer> rules, double weight, double[] hits) {
    if (rules != null) {
      for (int r : rules) {
        hits[r] += weight;
      }
    }
  }
}
