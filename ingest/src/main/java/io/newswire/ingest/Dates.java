package io.newswire.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Publication dates as feeds and pages write them: RFC 822/1123, ISO 8601 and common variants. */
public final class Dates {
  private static final List<DateTimeFormatter> ZONED = List.of(
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      DateTimeFormatter.ISO_ZONED_DATE_TIME,
      DateTimeFormatter.RFC_1123_DATE_TIME,
      lenient("EEE, d MMM yyyy HH:mm[:ss] zzz"),
      lenient("d MMM yyyy HH:mm[:ss] zzz"),
      lenient("EEE, d MMM yyyy HH:mm[:ss] Z"),
      lenient("d MMM yyyy HH:mm[:ss] Z"),
      lenient("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
      lenient("yyyy-MM-dd HH:mm[:ss][.SSS] Z"),
      lenient("yyyy-MM-dd'T'HH:mm[:ss][.SSS]Z"),
      lenient("EEE MMM d HH:mm:ss zzz yyyy"));
  private static final List<DateTimeFormatter> LOCAL = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      lenient("yyyy-MM-dd HH:mm[:ss]"),
      lenient("MMMM d, yyyy h:mm a"),
      lenient("d MMMM yyyy HH:mm"),
      lenient("d.M.yyyy[,] HH:mm[:ss]"));
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE, lenient("MMMM d, yyyy"), lenient("d MMMM yyyy"), lenient("MMM d, yyyy"),
      lenient("d MMM yyyy"), lenient("yyyy/MM/dd"), lenient("d.M.yyyy"));

  private Dates() {}

  private static DateTimeFormatter lenient(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }

  /**
   * {@code 2026-11-27T10:15[:30[.123]](Z|+01:00)}, the form nearly every JSON source writes, read by hand:
   * java.time's parser was a tenth of ingest's per-article work. Null for anything else, which then goes
   * through java.time.
   */
  static Instant plainIso(String s) {
    int n = s.length();
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return null;
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, 17, 2);
      if (second < 0) {
        return null;
      }
      i = 19;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        if (i == start || i - start > 9) {
          return null;
        }
        nano = digits(s, start, i - start);
        for (int k = i - start; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    int offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hh = digits(s, i + 1, 2);
      int mm = digits(s, i + 4, 2);
      if (hh < 0 || mm < 0 || hh > 18 || mm > 59) {
        return null;
      }
      offset = (s.charAt(i) == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.ofTotalSeconds(offset));
    } catch (java.time.DateTimeException invalid) {
      return null; // 2026-02-30 and the like: java.time says why not
    }
  }

  /** The decimal number in {@code s[from, from + count)}, or -1 if it is not all digits. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The instant, or null when the text is no date we know; zone-less times are taken as UTC. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.trim();
    if (s.length() >= 20 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
      Instant plain = plainIso(s);
      if (plain != null) {
        return plain;
      }
      try {
        return OffsetDateTime.parse(s).toInstant(); // the common ISO 8601 form, without trying the others
      } catch (DateTimeParseException notPlainIso) {
        // fall through to the lenient forms
      }
    }
    s = s.replaceAll("\\s+", " ");
    if (s.matches("\\d{10}")) {
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    if (s.matches("\\d{13}")) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    if (s.endsWith(" UT")) {
      s = s + "C"; // RFC 822 allows "UT"
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return ZonedDateTime.parse(s, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
      try {
        return OffsetDateTime.parse(s, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    for (DateTimeFormatter f : LOCAL) {
      try {
        return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    return null;
  }
}
