package io.kindling.engine.format;

import io.kindling.KindlingException;
import io.kindling.engine.sql.eval.DateFormats;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Reads and writes dates and timestamps as a format's {@code dateFormat}, {@code timestampFormat} and
 * {@code timeZone} options say, with Spark 3.5's defaults: without a pattern, reading is lenient (Spark's
 * {@code stringToDate}/{@code stringToTimestamp} fallbacks), dates are written {@code yyyy-MM-dd} and timestamps
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}. Timestamp values are wall-clock times in the session zone (the JVM's);
 * text is read and written in the {@code timeZone} option's zone (default: the session's), converting between the
 * two as Spark does.
 */
public final class DateTimeCodec implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DEFAULT_DATE = "yyyy-MM-dd";
  private static final String DEFAULT_TIMESTAMP_WRITE = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private final String datePattern;
  private final String timestampPattern;
  private final ZoneId zone;
  private final ZoneId sessionZone;
  private transient DateTimeFormatter dateReader;
  private transient DateTimeFormatter timestampReader;
  private transient DateTimeFormatter dateWriter;
  private transient DateTimeFormatter timestampWriter;

  /**
   * @param datePattern the {@code dateFormat} option, or null
   * @param timestampPattern the {@code timestampFormat} option, or null
   * @param zone the zone of the text ({@code timeZone} option, else the JVM's)
   */
  public DateTimeCodec(String datePattern, String timestampPattern, ZoneId zone) {
    this.datePattern = datePattern;
    this.timestampPattern = timestampPattern;
    this.zone = zone;
    this.sessionZone = ZoneId.systemDefault();
    // Fail early, on the driver, for a bad pattern.
    formatter(datePattern == null ? DEFAULT_DATE : datePattern, "dateFormat");
    if (timestampPattern != null) {
      formatter(timestampPattern, "timestampFormat");
    }
  }

  /** From the {@code dateFormat}, {@code timestampFormat} and {@code timeZone} options. */
  public static DateTimeCodec from(FormatOptions options) {
    ZoneId zone;
    try {
      zone = options.get("timeZone").map(z -> ZoneId.of(z, ZoneId.SHORT_IDS)).orElse(ZoneId.systemDefault());
    } catch (DateTimeException e) {
      throw new KindlingException("Invalid timeZone option '" + options.get("timeZone").orElse("")
          + "': " + e.getMessage());
    }
    return new DateTimeCodec(options.get("dateFormat").orElse(null),
        options.get("timestampFormat").orElse(null), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The zone timestamp values are wall-clock times in: the JVM's, as Kindling's session zone. */
  public ZoneId sessionZone() {
    return sessionZone;
  }

  public boolean hasDatePattern() {
    return datePattern != null;
  }

  /** Days since epoch for a DateType value being read, or {@link DateTimes#FAIL}. */
  public long parseDate(String text) {
    long days = parseDateStrict(text);
    if (days == DateTimes.FAIL && datePattern == null) {
      return DateTimes.stringToDate(text);
    }
    return days;
  }

  /** The date as {@code dateFormat} (default {@code yyyy-MM-dd}) reads it, with no fallback: for inference. */
  public long parseDateStrict(String text) {
    try {
      TemporalAccessor t = dateReader().parse(text);
      return LocalDate.of(t.get(ChronoField.YEAR), field(t, ChronoField.MONTH_OF_YEAR, 1),
          field(t, ChronoField.DAY_OF_MONTH, 1)).toEpochDay();
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.FAIL;
    }
  }

  /** Local micros for a TimestampType value being read (and for inference), or {@link DateTimes#FAIL}. */
  public long parseTimestamp(String text) {
    if (timestampPattern == null) {
      return toSession(DateTimes.stringToTimestamp(text, zone));
    }
    try {
      TemporalAccessor t = timestampReader().parse(text);
      LocalDate date = LocalDate.of(t.get(ChronoField.YEAR), field(t, ChronoField.MONTH_OF_YEAR, 1),
          field(t, ChronoField.DAY_OF_MONTH, 1));
      LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY)
          ? LocalTime.of(t.get(ChronoField.HOUR_OF_DAY), field(t, ChronoField.MINUTE_OF_HOUR, 0),
              field(t, ChronoField.SECOND_OF_MINUTE, 0), field(t, ChronoField.NANO_OF_SECOND, 0))
          : LocalTime.MIDNIGHT;
      LocalDateTime local = LocalDateTime.of(date, time);
      ZoneId parsedZone = t.query(TemporalQueries.zone());
      if (parsedZone == null) {
        return toSession(DateTimes.toLocalMicros(local));
      }
      return DateTimes.toLocalMicros(local.atZone(parsedZone).toInstant(), sessionZone);
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.FAIL;
    }
  }

  /**
   * {@link #parseTimestamp(String)} of UTF-8 bytes, with a fast path for ISO local timestamps when no
   * {@code timestampFormat} is set.
   */
  public long parseTimestamp(byte[] b, int off, int len) {
    long v = timestampPattern != null ? DateTimes.FAIL : DateTimes.parseIsoLocalTimestamp(b, off, len);
    if (v != DateTimes.FAIL) {
      return toSession(v);
    }
    return parseTimestamp(new String(b, off, len, StandardCharsets.UTF_8));
  }

  public String formatDate(int epochDay) {
    return dateWriter().format(LocalDate.ofEpochDay(epochDay));
  }

  public String formatDate(LocalDate date) {
    return dateWriter().format(date);
  }

  public String formatTimestamp(LocalDateTime local) {
    return timestampWriter().format(local.atZone(sessionZone).withZoneSameInstant(zone));
  }

  /** Local micros in the text's zone as local micros in the session zone. */
  private long toSession(long localMicros) {
    if (localMicros == DateTimes.FAIL || zone.equals(sessionZone)) {
      return localMicros;
    }
    return DateTimes.toLocalMicros(DateTimes.toLocalDateTime(localMicros).atZone(zone).toInstant(), sessionZone);
  }

  private static int field(TemporalAccessor t, ChronoField f, int defaultValue) {
    return t.isSupported(f) ? t.get(f) : defaultValue;
  }

  private DateTimeFormatter dateReader() {
    if (dateReader == null) {
      dateReader = formatter(datePattern == null ? DEFAULT_DATE : datePattern, "dateFormat");
    }
    return dateReader;
  }

  private DateTimeFormatter timestampReader() {
    if (timestampReader == null) {
      timestampReader = formatter(timestampPattern, "timestampFormat");
    }
    return timestampReader;
  }

  private DateTimeFormatter dateWriter() {
    if (dateWriter == null) {
      dateWriter = formatter(datePattern == null ? DEFAULT_DATE : datePattern, "dateFormat");
    }
    return dateWriter;
  }

  private DateTimeFormatter timestampWriter() {
    if (timestampWriter == null) {
      timestampWriter = formatter(timestampPattern == null ? DEFAULT_TIMESTAMP_WRITE : timestampPattern,
          "timestampFormat");
    }
    return timestampWriter;
  }

  /**
   * A java.time formatter for a Spark datetime pattern: year letters {@code y} read as proleptic years (Spark
   * resolves strictly), parsing ignores case, US locale.
   */
  static DateTimeFormatter formatter(String sparkPattern, String optionName) {
    try {
      return new DateTimeFormatterBuilder().parseCaseInsensitive()
          .appendPattern(DateFormats.javaPattern(sparkPattern, false))
          .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      // Spark 3 refuses week-based letters rather than read "YYYY" (a common slip for "yyyy") as a week-based year.
      throw new KindlingException("Invalid " + optionName + " pattern '" + sparkPattern + "': " + e.getMessage());
    }
  }
}
