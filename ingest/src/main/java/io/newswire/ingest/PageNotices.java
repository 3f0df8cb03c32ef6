package io.newswire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a page prints in or beside its article that are nobody's prose: a dateline's label ("Posted: Nov 8,
 * 2023 / 04:43 PM CST", "Posted on April 22, 2022 by marc"), a view count ("Views: 184"), a request to turn on
 * JavaScript, an advertisement's label. Found in real pages, where they stood between the headline and the first
 * sentence: the place a short item's summary, the language guess and the topics read first. A line goes only when
 * it is nothing else: "Posted from Diigo." or a sentence that mentions JavaScript stays.
 */
final class PageNotices {
  private PageNotices() {}

  /** A dateline's label, then what should be a date: checked word by word by {@link #isDate}. */
  private static final Pattern DATELINE = Pattern.compile(
      "(?i)(?:posted|updated|published|first published|last updated|last modified)(?:\\s+on)?\\s*:?\\s+(.{4,60}?)"
          + "(?:\\s+by\\s+[^.!?]{1,50})?\\.?");
  private static final Pattern VIEWS = Pattern.compile("(?i)(?:views|reads|hits)\\s*:?\\s*[\\d.,]+\\s*k?");
  /** The notices of pages that render by script, in the languages they were seen in and a few more. */
  private static final Pattern SCRIPT_NOTICE = Pattern.compile("(?i)(?:.{0,80}\\b(?:enable|activate|turn on|"
      + "aktivieren sie|activez|activa|habilite)\\s+(?:your\\s+)?javascript\\b.{0,120}"
      + "|.{0,60}\\b(?:browser|navigateur)\\b.{0,40}\\b(?:needs?|requires?|must|does not support|doesn't support)\\b.{0,20}"
      + "javascript\\b.{0,160}|.{0,40}\\bjavascript (?:is|must be) (?:disabled|required|turned off|enabled)\\b.{0,120})");
  // Compiled once: every line of every page is checked.
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.:]+$");
  private static final Pattern DATE_SEPARATORS = Pattern.compile("[\\s,/|·–—-]+");
  private static final Pattern WORD_WRAPPING = Pattern.compile("^[(]+|[).:]+$");
  private static final Pattern NUMBER = Pattern.compile("[\\d.:]+(?:st|nd|rd|th|am|pm)?");
  private static final Pattern TIME_ZONE = Pattern.compile("[A-Z]{2,4}(?:[+-]\\d{1,2})?");
  private static final Set<String> ADVERT_LABELS = Set.of("advertisement", "advertising", "sponsored", "anzeige",
      "werbung", "publicité", "publicidad", "pubblicità");
  private static final Set<String> DATE_WORDS = Set.of("jan", "january", "feb", "february", "mar", "march", "apr",
      "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
      "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
      "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "a.m", "p.m", "at",
      "ago", "minute", "minutes", "hour", "hours", "day", "days", "st", "nd", "rd", "th");

  /** The text without the lines that are notices; paragraphs left empty go too. */
  static String without(String text) {
    if (text.isEmpty()) {
      return text;
    }
    List<String> paragraphs = new ArrayList<>();
    boolean changed = false;
    for (String paragraph : text.split("\n\n", -1)) {
      List<String> lines = new ArrayList<>();
      for (String line : paragraph.split("\n", -1)) {
        if (isNotice(line.strip())) {
          changed = true;
        } else {
          lines.add(line);
        }
      }
      if (!lines.isEmpty() && !String.join("", lines).isBlank()) {
        paragraphs.add(String.join("\n", lines));
      }
    }
    return changed ? String.join("\n\n", paragraphs) : text;
  }

  static boolean isNotice(String line) {
    if (line.isEmpty() || line.length() > 300) {
      return false;
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (ADVERT_LABELS.contains(TRAILING_PUNCTUATION.matcher(lower).replaceAll(""))) {
      return true;
    }
    if (VIEWS.matcher(line).matches()) {
      return true;
    }
    if (lower.contains("javascript") && SCRIPT_NOTICE.matcher(line).matches()) {
      return true;
    }
    Matcher dateline = DATELINE.matcher(line);
    return line.length() <= 120 && dateline.matches() && isDate(dateline.group(1));
  }

  /** Digits, month and day names, clock words and time zones ("CST", "GMT+1") only, with at least one digit. */
  static boolean isDate(String text) {
    boolean digit = false;
    for (String word : DATE_SEPARATORS.split(text)) {
      String w = WORD_WRAPPING.matcher(word).replaceAll("");
      if (w.isEmpty()) {
        continue;
      }
      if (NUMBER.matcher(w).matches()) {
        digit = true;
      } else if (!DATE_WORDS.contains(w.toLowerCase(Locale.ROOT)) && !TIME_ZONE.matcher(w).matches()) {
        return false;
      }
    }
    return digit;
  }
}
