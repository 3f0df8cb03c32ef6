package io.newswire.watches;

/** A rule that does not parse: what is wrong, and where. */
public final class RuleSyntaxException extends IllegalArgumentException {
  private final String rule;
  private final int position;

  public RuleSyntaxException(String message, String rule, int position) {
    super("at character " + (position + 1) + ": " + message);
    this.rule = rule;
    this.position = position;
  }

  public int position() {
    return position;
  }

  /** The rule with a caret under the bad part, for a terminal. */
  public String pointer() {
    return "  " + rule + "\n  " + " ".repeat(position) + "^ " + getMessage();
  }
}
