package io.newswire.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word or punctuation mark with its character offsets. */
record Token(String text, int start, int end) {
  private static final Pattern TOKEN = Pattern.compile(
      "\\p{L}[\\p{L}\\p{M}\\d]*(?:['’.-]\\p{L}[\\p{L}\\p{M}\\d]*)*\\.?|\\d+(?:[.,]\\d+)*[\\p{L}%]*|\\S");

  private static final Pattern ABBREVIATION = Pattern.compile(
      "(?:\\p{L}+-)?(?:\\p{L}\\.)+|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|St\\.|Jr\\.|Gen\\.|Col\\."); // "Sino-U.S." too

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      int end = m.end();
      // keep a trailing period only on abbreviations such as "Dr." or "U.S.", and not on a capital that ends a line
      // ("second in Serie A." is a sentence's end: an initial does not end a line)
      if (t.length() > 1 && t.endsWith(".") && (!ABBREVIATION.matcher(t).matches() || t.length() == 2 && endsLine(text, end))) {
        t = t.substring(0, t.length() - 1);
        end--;
        tokens.add(new Token(t, m.start(), end));
        tokens.add(new Token(".", end, end + 1));
        continue;
      }
      // A wire slug before a name ("EXCLUSIVE-Boeing weighs...", "WRAPUP-Ukraine says...") is its own token.
      int hyphen = t.indexOf('-');
      if (hyphen >= 2 && hyphen + 2 < t.length() && allCaps(t.substring(0, hyphen))
          && Character.isUpperCase(t.charAt(hyphen + 1)) && Character.isLowerCase(t.charAt(hyphen + 2))) {
        int at = m.start();
        tokens.add(new Token(t.substring(0, hyphen), at, at + hyphen));
        tokens.add(new Token("-", at + hyphen, at + hyphen + 1));
        tokens.addAll(of(t.substring(hyphen + 1)).stream()
            .map(k -> new Token(k.text(), k.start() + at + hyphen + 1, k.end() + at + hyphen + 1)).toList());
        continue;
      }
      // "Russia's" is two tokens, as in CoNLL text: the name and the possessive ("RUSSIA'S" in a headline too).
      int apostrophe = t.length() - 2;
      boolean possessive = t.endsWith("'s") || t.endsWith("’s")
          || (t.endsWith("'S") || t.endsWith("’S")) && allCaps(t.substring(0, apostrophe));
      if (t.length() > 2 && possessive && Character.isLetter(t.charAt(apostrophe - 1))) {
        tokens.add(new Token(t.substring(0, apostrophe), m.start(), m.start() + apostrophe));
        tokens.add(new Token(t.substring(apostrophe), m.start() + apostrophe, end));
        continue;
      }
      tokens.add(new Token(t, m.start(), end));
    }
    return tokens;
  }

  /** Whether only spaces come between {@code at} and the end of its line or of the text. */
  private static boolean endsLine(String text, int at) {
    for (int k = at; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  boolean capitalised() {
    return Character.isUpperCase(text.codePointAt(0));
  }

  /** Two or more letters, all of them capitals ("JAPAN", "O'NEILL"), as in headlines and datelines. */
  static boolean allCaps(String w) {
    int letters = 0;
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  boolean sentenceEnd() {
    return text.equals(".") || text.equals("!") || text.equals("?");
  }
}
