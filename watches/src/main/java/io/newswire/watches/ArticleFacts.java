package io.newswire.watches;

import io.newswire.schema.EnrichedArticle;
import io.newswire.schema.Entity;
import io.newswire.schema.MediaTopic;
import io.newswire.schema.Mention;
import io.newswire.schema.Place;
import io.newswire.watches.Rule.Field;
import io.newswire.watches.Rule.Term;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a rule can ask about an enriched article, prepared once per article for all the watches it is tried on. */
public final class ArticleFacts {
  private final EnrichedArticle article;
  private final String title;
  private final String text;
  private final List<String> sources = new ArrayList<>();
  private String titleWords;
  private String textWords;

  public ArticleFacts(EnrichedArticle article) {
    this.article = article;
    this.title = flat(article.getArticle().getTitle());
    this.text = title + " \n " + flat(article.getArticle().getBody());
    String url = article.getArticle().getUrl();
    if (url != null) {
      try {
        String host = URI.create(url).getHost();
        if (host != null) {
          host = host.toLowerCase(Locale.ROOT);
          if (host.startsWith("www.")) {
            host = host.substring(4);
          }
          // news.bbc.co.uk is found by source:news.bbc.co.uk, source:bbc.co.uk (and co.uk, harmlessly)
          for (String h = host; h.contains("."); h = h.substring(h.indexOf('.') + 1)) {
            sources.add(h);
          }
        }
      } catch (IllegalArgumentException unparsable) {
        // no host: the feed and source still count
      }
    }
    if (article.getArticle().getFeed() != null) {
      sources.add(article.getArticle().getFeed().strip().toLowerCase(Locale.ROOT));
    }
    sources.add(article.getArticle().getSource().strip().toLowerCase(Locale.ROOT));
  }

  public EnrichedArticle article() {
    return article;
  }

  /** The index keys of this article: every watch it can match is filed under at least one of them. */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Entity e : article.getEntities()) {
      keys.add("i:" + entityId(e));
      keys.add("n:" + Terms.name(e.getName()));
      for (Mention m : e.getMentions()) {
        keys.add("n:" + Terms.name(m.getText()));
      }
    }
    for (Place p : article.getPlaces()) {
      keys.add("n:" + Terms.name(p.getName()));
      if (p.getCountryCode() != null) {
        keys.add("c:" + p.getCountryCode().toUpperCase(Locale.ROOT));
      }
      keys.add(Terms.cell(p.getLatitude(), p.getLongitude()));
    }
    for (MediaTopic t : article.getTopics()) {
      keys.add("t:" + t.getCode().toLowerCase(Locale.ROOT));
      keys.add("t:" + t.getLabel().toLowerCase(Locale.ROOT));
    }
    if (article.getLanguage() != null) {
      keys.add("l:" + article.getLanguage());
    }
    for (String s : sources) {
      keys.add("s:" + s);
    }
    for (String w : words(text)) {
      keys.add("w:" + w);
    }
    return keys;
  }

  /** What in the article satisfies the term, in words, or null if nothing does. */
  String find(Term term, double minSalience) {
    String value = term.value();
    switch (term.field()) {
      case ENTITY, PERSON, ORG, PLACE, MISC -> {
        String type = switch (term.field()) {
          case PERSON -> "PER";
          case ORG -> "ORG";
          case PLACE -> "LOC";
          case MISC -> "MISC";
          default -> null;
        };
        int colon = value.indexOf(':');
        String id = colon > 0 && value.substring(0, colon).matches("(?i)PER|ORG|LOC|MISC")
            ? Terms.entityId(value.substring(0, colon), value.substring(colon + 1)) : null;
        String name = Terms.name(value);
        for (Entity e : article.getEntities()) {
          if ((type != null && !type.equals(e.getType().name())) || e.getSalience() < minSalience) {
            continue;
          }
          if (id != null ? id.equals(entityId(e)) : named(e, name)) {
            return e.getType() + " " + e.getName() + (minSalience > 0 ? String.format(Locale.ROOT, " (salience %.2f)", e.getSalience()) : "");
          }
        }
        if (term.field() == Field.PLACE && minSalience <= 0) {
          for (Place p : article.getPlaces()) {
            if (Terms.name(p.getName()).equals(name)) {
              return "place " + p.getName();
            }
          }
        }
        return null;
      }
      case TOPIC -> {
        for (MediaTopic t : article.getTopics()) {
          if (t.getCode().equalsIgnoreCase(value) || t.getLabel().equalsIgnoreCase(value)) {
            return t.getCode() + " " + t.getLabel();
          }
        }
        return null;
      }
      case COUNTRY -> {
        for (Place p : article.getPlaces()) {
          if (value.equalsIgnoreCase(p.getCountryCode())) {
            return p.getName() + " (" + p.getCountryCode() + ")";
          }
        }
        return null;
      }
      case NEAR -> {
        for (Place p : article.getPlaces()) {
          double km = term.near().distanceKm(p.getLatitude(), p.getLongitude());
          if (km <= term.near().radiusKm()) {
            return String.format(Locale.ROOT, "%s, %.0f km away", p.getName(), km);
          }
        }
        return null;
      }
      case PHRASE -> {
        if (textWords == null) {
          textWords = String.join(" ", wordList(text));
        }
        return containsWords(textWords, value) ? "\"" + value + "\"" : null;
      }
      case TITLE -> {
        if (titleWords == null) {
          titleWords = String.join(" ", wordList(title));
        }
        return containsWords(titleWords, value) ? "\"" + value + "\" in the title" : null;
      }
      case LANG -> {
        return value.equals(article.getLanguage()) ? value : null;
      }
      case SOURCE -> {
        String wanted = value.toLowerCase(Locale.ROOT);
        return sources.contains(wanted) ? value : null;
      }
      default -> throw new IllegalStateException(term.field().toString());
    }
  }

  private static boolean named(Entity e, String name) {
    if (Terms.name(e.getName()).equals(name)) {
      return true;
    }
    for (Mention m : e.getMentions()) {
      if (Terms.name(m.getText()).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String entityId(Entity e) {
    String id = e.getId();
    int colon = id.indexOf(':');
    return colon > 0 ? Terms.entityId(id.substring(0, colon), id.substring(colon + 1)) : Terms.name(id);
  }

  /** Whether the words of {@code phrase} occur in {@code text} in order, as whole words, in any case. */
  static boolean contains(String text, String phrase) {
    return containsWords(String.join(" ", wordList(text)), phrase);
  }

  private static boolean containsWords(String haystack, String phrase) {
    String wanted = String.join(" ", wordList(phrase));
    int at = haystack.indexOf(wanted);
    while (at >= 0) {
      int end = at + wanted.length();
      if ((at == 0 || haystack.charAt(at - 1) == ' ') && (end == haystack.length() || haystack.charAt(end) == ' ')) {
        return true;
      }
      at = haystack.indexOf(wanted, at + 1);
    }
    return false;
  }

  /** The distinct lower-cased words of a text: runs of letters and digits. */
  static Set<String> words(String text) {
    return new LinkedHashSet<>(wordList(text));
  }

  private static List<String> wordList(String text) {
    List<String> words = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  private static String flat(String s) {
    return s == null ? "" : s;
  }
}
