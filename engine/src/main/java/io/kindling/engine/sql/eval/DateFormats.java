package io.kindling.engine.sql.eval;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Spark's datetime patterns (close to Java's), compiled once each. */
public final class DateFormats {
  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private static final Map<String, DateTimeFormatter> PARSERS = new ConcurrentHashMap<>();
  /** Letters Spark 3 rejects: week-based fields, and fields it does not support at all. */
  private static final String WEEK_BASED_LETTERS = "YWwuec";
  private static final String UNSUPPORTED_LETTERS = "AnNp";
  /** Letters Spark 3 rejects in patterns that parse text. */
  private static final String UNSUPPORTED_PARSING_LETTERS = "EFqQ";
  /** Runs of letters Spark 3 rejects: narrow text forms, and years of more than ten digits. */
  private static final List<String> UNSUPPORTED_RUNS =
      List.of("GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyyyyyy");

  private DateFormats() {}

  /** The formatter for a Spark pattern; fails, with Spark's message, on what Spark 3 does not accept. */
  public static DateTimeFormatter formatter(String pattern) {
    return FORMATTERS.computeIfAbsent(pattern, p -> build(p, false));
  }

  /** As {@link #formatter}, for parsing text, which Spark 3 accepts fewer letters for. */
  public static DateTimeFormatter parser(String pattern) {
    return PARSERS.computeIfAbsent(pattern, p -> build(p, true));
  }

  private static DateTimeFormatter build(String pattern, boolean parsing) {
    rejectLongRuns(pattern);
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(javaPattern(pattern, parsing))
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .toFormatter(Locale.US);
  }

  /**
   * Java's pattern for a Spark one: Spark's y is the proleptic year (Java's u), so years before 1 and without an
   * era work; quoted text is left as it is. Fails ({@link IllegalArgumentException}, with Spark's message) on the
   * letters Spark 3 rejects in every pattern, functions' and options' ({@code parsing}: also those it rejects only
   * when reading text).
   */
  public static String javaPattern(String pattern, boolean parsing) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted) {
        if (WEEK_BASED_LETTERS.indexOf(c) >= 0) {
          throw new IllegalArgumentException("All week-based patterns are unsupported since Spark 3.0, detected: "
              + c + ", Please use the SQL function EXTRACT instead");
        }
        if (UNSUPPORTED_LETTERS.indexOf(c) >= 0 || parsing && UNSUPPORTED_PARSING_LETTERS.indexOf(c) >= 0) {
          throw new IllegalArgumentException("Illegal pattern character: " + c);
        }
      }
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }

  /** The datetime functions also refuse narrow text forms and years of more than ten letters, outside quotes. */
  private static void rejectLongRuns(String pattern) {
    StringBuilder unquoted = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      unquoted.append(quoted || c == '\'' ? ' ' : c);
    }
    for (String run : UNSUPPORTED_RUNS) {
      if (unquoted.indexOf(run) >= 0) {
        throw new IllegalArgumentException("Too many pattern letters: " + run.charAt(0));
      }
    }
  }
}
