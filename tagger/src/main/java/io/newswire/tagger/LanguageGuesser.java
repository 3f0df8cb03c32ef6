package io.newswire.tagger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of a text, ISO 639-1: its script first, then, among the languages that share that script, a
 * character n-gram detector (optimaize's language-detector, 70 language profiles) when it is sure (probability 0.8 or
 * more), else the most frequent function words; null when neither can tell (text too short, mixed).
 */
final class LanguageGuesser {
  /**
   * The profiled languages by the script they are written in. A detector holds, for every n-gram of its profiles, a
   * probability for each of its languages: all 70 profiles together took about 60 MB of heap, four fifths of it
   * n-grams of scripts that one or two languages write (Korean alone a fifth). So the text's script chooses the
   * profiles, and a script's detector loads at the first text in it: the 42 Latin-script languages take about
   * 12 MB, a feed in Latin-script languages never loads the others.
   */
  private static final Map<Character.UnicodeScript, List<String>> SHARED_SCRIPTS = Map.of(
      Character.UnicodeScript.LATIN, List.of("af", "an", "ast", "br", "ca", "cs", "cy", "da", "de", "en", "es", "et",
          "eu", "fi", "fr", "ga", "gl", "hr", "ht", "hu", "id", "is", "it", "lt", "lv", "ms", "mt", "nl", "no", "oc",
          "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi"),
      Character.UnicodeScript.CYRILLIC, List.of("be", "bg", "mk", "ru", "sr", "uk"),
      Character.UnicodeScript.ARABIC, List.of("ar", "fa", "ur"),
      Character.UnicodeScript.DEVANAGARI, List.of("hi", "mr", "ne"),
      Character.UnicodeScript.HAN, List.of("zh-CN", "zh-TW"),
      Character.UnicodeScript.HEBREW, List.of("he", "yi"));
  /** Scripts that, among the languages a news feed carries, one language writes: the script is the language. */
  private static final Map<Character.UnicodeScript, String> OWN_SCRIPTS = Map.ofEntries(
      Map.entry(Character.UnicodeScript.BENGALI, "bn"), Map.entry(Character.UnicodeScript.GREEK, "el"),
      Map.entry(Character.UnicodeScript.GUJARATI, "gu"), Map.entry(Character.UnicodeScript.GURMUKHI, "pa"),
      Map.entry(Character.UnicodeScript.HANGUL, "ko"), Map.entry(Character.UnicodeScript.KANNADA, "kn"),
      Map.entry(Character.UnicodeScript.KHMER, "km"), Map.entry(Character.UnicodeScript.MALAYALAM, "ml"),
      Map.entry(Character.UnicodeScript.TAMIL, "ta"), Map.entry(Character.UnicodeScript.TELUGU, "te"),
      Map.entry(Character.UnicodeScript.THAI, "th"), Map.entry(Character.UnicodeScript.HIRAGANA, "ja"),
      Map.entry(Character.UnicodeScript.KATAKANA, "ja"), Map.entry(Character.UnicodeScript.ARMENIAN, "hy"),
      Map.entry(Character.UnicodeScript.GEORGIAN, "ka"), Map.entry(Character.UnicodeScript.SINHALA, "si"),
      Map.entry(Character.UnicodeScript.LAO, "lo"), Map.entry(Character.UnicodeScript.MYANMAR, "my"));
  private static final Map<Character.UnicodeScript, com.optimaize.langdetect.LanguageDetector> DETECTORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static com.optimaize.langdetect.LanguageDetector detector(Character.UnicodeScript script) {
    return DETECTORS.computeIfAbsent(script, s -> {
      try {
        var locales = SHARED_SCRIPTS.get(s).stream().map(com.optimaize.langdetect.i18n.LdLocale::fromString).toList();
        return com.optimaize.langdetect.LanguageDetectorBuilder
            .create(com.optimaize.langdetect.ngram.NgramExtractors.standard())
            .withProfiles(new com.optimaize.langdetect.profiles.LanguageProfileReader().readBuiltIn(locales))
            .build();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot load the language profiles of " + s, e);
      }
    });
  }

  /** The scripts whose profiles are loaded: for tests. */
  static Set<Character.UnicodeScript> loadedScripts() {
    return Set.copyOf(DETECTORS.keySet());
  }

  /** Every language this guesser can name. */
  static Set<String> languages() {
    Set<String> all = new java.util.TreeSet<>(OWN_SCRIPTS.values());
    SHARED_SCRIPTS.values().forEach(l -> l.forEach(code -> all.add(code.replaceAll("-.*", ""))));
    return all;
  }

  private static final com.optimaize.langdetect.text.TextObjectFactory TEXTS =
      com.optimaize.langdetect.text.CommonTextObjectFactories.forDetectingOnLargeText();
  /** Enough text to tell a language; more costs time and changes nothing. */
  private static final int SAMPLE = 1000;

  /** The language, or null when unsure. */
  String guess(String text) {
    if (plainlyEnglish(text)) {
      return "en"; // most of a newsroom's stream: no need for the detector, which costs more than tagging
    }
    return detect(text);
  }

  /** As {@link #guess}, for text already known not to be plainly English. */
  String detect(String text) {
    String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    Character.UnicodeScript script = script(sample);
    if (script == null) {
      return null;
    }
    String own = OWN_SCRIPTS.get(script);
    if (own != null) {
      return own;
    }
    if (SHARED_SCRIPTS.containsKey(script)) {
      var probabilities = detector(script).getProbabilities(TEXTS.forText(sample));
      if (!probabilities.isEmpty() && probabilities.get(0).getProbability() >= 0.8) {
        String language = probabilities.get(0).getLocale().getLanguage();
        return language.equals("iw") ? "he" : language.equals("in") ? "id" : language;
      }
    }
    return byScriptAndWords(text);
  }

  /**
   * The script most of the letters are in; Japanese when there is any kana among Chinese characters (Japanese
   * writes most of its words in them). Null without letters.
   */
  static Character.UnicodeScript script(String text) {
    Map<Character.UnicodeScript, Integer> letters = new java.util.EnumMap<>(Character.UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        letters.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
      }
    }
    int kana = letters.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
        + letters.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
    int han = letters.getOrDefault(Character.UnicodeScript.HAN, 0);
    Character.UnicodeScript most = letters.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
    if (kana > 0 && (most == Character.UnicodeScript.HAN || kana + han >= letters.getOrDefault(most, 0))) {
      return Character.UnicodeScript.HIRAGANA;
    }
    return most;
  }

  private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");
  private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

  static {
    FUNCTION_WORDS.put("en", WordSet.of("the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "on", "said", "by"));
    FUNCTION_WORDS.put("fr", WordSet.of("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "sur", "pas"));
    FUNCTION_WORDS.put("de", WordSet.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auf", "sich", "dem"));
    FUNCTION_WORDS.put("es", WordSet.of("el", "los", "las", "que", "del", "en", "por", "una", "con", "para", "es", "su", "se"));
    FUNCTION_WORDS.put("it", WordSet.of("il", "che", "della", "di", "per", "una", "sono", "non", "gli", "del", "nel", "alla", "è"));
    FUNCTION_WORDS.put("pt", WordSet.of("o", "os", "que", "não", "uma", "com", "para", "em", "do", "da", "dos", "foi", "são"));
    FUNCTION_WORDS.put("nl", WordSet.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "voor", "zijn", "met", "werd"));
  }

  /**
   * English beyond doubt from its function words alone: at least four English hits in the first thousand
   * characters, three times as many as any other language's.
   */
  static boolean plainlyEnglish(String text) {
    String head = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    int[] hits = new int[LANGUAGES.length];
    for (String word : NON_LETTERS.split(head.toLowerCase(Locale.ROOT))) {
      Integer languages = WORD_LANGUAGES.get(word);
      if (languages != null) {
        for (int l = 0; l < LANGUAGES.length; l++) {
          if ((languages & (1 << l)) != 0) {
            hits[l]++;
          }
        }
      }
    }
    int english = hits[0]; // FUNCTION_WORDS lists English first
    for (int l = 1; l < LANGUAGES.length; l++) {
      if (hits[l] * 3 > english) {
        return false;
      }
    }
    return english >= 4;
  }

  /** The first guesser: scripts, then the most frequent function words of seven languages. */
  String byScriptAndWords(String text) {
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
      if (c < '\u0400') {
        continue; // Latin, Greek and the like: none of the scripts counted below
      }
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
    // One lookup per word: each function word maps to the languages it belongs to. The most hits wins; on a
    // tie, the language that was hit first.
    int[] hits = new int[LANGUAGES.length];
    int[] first = new int[LANGUAGES.length];
    int order = 0;
    for (String word : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
      Integer languages = WORD_LANGUAGES.get(word);
      if (languages != null) {
        for (int l = 0; l < LANGUAGES.length; l++) {
          if ((languages & (1 << l)) != 0 && hits[l]++ == 0) {
            first[l] = order++;
          }
        }
      }
    }
    int best = -1;
    for (int l = 0; l < LANGUAGES.length; l++) {
      if (hits[l] >= 2 && (best < 0 || hits[l] > hits[best] || hits[l] == hits[best] && first[l] < first[best])) {
        best = l;
      }
    }
    return best < 0 ? null : LANGUAGES[best];
  }

  /**
   * What a text's words, rather than its letters, say about its language: how many are names (capitalised or in
   * capitals), how many prose (lower case, two letters or more; name particles such as "de" and "van" are parts of
   * names), how many of those are English, and whether its letters are Latin.
   */
  record Words(int names, int prose, int english, int foreign, boolean latin) {
    /** Particles inside names ("Alex de Minaur", "Olympique de Marseille", "Rafael van der Vaart"). */
    static final Set<String> PARTICLES = WordSet.of("de", "da", "di", "do", "dos", "das", "del", "della", "der", "den",
        "van", "von", "du", "la", "le", "al", "el", "bin", "ibn");
    /** Abbreviations of results and market lists that dictionaries lack: "Sinner bt Raonic", "12 pts", "3 pct". */
    static final Set<String> LIST_WORDS = WordSet.of("bt", "pts", "pct", "mln", "bln", "mn", "bn", "aet", "og", "agg",
        "ht", "nr", "vs");
    /**
     * Function words of other languages that English does not share: one among a list's few lower-case words
     * ("Ergebnisse ... am 19.05.", "Match en direct") says the list is not English.
     */
    static final Set<String> FOREIGN = foreignFunctionWords();
    /** How much of a text its words are counted over. */
    static final int SAMPLE = 2000;

    private static Set<String> foreignFunctionWords() {
      Set<String> words = new java.util.HashSet<>(Set.of("am", "im", "zu", "bei", "für", "vom", "zum", "zur", "och",
          "og", "ja", "ve", "ile", "i", "w", "na", "z"));
      FUNCTION_WORDS.forEach((language, list) -> {
        if (!language.equals("en")) {
          words.addAll(list);
        }
      });
      words.removeAll(FUNCTION_WORDS.get("en"));
      words.removeAll(Set.of("is", "die", "per", "do", "con", "op", "a", "o", "og"));
      return WordSet.copyOf(words);
    }

    static Words of(String text, java.util.function.Predicate<String> englishWord) {
      String head = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
      int names = 0;
      int prose = 0;
      int english = 0;
      int foreign = 0;
      for (String word : NON_LETTERS.split(head)) {
        if (word.isEmpty()) {
          continue;
        }
        char first = word.charAt(0);
        if (Character.isUpperCase(first)) {
          names++;
        } else if (word.length() >= 2 && Character.isLowerCase(first) && !PARTICLES.contains(word)) {
          prose++;
          if (englishWord.test(word) || LIST_WORDS.contains(word)) {
            english++;
          }
          if (FOREIGN.contains(word)) {
            foreign++;
          }
        }
      }
      int latin = 0;
      int letters = 0;
      for (int i = 0; i < head.length(); i++) {
        char c = head.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (c < '\u0250') {
            latin++;
          }
        }
      }
      return new Words(names, prose, english, foreign, letters > 0 && latin * 10 >= letters * 9);
    }

    /** At least half the prose words are English, and fewer than one in ten is another language's function word. */
    boolean mostlyEnglish() {
      return prose > 0 && english * 2 >= prose && foreign * 10 < prose;
    }

    /**
     * Names and figures: Latin letters, and fewer than one word in four is prose. The detector then reads the
     * names' language, not the text's.
     */
    boolean namesAndFigures() {
      return latin && names > 0 && prose * 3 < names;
    }
  }

  private static final String[] LANGUAGES = FUNCTION_WORDS.keySet().toArray(new String[0]);
  private static final Map<String, Integer> WORD_LANGUAGES = new java.util.HashMap<>();

  static {
    for (int l = 0; l < LANGUAGES.length; l++) {
      for (String word : FUNCTION_WORDS.get(LANGUAGES[l])) {
        WORD_LANGUAGES.merge(word, 1 << l, (a, b) -> a | b);
      }
    }
  }
}
