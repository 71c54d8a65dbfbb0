package io.kindling.engine.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Date and timestamp values as the readers and writers handle them, and Spark's lenient string parsers
 * ({@code stringToDate}, {@code stringToTimestamp}: what Spark 3.5 accepts when no {@code dateFormat} /
 * {@code timestampFormat} is given).
 *
 * <p>A TimestampType value is a {@link LocalDateTime} in the session time zone; unboxed it is "local micros":
 * microseconds of that local date-time since 1970-01-01T00:00, as if it were UTC. Text with an offset or a zone
 * is converted into the session zone first, as Spark shows it.
 */
public final class DateTimes {
  /** Returned by the parsers for text they do not accept. */
  public static final long FAIL = Long.MIN_VALUE;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private DateTimes() {}

  public static long toLocalMicros(LocalDateTime t) {
    return t.toLocalDate().toEpochDay() * MICROS_PER_DAY + t.toLocalTime().toNanoOfDay() / 1000;
  }

  public static LocalDateTime toLocalDateTime(long localMicros) {
    long days = Math.floorDiv(localMicros, MICROS_PER_DAY);
    long micros = Math.floorMod(localMicros, MICROS_PER_DAY);
    return LocalDateTime.of(LocalDate.ofEpochDay(days), LocalTime.ofNanoOfDay(micros * 1000));
  }

  /** The local micros, in {@code zone}, of an instant. */
  public static long toLocalMicros(Instant instant, ZoneId zone) {
    return toLocalMicros(LocalDateTime.ofInstant(instant, zone));
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date, or {@link #FAIL}. */
  public static long epochDay(long year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
      return FAIL;
    }
    // Days from civil (H. Hinnant's algorithm): exact for every proleptic Gregorian date.
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    int mp = (month + 9) % 12;
    long doy = (153L * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  private static int lengthOfMonth(long year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Fast path for the most common text, {@code yyyy-MM-ddTHH:mm:ss} (or with a space), exactly 19 ASCII bytes;
   * {@link #FAIL} for anything else (the caller then takes the general parser).
   */
  public static long parseIsoLocalTimestamp(byte[] b, int off, int len) {
    if (len != 19 || b[off + 4] != '-' || b[off + 7] != '-' || (b[off + 10] != 'T' && b[off + 10] != ' ')
        || b[off + 13] != ':' || b[off + 16] != ':') {
      return FAIL;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    int second = digits(b, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return FAIL;
    }
    long days = epochDay(year, month, day);
    if (days == FAIL) {
      return FAIL;
    }
    return days * MICROS_PER_DAY + ((hour * 60L + minute) * 60 + second) * MICROS_PER_SECOND;
  }

  /** Fast path for {@code yyyy-MM-dd}, exactly 10 ASCII bytes: days since epoch, or {@link #FAIL}. */
  public static long parseIsoDate(byte[] b, int off, int len) {
    if (len != 10 || b[off + 4] != '-' || b[off + 7] != '-') {
      return FAIL;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    if ((year | month | day) < 0) {
      return FAIL;
    }
    return epochDay(year, month, day);
  }

  private static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = b[off + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static boolean isTrimmable(char c) {
    return c <= ' ';
  }

  /**
   * Spark's {@code stringToDate}: {@code [+-]yyyy*}, {@code [+-]yyyy*-[m]m}, {@code [+-]yyyy*-[m]m-[d]d}, and the
   * last followed by a space or {@code T} and anything. Surrounding whitespace is ignored. Days or {@link #FAIL}.
   */
  public static long stringToDate(String s) {
    int j = 0;
    int end = s.length();
    while (j < end && isTrimmable(s.charAt(j))) {
      j++;
    }
    while (end > j && isTrimmable(s.charAt(end - 1))) {
      end--;
    }
    if (j == end) {
      return FAIL;
    }
    int[] segments = {1, 1, 1};
    int sign = 1;
    if (s.charAt(j) == '-' || s.charAt(j) == '+') {
      sign = s.charAt(j) == '-' ? -1 : 1;
      j++;
    }
    int i = 0;
    int value = 0;
    int digits = 0;
    while (j < end && i < 3 && !(s.charAt(j) == ' ' || s.charAt(j) == 'T')) {
      char c = s.charAt(j);
      if (i < 2 && c == '-') {
        if (!validDateDigits(i, digits)) {
          return FAIL;
        }
        segments[i++] = value;
        value = 0;
        digits = 0;
      } else {
        int d = c - '0';
        if (d < 0 || d > 9) {
          return FAIL;
        }
        value = value * 10 + d;
        digits++;
      }
      j++;
    }
    if (!validDateDigits(i, digits)) {
      return FAIL;
    }
    if (i < 2 && j < end) {
      return FAIL;
    }
    segments[i] = value;
    return epochDay((long) sign * segments[0], segments[1], segments[2]);
  }

  private static boolean validDateDigits(int segment, int digits) {
    return segment == 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
  }

  private static boolean validTimestampDigits(int segment, int digits) {
    return segment == 6 || (segment == 0 && digits >= 4 && digits <= 6) || (segment == 7 && digits <= 2)
        || (segment != 0 && segment != 6 && segment != 7 && digits > 0 && digits <= 2);
  }

  /**
   * Spark's {@code stringToTimestamp}: {@code [+-]yyyy*[-[m]m[-[d]d[( |T)[h]h:[m]m:[s]s[.fraction][zone]]]]} and
   * time-only forms ({@code [T][h]h:[m]m:[s]s...}, dated today); the zone is {@code Z}, an offset, a short id, a
   * {@code UTC+/GMT+/UT+} offset or a region. Fractions beyond micros are truncated. Returns local micros in
   * {@code sessionZone}, or {@link #FAIL}.
   */
  public static long stringToTimestamp(String s, ZoneId sessionZone) {
    int j = 0;
    int end = s.length();
    while (j < end && isTrimmable(s.charAt(j))) {
      j++;
    }
    while (end > j && isTrimmable(s.charAt(end - 1))) {
      end--;
    }
    if (j == end) {
      return FAIL;
    }
    int start = j;
    int[] segments = {1, 1, 1, 0, 0, 0, 0, 0, 0};
    int i = 0;
    int value = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean justTime = false;
    int yearSign = 0;
    String tz = null;
    if (s.charAt(j) == '-' || s.charAt(j) == '+') {
      yearSign = s.charAt(j) == '-' ? -1 : 1;
      j++;
    }
    while (j < end) {
      char b = s.charAt(j);
      int parsed = b - '0';
      if (parsed < 0 || parsed > 9) {
        if (j == start && b == 'T') {
          justTime = true;
          i += 3;
        } else if (i < 2) {
          if (b == '-') {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
          } else if (i == 0 && b == ':' && yearSign == 0) {
            justTime = true;
            if (!validTimestampDigits(3, digits)) {
              return FAIL;
            }
            segments[3] = value;
            value = 0;
            digits = 0;
            i = 4;
          } else {
            return FAIL;
          }
        } else if (i == 2) {
          if (b == ' ' || b == 'T') {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
          } else {
            return FAIL;
          }
        } else if (i == 3 || i == 4) {
          if (b == ':') {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
          } else {
            return FAIL;
          }
        } else if (i == 5 || i == 6) {
          if (b == '.' && i == 5) {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
          } else {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
            tz = s.substring(j, end);
            j = end - 1;
          }
          if (i == 6 && b != '.') {
            i++;
          }
        } else {
          if (i < segments.length && (b == ':' || b == ' ')) {
            if (!validTimestampDigits(i, digits)) {
              return FAIL;
            }
            segments[i++] = value;
            value = 0;
            digits = 0;
          } else {
            return FAIL;
          }
        }
      } else {
        if (i == 6) {
          fractionDigits++;
        }
        if (i != 6 || digits < 6) {
          value = value * 10 + parsed;
        }
        digits++;
      }
      j++;
    }
    if (i >= segments.length || !validTimestampDigits(i, digits)) {
      return FAIL;
    }
    segments[i] = value;
    while (fractionDigits < 6) {
      segments[6] *= 10;
      fractionDigits++;
    }
    ZoneId zone = sessionZone;
    if (tz != null) {
      try {
        String z = tz.trim();
        zone = z.equals("Z") ? ZoneOffset.UTC : ZoneId.of(z, ZoneId.SHORT_IDS);
      } catch (DateTimeException e) {
        return FAIL;
      }
    }
    if (yearSign != 0) {
      segments[0] *= yearSign;
    }
    try {
      LocalTime time = LocalTime.of(segments[3], segments[4], segments[5], segments[6] * 1000);
      LocalDate date = justTime ? LocalDate.now(zone)
          : LocalDate.of(segments[0], segments[1], segments[2]);
      LocalDateTime local = LocalDateTime.of(date, time);
      if (tz == null) {
        return toLocalMicros(local);
      }
      return toLocalMicros(local.atZone(zone).toInstant(), sessionZone);
    } catch (DateTimeException e) {
      return FAIL;
    }
  }
}
