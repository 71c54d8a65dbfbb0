package io.kindling.engine.sql.eval;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Spark's datetime patterns (close to Java's), compiled once each. */
public final class DateFormats {
  private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();
  /** Letters Spark 3 rejects: week-based fields, and fields it does not support at all. */
  private static final String WEEK_BASED_LETTERS = "YWwuec";
  private static final String UNSUPPORTED_LETTERS = "AnNp";

  private DateFormats() {}

  /** The formatter for a Spark pattern; fails, with Spark's message, on a letter Spark 3 does not accept. */
  public static DateTimeFormatter formatter(String pattern) {
    return CACHE.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(javaPattern(p))
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .toFormatter(Locale.US));
  }

  /**
   * Java's pattern for a Spark one: Spark's y is the proleptic year (Java's u), so years before 1 and without an
   * era work; quoted text is left as it is.
   */
  private static String javaPattern(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && WEEK_BASED_LETTERS.indexOf(c) >= 0) {
        throw new IllegalArgumentException("All week-based patterns are unsupported since Spark 3.0, detected: " + c
            + ", Please use the SQL function EXTRACT instead");
      } else if (!quoted && UNSUPPORTED_LETTERS.indexOf(c) >= 0) {
        throw new IllegalArgumentException("Illegal pattern character: " + c);
      }
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }
}
