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

  private DateFormats() {}

  public static DateTimeFormatter formatter(String pattern) {
    return CACHE.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        // Spark's y means the proleptic year (Java's u), so years before 1 and without an era work.
        .appendPattern(p.replace('y', 'u'))
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .toFormatter(Locale.US));
  }
}
