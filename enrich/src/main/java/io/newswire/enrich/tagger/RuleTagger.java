package io.newswire.enrich.tagger;

import io.newswire.schema.Entity;
import io.newswire.schema.EntityType;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.schema.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first, simple tagger: capitalised spans classified by word lists (titles, organisation words,
 * acronyms, nationalities) and a small gazetteer; short names joined to the long form used earlier; IPTC
 * topics by keyword counts; quotes attributed by speech verbs; language by function words. Fast and
 * predictable, and a baseline to measure a statistical tagger against.
 */
public final class RuleTagger implements Tagger {
  private static final String DATA = "/io/newswire/enrich/tagger/";
  private static final Set<String> CONNECTORS = Set.of("of", "de", "da", "del", "van", "von", "bin", "al", "la", "du", "for", "and");
  private static final Set<String> STOP = Set.of("The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It",
      "They", "We", "I", "You", "This", "That", "These", "Those", "After", "Before", "When", "While", "As", "If", "Its",
      "His", "Her", "Their", "Our", "For", "From", "With", "By", "To", "Of", "Some", "Many", "Most", "All", "No", "Not",
      "There", "Here", "What", "Who", "Why", "How", "Where", "Yet", "So", "Also", "Meanwhile", "However", "According",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
      "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms",
      "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Read", "More", "Last", "Next", "One", "Two", "Three", "Such", "Under",
      "Over", "During", "Despite", "Celsius", "Fahrenheit", "Since", "Until", "Then", "Now", "Today", "Officials", "Police", "Earlier", "Later");
  private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "warned", "insisted", "stated",
      "wrote", "declared", "explained", "according", "quoted", "asked", "replied", "announced");
  private static final Set<String> LOC_CUES = Set.of("in", "at", "near", "from", "to", "across", "outside", "around", "into", "towards");

  private final Gazetteer gazetteer = new Gazetteer(DATA + "places.tsv");
  private final Set<String> titles = new HashSet<>();
  private final Set<String> orgWords = new HashSet<>();
  private final Set<String> acronyms = new HashSet<>();
  private final Set<String> demonyms = new HashSet<>();
  private final List<String[]> topics = Resources.tsv(DATA + "topics.tsv");
  private final LanguageGuesser languages = new LanguageGuesser();

  public RuleTagger() {
    for (String[] row : Resources.tsv(DATA + "lexicon.tsv")) {
      String word = row[1].trim();
      switch (row[0]) {
        case "title" -> titles.addAll(List.of(word.split(" ")));
        case "orgword" -> orgWords.add(word);
        case "acronym" -> acronyms.add(word);
        case "demonym" -> demonyms.add(word);
        default -> throw new IllegalStateException("Unknown lexicon kind " + row[0]);
      }
    }
  }

  @Override
  public String name() {
    return "newswire-rules/0.1";
  }

  @Override
  public int enrichmentVersion() {
    return 1;
  }

  private record Found(EntityType type, int start, int end, String text) {}

  @Override
  public Tagging tag(String title, String body) {
    String text = Tagging.text(title, body);
    List<Token> tokens = Token.of(text);
    List<Found> found = findMentions(text, tokens);
    Map<String, Entity> entities = group(found, title.length());
    List<Place> places = new ArrayList<>();
    for (Entity e : entities.values()) {
      if (e.getType() == EntityType.LOC) {
        Gazetteer.Entry entry = gazetteer.find(e.getName());
        if (entry != null) {
          places.add(gazetteer.place(e.getId(), entry));
        }
      }
    }
    List<Entity> ordered = new ArrayList<>(entities.values());
    ordered.sort((a, b) -> Double.compare(b.getSalience(), a.getSalience()));
    return new Tagging(languages.guess(text), ordered, places, topics(title, body), quotes(text, ordered));
  }

  private List<Found> findMentions(String text, List<Token> tokens) {
    List<Found> found = new ArrayList<>();
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      Token t = tokens.get(i);
      if (!t.capitalised() || !Character.isLetter(t.text().codePointAt(0))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n) {
        Token next = tokens.get(j);
        boolean sameLine = text.substring(tokens.get(j - 1).end(), next.start()).indexOf('\n') < 0;
        if (!sameLine) {
          break;
        }
        if (next.capitalised() && Character.isLetter(next.text().codePointAt(0))) {
          j++;
        } else if (CONNECTORS.contains(next.text()) && j + 1 < n && tokens.get(j + 1).capitalised()
            && !tokens.get(j + 1).text().equals("The")) {
          j += 2;
        } else {
          break;
        }
      }
      boolean sentenceStart = i == 0 || startsSentence(text, tokens, i);
      boolean organisation = false;
      for (int k = i; k < j; k++) {
        organisation |= orgWords.contains(possessiveless(tokens.get(k).text()));
      }
      // "Ukraine's Colonel ..." or "Ankara and Istanbul" are two things unless the whole is an organisation's name.
      int segment = i;
      for (int k = i; k < j; k++) {
        String word = tokens.get(k).text();
        boolean possessive = !organisation && k + 1 < j && !possessiveless(word).equals(word);
        boolean conjunction = !organisation && (word.equals("and") || word.equals("of") || word.equals("for"));
        boolean innerTitle = !organisation && k > segment && k + 1 < j && titles.contains(word);
        if (conjunction || innerTitle) {
          if (k > segment) {
            emitBeforeTitle(text, tokens, segment, k, sentenceStart && segment == i, found, innerTitle);
          }
          segment = innerTitle ? k : k + 1;
        } else if (possessive || k == j - 1) {
          emit(text, tokens, segment, k + 1, sentenceStart && segment == i, found);
          segment = k + 1;
        }
      }
      i = j;
    }
    return found;
  }

  private boolean startsSentence(String text, List<Token> tokens, int i) {
    Token prev = tokens.get(i - 1);
    return prev.sentenceEnd() || prev.text().matches("[\"“‘'(—–-]") || text.substring(prev.end(), tokens.get(i).start()).contains("\n");
  }

  /** Words before an inner title ("Kharkiv Mayor ...") count only when they are a known place or nationality. */
  private void emitBeforeTitle(String text, List<Token> tokens, int from, int to, boolean sentenceStart,
      List<Found> found, boolean beforeTitle) {
    if (!beforeTitle) {
      emit(text, tokens, from, to, sentenceStart, found);
      return;
    }
    String span = text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    if (gazetteer.find(span) != null) {
      found.add(new Found(EntityType.LOC, tokens.get(from).start(), tokens.get(to - 1).end(), span));
    } else if (to - from == 1 && demonyms.contains(span)) {
      found.add(new Found(EntityType.MISC, tokens.get(from).start(), tokens.get(to - 1).end(), span));
    }
  }

  private void emit(String text, List<Token> tokens, int from, int to, boolean sentenceStart, List<Found> found) {
    boolean titled = false;
    boolean organisation = false;
    for (int k = from; k < to; k++) {
      organisation |= orgWords.contains(possessiveless(tokens.get(k).text()));
    }
    while (from < to) {
      String word = tokens.get(from).text();
      if (organisation && !STOP.contains(word)) {
        break; // "European Commission", "General Staff": the whole span is the name
      }
      if (demonyms.contains(word) && from + 1 < to) {
        found.add(new Found(EntityType.MISC, tokens.get(from).start(), tokens.get(from).end(), word));
      } else if (titles.contains(word)) {
        titled = true;
      } else if (!STOP.contains(word)) {
        break;
      }
      from++;
    }
    while (to > from && (STOP.contains(tokens.get(to - 1).text()) || CONNECTORS.contains(tokens.get(to - 1).text())
        || titles.contains(possessiveless(tokens.get(to - 1).text())) && to - 1 > from)) {
      to--;
    }
    if (from < to) {
      Found f = classify(text, tokens, from, to, titled, sentenceStart);
      if (f != null) {
        found.add(f);
      }
    }
  }

  private static String possessiveless(String word) {
    return word.replaceAll("['’]s$", "");
  }

  private Found classify(String text, List<Token> tokens, int from, int to, boolean titled, boolean sentenceStart) {
    int start = tokens.get(from).start();
    int end = tokens.get(to - 1).end();
    String span = text.substring(start, end);
    String bare = span.replaceAll("['’]s$", "");
    if (!bare.equals(span)) {
      end -= span.length() - bare.length();
      span = bare;
    }
    int size = to - from;
    boolean hasOrgWord = false;
    for (int k = from; k < to; k++) {
      hasOrgWord |= orgWords.contains(possessiveless(tokens.get(k).text()));
    }
    if (gazetteer.find(span) != null) {
      return new Found(EntityType.LOC, start, end, span);
    }
    if (hasOrgWord || acronyms.contains(span)) {
      return new Found(EntityType.ORG, start, end, span);
    }
    if (size == 1 && (demonyms.contains(span) || span.endsWith("s") && demonyms.contains(span.substring(0, span.length() - 1)))) {
      return new Found(EntityType.MISC, start, end, span);
    }
    if (size == 1 && tokens.get(from).allCaps() && span.length() <= 6) {
      return new Found(EntityType.ORG, start, end, span);
    }
    if (titled || size >= 2) {
      return new Found(EntityType.PER, start, end, span);
    }
    // One unknown capitalised word: judge by its neighbours.
    String before = from > 0 ? tokens.get(from - 1).text().toLowerCase(Locale.ROOT) : "";
    String after = to < tokens.size() ? tokens.get(to).text().toLowerCase(Locale.ROOT) : "";
    if (SPEECH.contains(after) && !(sentenceStart && span.endsWith("s"))) {
      return new Found(EntityType.PER, start, end, span);
    }
    if (LOC_CUES.contains(before)) {
      return new Found(EntityType.LOC, start, end, span);
    }
    // At a sentence start a capital says nothing: keep it only if it turns out to be a known person's name.
    return new Found(sentenceStart ? null : EntityType.MISC, start, end, span);
  }

  /** One entity per canonical name: a short person name joins the longest earlier name it is part of. */
  private Map<String, Entity> group(List<Found> found, int titleLength) {
    Map<String, Entity> byId = new LinkedHashMap<>();
    Map<String, String> personAlias = new HashMap<>();
    for (Found f : found) {
      if (f.type() == EntityType.PER && f.text().contains(" ")) {
        String[] parts = f.text().split(" ");
        personAlias.putIfAbsent(parts[parts.length - 1], f.text());
        personAlias.putIfAbsent(parts[0], f.text());
      }
    }
    for (Found f : found) {
      EntityType type = f.type();
      String canonical = f.text();
      if (!canonical.contains(" ") && personAlias.containsKey(canonical) && type != EntityType.LOC
          && type != EntityType.ORG) {
        canonical = personAlias.get(canonical);
        type = EntityType.PER;
      }
      if (type == null) {
        continue;
      }
      String id = type + ":" + canonical.toLowerCase(Locale.ROOT);
      EntityType entityType = type;
      Entity e = byId.computeIfAbsent(id, k -> Entity.newBuilder().setId(k).setType(entityType).setName(f.text()).setMentions(new ArrayList<>())
          .setSalience(0).setInTitle(false).build());
      if (f.text().length() > e.getName().length()) {
        e.setName(f.text());
      }
      e.setType(type);
      e.getMentions().add(new Mention(f.text(), f.start(), f.end()));
      if (f.start() < titleLength) {
        e.setInTitle(true);
      }
    }
    for (Entity e : byId.values()) {
      int first = e.getMentions().get(0).getStart();
      double count = Math.min(1.0, e.getMentions().size() / 5.0);
      e.setSalience(Math.round((0.5 * count + (e.getInTitle() ? 0.3 : 0) + 0.2 / (1 + first / 500.0)) * 1000) / 1000.0);
    }
    return byId;
  }

  private List<MediaTopic> topics(String title, String body) {
    Map<String, Double> hits = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    List<String> titleWords = words(title);
    List<String> bodyWords = words(body);
    double total = 0;
    for (String[] row : topics) {
      double h = 0;
      for (String keyword : row[2].split("\\|")) {
        h += 2 * count(titleWords, keyword) + count(bodyWords, keyword);
      }
      if (h > 0) {
        hits.put(row[0], h);
        labels.put(row[0], row[1]);
        total += h;
      }
    }
    List<MediaTopic> out = new ArrayList<>();
    double sum = total;
    hits.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getValue() / sum >= 0.12)
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .limit(4)
        .forEach(e -> out.add(new MediaTopic(e.getKey(), labels.get(e.getKey()), Math.round(e.getValue() / sum * 1000) / 1000.0)));
    return out;
  }

  private static List<String> words(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
  }

  private static int count(List<String> words, String keyword) {
    int c = 0;
    if (keyword.contains(" ")) {
      String[] parts = keyword.split(" ");
      for (int i = 0; i + parts.length <= words.size(); i++) {
        boolean match = true;
        for (int k = 0; k < parts.length && match; k++) {
          match = words.get(i + k).equals(parts[k]);
        }
        c += match ? 1 : 0;
      }
      return c;
    }
    boolean prefix = keyword.endsWith("*");
    String stem = prefix ? keyword.substring(0, keyword.length() - 1) : keyword;
    for (String w : words) {
      if (prefix ? w.startsWith(stem) : w.equals(stem)) {
        c++;
      }
    }
    return c;
  }

  /** Direct quotes, each attributed to the nearest person or organisation next to a speech verb. */
  private List<Quote> quotes(String text, List<Entity> entities) {
    List<Quote> out = new ArrayList<>();
    List<int[]> spans = QuoteSpans.find(text);
    List<Object[]> mentions = new ArrayList<>();
    for (Entity e : entities) {
      if (e.getType() == EntityType.PER || e.getType() == EntityType.ORG) {
        for (Mention m : e.getMentions()) {
          mentions.add(new Object[] {m.getStart(), m.getEnd(), e});
        }
      }
    }
    mentions.sort((a, b) -> Integer.compare((int) a[0], (int) b[0]));
    for (int[] q : spans) {
      Entity speaker = speakerAfter(text, q[1], mentions);
      if (speaker == null) {
        speaker = speakerBefore(text, q[0], mentions);
      }
      out.add(Quote.newBuilder().setText(text.substring(q[0] + 1, q[1] - 1)).setStart(q[0]).setEnd(q[1])
          .setSpeaker(speaker == null ? null : speaker.getName())
          .setSpeakerEntityId(speaker == null ? null : speaker.getId()).build());
    }
    return out;
  }

  private static Entity speakerAfter(String text, int end, List<Object[]> mentions) {
    int stop = sentenceEnd(text, end);
    String window = text.substring(end, stop).toLowerCase(Locale.ROOT);
    if (!containsSpeech(window)) {
      return null;
    }
    for (Object[] m : mentions) {
      if ((int) m[0] >= end && (int) m[0] < stop) {
        return (Entity) m[2];
      }
    }
    if (window.matches("(?s)^\\W*(he|she)\\b.*")) {
      return lastBefore(end, mentions, EntityType.PER);
    }
    return null;
  }

  private static Entity speakerBefore(String text, int start, List<Object[]> mentions) {
    int from = Math.max(Math.max(text.lastIndexOf(". ", start), text.lastIndexOf('\n', start)), 0);
    String window = text.substring(from, start).toLowerCase(Locale.ROOT);
    if (!containsSpeech(window)) {
      return null;
    }
    Entity last = null;
    for (Object[] m : mentions) {
      if ((int) m[0] >= from && (int) m[1] <= start) {
        last = (Entity) m[2];
      }
    }
    return last;
  }

  private static Entity lastBefore(int position, List<Object[]> mentions, EntityType type) {
    Entity last = null;
    for (Object[] m : mentions) {
      if ((int) m[1] <= position && ((Entity) m[2]).getType() == type) {
        last = (Entity) m[2];
      }
    }
    return last;
  }

  private static boolean containsSpeech(String window) {
    for (String w : window.split("[^a-z]+")) {
      if (SPEECH.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static int sentenceEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '.' && i > from + 2) || c == '“' || c == '"') {
        return i;
      }
    }
    return text.length();
  }
}
