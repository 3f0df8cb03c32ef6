package io.newswire.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
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
 * topics scored by their share of all evidence (a title word counts three times, a word of the first paragraph
 * twice), second-level topics under a reported parent, and the user's own topics from a rules file in the same
 * format. Every keyword is indexed once, so matching costs a few map lookups per word whatever the number of
 * rules.
 *
 * <p>Top-level topics blend two kinds of evidence: the keywords' share and the probability a learned word model
 * ({@link TopicWords}, every word of the training articles) gives the topic. A top-level topic's score is a
 * probability: how often a topic reported with that blended evidence was one of the article's topics on the
 * project's training articles, with word models that had not seen them ({@code topic-calibration.tsv}, fitted by
 * {@code newswire tag eval --on train --fit-calibration}). Every English article gets its best topic, with the
 * score it earns.
 */
final class Topics {
  private record Rule(String code, String label, String parent, boolean user) {
    /** Politics words (president, minister, government) appear in stories of every kind: they count less. */
    double weight() {
      return code.equals("medtop:11000000") ? POLITICS_WEIGHT : 1.0;
    }
  }

  /**
   * 0.6 until tagger 1.29: short political items of others ("Protesters demand PM's resignation", "Police arrest
   * opposition leader") went to society, crime or labour, as the issue's outside figures showed. At 0.8 the held-out
   * articles gave 289 and 280 (288 and 281 at 0.6), the pages of others one more whole page right.
   */
  private static final double POLITICS_WEIGHT = 0.8;
  /**
   * News is written as an inverted pyramid: the title and the first paragraph say what the story is about, later
   * paragraphs add background (a chip launch mentions the share price, a battle the diplomacy). Chosen on the
   * training articles only: title 2 and lead 1 (every word alike) 0.883, title 3 and lead 2 0.898.
   */
  static final double TITLE_WEIGHT = 3;
  static final double LEAD_WEIGHT = 2;

  /** The weight of a word of {@link #parts}' part: the title, the first paragraph, the rest. */
  static double weight(int part) {
    return part == 0 ? TITLE_WEIGHT : part == 1 ? LEAD_WEIGHT : 1;
  }

  /**
   * How much the learned word model counts against the keywords' share of evidence. Chosen by five-fold
   * cross-validation on the training articles (first topic right: 0.915 at 0.3 and 0.4, 0.908 at 0.5, 0.893 at 0.6).
   * The model knows only the training articles' voice: on 91 English pages of other publishers, tagger 1.11's model
   * alone put 39 first topics right where the keywords alone put 69, so it gets the smaller share.
   */
  static final double WORDS_WEIGHT = 0.4;
  /** A topic after the first is reported when its blended evidence reaches this. */
  static final double SECOND_TOPIC = 0.2;
  /** ... and when the probability that it is right is at least this. */
  static final double LEAST_SECOND_SCORE = 0.1;

  private final List<Rule> rules = new ArrayList<>();
  private final TopicWords words;
  /** Each rule's topic in the learned model's probabilities, or -1 (second-level and user topics). */
  private final int[] learnedIndex;
  /**
   * Upper bounds of raw evidence and the probability of being right below each (isotonic, so increasing): for an
   * article's first topic, and for the others. The first is right more often at the same evidence: it has the most.
   */
  private final double[] firstBounds;
  private final double[] firstProbabilities;
  private final double[] calibrationBounds;
  private final double[] calibrationProbabilities;
  /** The topic given to an article without any evidence, and its code's rule index. */
  private final int fallback;
  private final double fallbackScore;
  private final Map<String, List<Integer>> exact = new HashMap<>();
  /**
   * Organisations whose name says what a story is about (a club: sport; a chipmaker: science and technology), from
   * the runs of {@code organisations.txt} marked with a topic, to the rule of that topic. Matched against the names
   * the entity model tagged as organisations, with their capitals, so "Apple" the company counts and "apple" the
   * fruit does not, and a short item that names two clubs and no sport word still reads as sport.
   */
  private final Map<String, Integer> organisations = new HashMap<>();
  /** Prefix keywords ("elect*") in a character trie: a word is matched in one walk, with no substrings. */
  private static final class Node {
    char[] keys = new char[0];
    Node[] children = new Node[0];
    List<Integer> rules;

    Node child(char c, boolean create) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return children[i];
        }
      }
      if (!create) {
        return null;
      }
      keys = java.util.Arrays.copyOf(keys, keys.length + 1);
      children = java.util.Arrays.copyOf(children, children.length + 1);
      keys[keys.length - 1] = c;
      return children[children.length - 1] = new Node();
    }
  }

  private final Node prefixes = new Node();
  private final Map<String, List<String[]>> phrases = new HashMap<>();
  private final Map<String, List<Integer>> phraseRules = new HashMap<>();
  /** The words of a text: runs of letters, digits and hyphens (a scanner: the regex split was a tenth of tagging). */
  static String[] words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean part = c == '-' || Character.isLetter(c) || isNumber(c);
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      words.add(text.substring(start));
    }
    return words.toArray(new String[0]);
  }

  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  Topics(Path userRules) {
    this(userRules, TopicWords.shipped());
  }

  Topics(Path userRules, TopicWords words) {
    this.words = words;
    for (String[] row : Resources.tsv("/io/newswire/tagger/topics.tsv")) {
      add(row, false);
    }
    // The IPTC vocabulary's narrower topics' labels ("arson", "famine", "curling") count for their top-level topic.
    for (String[] row : Resources.tsv("/io/newswire/tagger/iptc-labels.tsv")) {
      int index = topLevel(row[0].trim());
      if (index < 0) {
        throw new IllegalStateException("iptc-labels.tsv names an unknown top-level topic: " + row[0]);
      }
      index(row[1], index);
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
    readOrganisations();
    List<double[]> table = new ArrayList<>();
    List<double[]> first = new ArrayList<>();
    String fallbackCode = null;
    double fallbackScore = 0;
    for (String[] row : Resources.tsv(CALIBRATION)) {
      if (row[0].trim().equals("fallback")) {
        fallbackCode = row[1].trim();
        fallbackScore = Double.parseDouble(row[2].trim());
      } else if (row[0].trim().equals("first")) {
        first.add(new double[] {Double.parseDouble(row[1].trim()), Double.parseDouble(row[2].trim())});
      } else {
        table.add(new double[] {Double.parseDouble(row[0].trim()), Double.parseDouble(row[1].trim())});
      }
    }
    calibrationBounds = table.stream().mapToDouble(r -> r[0]).toArray();
    calibrationProbabilities = table.stream().mapToDouble(r -> r[1]).toArray();
    // A table without first-topic rows (written before they were fitted apart) serves both.
    firstBounds = first.isEmpty() ? calibrationBounds : first.stream().mapToDouble(r -> r[0]).toArray();
    firstProbabilities = first.isEmpty() ? calibrationProbabilities : first.stream().mapToDouble(r -> r[1]).toArray();
    int found = -1;
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).code().equals(fallbackCode) && !rules.get(r).user()) {
        found = r;
      }
    }
    fallback = found;
    this.fallbackScore = fallbackScore;
    learnedIndex = new int[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      learnedIndex[r] = rules.get(r).parent() == null && !rules.get(r).user()
          ? java.util.Arrays.asList(words.codes).indexOf(rules.get(r).code()) : -1;
    }
  }

  private void readOrganisations() {
    Integer rule = null;
    for (String line : Resources.lines("/io/newswire/tagger/organisations.txt")) {
      if (line.startsWith("# topic:")) {
        String code = line.substring("# topic:".length()).trim();
        rule = null;
        for (int r = 0; r < rules.size() && !code.equals("none"); r++) {
          if (rules.get(r).code().equals(code) && rules.get(r).parent() == null && !rules.get(r).user()) {
            rule = r;
          }
        }
        if (rule == null && !code.equals("none")) {
          throw new IllegalStateException("organisations.txt names an unknown top-level topic: " + code);
        }
      } else if (rule != null && !line.isBlank() && !line.startsWith("#")) {
        organisations.put(line.trim(), rule);
      }
    }
  }

  /** Whether the name, as the organisations' list writes it, is a known organisation that is evidence for sport. */
  boolean sportOrganisation(String name) {
    Integer rule = organisations.get(name);
    return rule != null && rules.get(rule).code().equals(SPORT);
  }

  static final String SPORT = "medtop:15000000";

  /** How many of the words (any case) are keywords of the top-level topic {@code code}; each word counts once. */
  int keywords(String[] words, String code) {
    String[] lower = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
    }
    double[] hits = new double[rules.size()];
    count(lower, 1, hits, new int[rules.size()], 0);
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).code().equals(code) && !rules.get(r).user()) {
        return (int) hits[r];
      }
    }
    return 0;
  }

  private void add(String[] row, boolean user) {
    int index = rules.size();
    rules.add(new Rule(row[0].trim(), row[1].trim(), row[2].isBlank() ? null : row[2].trim(), user));
    index(row[3], index);
  }

  /** The shipped top-level rule of the code, or -1. */
  private int topLevel(String code) {
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).code().equals(code) && rules.get(r).parent() == null && !rules.get(r).user()) {
        return r;
      }
    }
    return -1;
  }

  /** Indexes the |-separated keywords as evidence for the rule {@code index}. */
  private void index(String keywords, int index) {
    for (String k : keywords.split("\\|")) {
      String keyword = k.trim().toLowerCase(Locale.ROOT);
      if (keyword.isEmpty()) {
        continue;
      }
      if (keyword.contains(" ")) {
        String[] parts = keyword.split("\\s+");
        String phrase = String.join(" ", parts);
        // A phrase shared by several rules ("prime minister": politics and government) is walked once and
        // credits each rule once.
        if (!phraseRules.containsKey(phrase)) {
          phrases.computeIfAbsent(parts[0], x -> new ArrayList<>()).add(parts);
        }
        once(phraseRules.computeIfAbsent(phrase, x -> new ArrayList<>()), index);
      } else if (keyword.endsWith("*")) {
        String stem = keyword.substring(0, keyword.length() - 1);
        Node node = prefixes;
        for (int c = 0; c < stem.length(); c++) {
          node = node.child(stem.charAt(c), true);
        }
        if (node.rules == null) {
          node.rules = new ArrayList<>();
        }
        once(node.rules, index);
      } else {
        once(exact.computeIfAbsent(keyword, x -> new ArrayList<>()), index);
      }
    }
  }

  /** A keyword listed twice in one rule counts once: a rules file is a list of words, not of weights. */
  private static void once(List<Integer> rules, int index) {
    if (!rules.contains(index)) {
      rules.add(index);
    }
  }

  static final String CALIBRATION = "/io/newswire/tagger/topic-calibration.tsv";

  /** The probability that a topic with this raw evidence is right, from the calibration table. */
  double calibrated(double raw, boolean first) {
    double[] bounds = first ? firstBounds : calibrationBounds;
    double[] probabilities = first ? firstProbabilities : calibrationProbabilities;
    for (int i = 0; i < bounds.length; i++) {
      if (raw <= bounds[i]) {
        return probabilities[i];
      }
    }
    return bounds.length == 0 ? raw : probabilities[probabilities.length - 1];
  }

  List<MediaTopic> find(String title, String body) {
    return find(title, body, List.of());
  }

  /** The topics of an article whose entities are known: organisations named as such are evidence too. */
  List<MediaTopic> find(String title, String body, List<Entity> entities) {
    return find(title, body, entities, true, words);
  }

  /** The topics with their raw (blended) evidence in place of calibrated scores. */
  List<MediaTopic> raw(String title, String body, List<Entity> entities) {
    return find(title, body, entities, false, words);
  }

  /**
   * As {@link #find(String, String)}; {@code calibrate} false gives top-level topics their raw evidence (for
   * fitting), and {@code model} is the learned model to blend (a model that never saw the article, when fitting).
   */
  List<MediaTopic> find(String title, String body, List<Entity> entities, boolean calibrate, TopicWords model) {
    if (model != words && !java.util.Arrays.equals(model.codes, words.codes)) {
      throw new IllegalArgumentException("A topic words model for other topics: " + String.join(",", model.codes));
    }
    double[] hits = new double[rules.size()];
    int[] credited = new int[rules.size()];
    // The words of the title, the first paragraph and the rest, in lower case: read once for both halves.
    String[][] parts = parts(title, body);
    int counted = 0;
    for (int p = 0; p < parts.length; p++) {
      counted = count(parts[p], weight(p), hits, credited, counted);
    }
    countOrganisations(entities, title.length(), body.indexOf('\n'), hits);
    for (int r = 0; r < rules.size(); r++) {
      hits[r] *= rules.get(r).weight();
    }
    double total = 0;
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).parent() == null && !rules.get(r).user()) {
        total += hits[r];
      }
    }
    // The keywords' share of evidence blended with the learned model's probability, per top-level topic.
    double[] blended = new double[rules.size()];
    double[] learned = model.probabilities(parts);
    List<Integer> top = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.parent() == null && !rule.user()) {
        double p = learnedIndex[r] < 0 ? 0 : learned[learnedIndex[r]];
        blended[r] = WORDS_WEIGHT * p + (1 - WORDS_WEIGHT) * (total > 0 ? hits[r] / total : 0);
        if (blended[r] > 0) {
          top.add(r);
        }
      }
    }
    top.sort((a, b) -> Double.compare(blended[b], blended[a]));
    // Every article gets its best topic; the others when their blended evidence is strong enough, or their keywords
    // alone are (two title words, or a fair share of all the keywords).
    for (int k = top.size() - 1; k >= 1; k--) {
      int r = top.get(k);
      if (blended[r] < SECOND_TOPIC && !(hits[r] >= 2 && hits[r] / total >= 0.12)) {
        top.remove(k);
      }
    }
    List<MediaTopic> out = new ArrayList<>();
    Map<String, Double> reported = new HashMap<>();
    for (int r : top.subList(0, Math.min(4, top.size()))) {
      double score = calibrate ? calibrated(blended[r], out.isEmpty()) : blended[r];
      if (calibrate && !out.isEmpty() && score < LEAST_SECOND_SCORE) {
        continue; // a further topic that is almost never right ("health 0.01" beside a storm) is noise
      }
      out.add(new MediaTopic(rules.get(r).code(), rules.get(r).label(), round(score)));
      reported.put(rules.get(r).code(), hits[r]);
    }
    if (out.isEmpty() && fallback >= 0) {
      // No keyword matched at all: the topic most often right on such articles, with the score it earns.
      out.add(new MediaTopic(rules.get(fallback).code(), rules.get(fallback).label(), round(calibrate ? fallbackScore : 0)));
      reported.put(rules.get(fallback).code(), 0.0);
    }
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (rule.parent() != null && reported.containsKey(rule.parent()) && hits[r] >= 2) {
        double parentShare = out.stream().filter(t -> t.getCode().equals(rule.parent())).findFirst().orElseThrow().getScore();
        out.add(new MediaTopic(rule.code(), rule.label(), round(parentShare * Math.min(1, hits[r] / Math.max(hits[r],
            reported.get(rule.parent()))))));
      } else if (rule.user() && rule.parent() == null && hits[r] >= 2) {
        out.add(new MediaTopic(rule.code(), rule.label(), round(Math.min(1, hits[r] / 5))));
      }
    }
    return out;
  }

  /** Each mention of a known organisation is a piece of evidence, weighted by where it is, as a keyword is. */
  private void countOrganisations(List<Entity> entities, int titleLength, int lead, double[] hits) {
    if (organisations.isEmpty()) {
      return;
    }
    int bodyStart = titleLength + 2; // mentions are offsets into title + "\n\n" + body
    for (Entity e : entities) {
      if (e.getType() != EntityType.ORG) {
        continue;
      }
      Integer byName = organisations.get(e.getName());
      for (Mention m : e.getMentions()) {
        Integer rule = organisations.getOrDefault(m.getText(), byName);
        if (rule != null) {
          int part = m.getStart() < titleLength ? 0 : lead < 0 || m.getStart() - bodyStart < lead ? 1 : 2;
          hits[rule] += weight(part);
        }
      }
    }
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** Counts the evidence in one part of the article; returns the number of words counted so far. */
  /** The lower-case words of the title, the first paragraph and the rest of the body. */
  static String[][] parts(String title, String body) {
    int lead = body.indexOf('\n');
    return new String[][] {words(title.toLowerCase(Locale.ROOT)),
        words((lead < 0 ? body : body.substring(0, lead)).toLowerCase(Locale.ROOT)),
        lead < 0 ? new String[0] : words(body.substring(lead + 1).toLowerCase(Locale.ROOT))};
  }

  private int count(String[] words, double weight, double[] hits, int[] credited, int counted) {
    // A phrase says what its words mean: a word inside a matched phrase credits only the phrase's topics with its
    // single-word keywords ("financial crash" is the economy's, and its "crash" no disaster's). The rules of the
    // phrases covering each word, filled as phrases are found (a phrase starts at or before the words it covers).
    List<Integer>[] claimed = null;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      List<String[]> candidates = phrases.get(w);
      if (candidates != null) {
        for (String[] parts : candidates) {
          boolean match = i + parts.length <= words.length;
          for (int k = 1; k < parts.length && match; k++) {
            String part = parts[k];
            match = part.endsWith("*") ? words[i + k].startsWith(part.substring(0, part.length() - 1))
                : words[i + k].equals(part);
          }
          if (match) {
            List<Integer> rules = phraseRules.get(String.join(" ", parts));
            add(rules, weight, hits);
            if (rules.stream().allMatch(r -> this.rules.get(r).user())) {
              continue; // a user's own phrase adds to the user's topic and takes nothing from the shipped ones
            }
            if (claimed == null) {
              @SuppressWarnings("unchecked")
              List<Integer>[] fresh = new List[words.length];
              claimed = fresh;
            }
            for (int k = 0; k < parts.length; k++) {
              if (claimed[i + k] == null) {
                claimed[i + k] = new ArrayList<>(rules);
              } else {
                claimed[i + k].addAll(rules);
              }
            }
          }
        }
      }
      // One word is one piece of evidence for a rule, however many of its keywords match it ("poet*" and
      // "poetry" both match "poetry"): the word's number marks the rules it has already credited.
      int stamp = ++counted;
      List<Integer> only = claimed == null ? null : claimed[i];
      credit(exact.get(w), weight, hits, credited, stamp, only);
      Node node = prefixes;
      for (int c = 0; c < w.length() && node != null; c++) {
        node = node.child(w.charAt(c), false);
        if (node != null && c >= 1) {
          credit(node.rules, weight, hits, credited, stamp, only);
        }
      }
    }
    return counted;
  }

  /**
   * Credits each rule once per word; {@code only}, when given, are the shipped rules the word may credit (a user's
   * topics are never held back by the shipped phrases).
   */
  private void credit(List<Integer> rules, double weight, double[] hits, int[] credited, int stamp,
      List<Integer> only) {
    if (rules != null) {
      for (int r : rules) {
        if (credited[r] != stamp && (only == null || only.contains(r) || this.rules.get(r).user())) {
          credited[r] = stamp;
          hits[r] += weight;
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
