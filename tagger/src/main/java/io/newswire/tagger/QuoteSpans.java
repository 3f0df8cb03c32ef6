package io.newswire.tagger;

import java.util.ArrayList;
import java.util.List;

/**
 * Direct quotations: text between curly (“…”) or straight ("…") double quotes, possibly spanning sentences
 * and paragraphs. A quote that never closes within a paragraph is ignored. Returned as [start, end) pairs
 * including the quote marks.
 */
final class QuoteSpans {
  private static final int MIN_LENGTH = 8;

  private QuoteSpans() {}

  static List<int[]> find(String text) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '“' || c == '"') {
        char close = c == '“' ? '”' : '"';
        int j = text.indexOf(close, i + 1);
        // A paragraph that ends inside a quote continues it when the next opens with a quote mark again.
        if (j > 0 && j - i - 1 >= MIN_LENGTH) {
          spans.add(new int[] {i, j + 1});
          i = j + 1;
          continue;
        }
        i = j > 0 ? j + 1 : i + 1;
        continue;
      }
      i++;
    }
    return spans;
  }
}
