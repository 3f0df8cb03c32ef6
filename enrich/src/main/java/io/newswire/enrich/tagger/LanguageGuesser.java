package io.newswire.enrich.tagger;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ISO 639-1 language from the script and the most frequent function words; null when unsure. */
final class LanguageGuesser {
  private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");
  private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

  static {
    FUNCTION_WORDS.put("en", Set.of("the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "on", "said", "by"));
    FUNCTION_WORDS.put("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "sur", "pas"));
    FUNCTION_WORDS.put("de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auf", "sich", "dem"));
    FUNCTION_WORDS.put("es", Set.of("el", "los", "las", "que", "del", "en", "por", "una", "con", "para", "es", "su", "se"));
    FUNCTION_WORDS.put("it", Set.of("il", "che", "della", "di", "per", "una", "sono", "non", "gli", "del", "nel", "alla", "è"));
    FUNCTION_WORDS.put("pt", Set.of("o", "os", "que", "não", "uma", "com", "para", "em", "do", "da", "dos", "foi", "são"));
    FUNCTION_WORDS.put("nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "voor", "zijn", "met", "werd"));
  }

  String guess(String text) {
    int cyrillic = 0;
    int arabic = 0;
    int cjk = 0;
    int kana = 0;
    int ukrainian = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
      if (block == Character.UnicodeBlock.CYRILLIC) {
        cyrillic++;
        if ("іїєґІЇЄҐ".indexOf(c) >= 0) {
          ukrainian++;
        }
      } else if (block == Character.UnicodeBlock.ARABIC) {
        arabic++;
      } else if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA) {
        kana++;
      } else if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
        cjk++;
      }
    }
    if (letters == 0) {
      return null;
    }
    if (cyrillic > letters / 2) {
      return ukrainian > 0 ? "uk" : "ru";
    }
    if (arabic > letters / 2) {
      return "ar";
    }
    if (kana > 0 && cjk + kana > letters / 2) {
      return "ja";
    }
    if (cjk > letters / 2) {
      return "zh";
    }
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String word : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
      FUNCTION_WORDS.forEach((lang, words) -> {
        if (words.contains(word)) {
          scores.merge(lang, 1, Integer::sum);
        }
      });
    }
    return scores.entrySet().stream().filter(e -> e.getValue() >= 2)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }
}
