package io.kindling.engine.sql.vector;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Conversions between timestamps as microseconds since 1970-01-01T00:00 (local time) and LocalDateTime. */
public final class Timestamps {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private Timestamps() {}

  public static long toMicros(LocalDateTime t) {
    long days = t.toLocalDate().toEpochDay();
    long micros = t.toLocalTime().toNanoOfDay() / 1000;
    return days * MICROS_PER_DAY + micros;
  }

  public static LocalDateTime toLocalDateTime(long micros) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long rest = Math.floorMod(micros, MICROS_PER_DAY);
    return LocalDateTime.of(LocalDate.ofEpochDay(days), LocalTime.ofNanoOfDay(rest * 1000));
  }

  public static int toDays(long micros) {
    return (int) Math.floorDiv(micros, MICROS_PER_DAY);
  }
}
