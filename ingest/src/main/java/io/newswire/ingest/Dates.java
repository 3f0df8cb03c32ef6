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
      lenient("d MMMM yyyy HH:mm"));
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE, lenient("MMMM d, yyyy"), lenient("d MMMM yyyy"), lenient("MMM d, yyyy"),
      lenient("d MMM yyyy"), lenient("yyyy/MM/dd"));

  private Dates() {}

  private static DateTimeFormatter lenient(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }

  /** The instant, or null when the text is no date we know; zone-less times are taken as UTC. */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.trim();
    if (s.length() >= 20 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
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
