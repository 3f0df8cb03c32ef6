package io.newswire.watches;

import io.newswire.watches.Rule.Field;
import io.newswire.watches.Rule.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the watch language:
 * <pre>
 *   rule := or
 *   or   := and ("OR" and)*
 *   and  := not (["AND"] not)*          two terms side by side are ANDed
 *   not  := "NOT" not | "(" rule ")" | term
 *   term := field ":" value | "quoted phrase"
 * </pre>
 * A value is a word or a "quoted string". Operators may be written in any case. Errors say what was expected
 * and where ({@link RuleSyntaxException#pointer()}).
 */
public final class RuleParser {
  private final String text;
  private int pos;

  private RuleParser(String text) {
    this.text = text;
  }

  /** The rule, or a {@link RuleSyntaxException} naming the bad part. */
  public static Rule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new RuleSyntaxException("the rule is empty", text == null ? "" : text, 0);
    }
    RuleParser parser = new RuleParser(text);
    Rule rule = parser.or();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.error(text.charAt(parser.pos) == ')' ? "a ')' without its '('" : "expected AND, OR or the end of the rule");
    }
    return rule;
  }

  private Rule or() {
    List<Rule> parts = new ArrayList<>();
    parts.add(and());
    while (keyword("OR")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Rule.Any(List.copyOf(parts));
  }

  private Rule and() {
    List<Rule> parts = new ArrayList<>();
    parts.add(not());
    while (true) {
      if (keyword("AND")) {
        parts.add(not());
        continue;
      }
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) == ')' || peekKeyword("OR")) {
        break;
      }
      parts.add(not()); // side by side: AND
    }
    return parts.size() == 1 ? parts.get(0) : new Rule.All(List.copyOf(parts));
  }

  private Rule not() {
    if (keyword("NOT")) {
      return new Rule.Not(not());
    }
    skipSpace();
    if (pos >= text.length()) {
      throw error("the rule ends where a term was expected");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      int open = pos++;
      Rule inner = or();
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        pos = open;
        throw error("this '(' is never closed");
      }
      pos++;
      return inner;
    }
    if (c == ')') {
      throw error("a term was expected before ')'");
    }
    if (c == '"') {
      return term(Field.PHRASE, pos, quoted());
    }
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != ':' && !Character.isWhitespace(text.charAt(pos))
        && text.charAt(pos) != '(' && text.charAt(pos) != ')') {
      pos++;
    }
    String word = text.substring(start, pos);
    if (pos >= text.length() || text.charAt(pos) != ':') {
      pos = start;
      if (isOperator(word)) {
        throw error("'" + word + "' needs a term before it");
      }
      throw error("'" + word + "' is not a term: write field:value (" + fieldWords() + ") or a \"quoted phrase\"");
    }
    Field field = Field.of(word);
    if (field == null) {
      pos = start;
      throw error("unknown field '" + word + "'; the fields are " + fieldWords());
    }
    pos++; // ':'
    int valueAt = pos;
    String value;
    if (pos < text.length() && text.charAt(pos) == '"') {
      value = quoted();
    } else {
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '('
          && text.charAt(pos) != ')') {
        pos++;
      }
      value = text.substring(valueAt, pos);
    }
    return term(field, valueAt, value);
  }

  private Term term(Field field, int at, String raw) {
    String value = raw.strip().replaceAll("\\s+", " ");
    if (value.isEmpty()) {
      pos = at;
      throw error(field.word + ": needs a value: " + field.help);
    }
    try {
      return Terms.checked(field, value);
    } catch (IllegalArgumentException e) {
      pos = at;
      throw error(e.getMessage());
    }
  }

  private String quoted() {
    int open = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        value.append(text.charAt(pos++));
      } else if (c == '"') {
        return value.toString();
      } else {
        value.append(c);
      }
    }
    pos = open;
    throw error("this quote is never closed");
  }

  private boolean keyword(String word) {
    skipSpace();
    if (peekKeyword(word)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  private boolean peekKeyword(String word) {
    int end = pos + word.length();
    return text.regionMatches(true, pos, word, 0, word.length())
        && (end >= text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isOperator(String word) {
    return Field.isOperator(word.toUpperCase(Locale.ROOT));
  }

  private static String fieldWords() {
    return String.join(", ", java.util.Arrays.stream(Field.values()).map(f -> f.word).toList());
  }

  private RuleSyntaxException error(String message) {
    return new RuleSyntaxException(message, text, Math.min(pos, text.length()));
  }
}
