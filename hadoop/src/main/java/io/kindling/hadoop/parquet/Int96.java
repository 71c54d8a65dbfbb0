package io.kindling.hadoop.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;

/**
 * Parquet's legacy INT96 timestamp (Impala, Hive and Spark's default): 8 bytes of nanoseconds within the day,
 * then 4 bytes of Julian day number, little-endian; the instant is in UTC.
 */
final class Int96 {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private Int96() {}

  /** Microseconds since the epoch (UTC) of an INT96 value. */
  static long toEpochMicros(Binary value) {
    ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanos = b.getLong(b.position());
    long julianDay = b.getInt(b.position() + 8);
    return (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + Math.floorDiv(nanos, 1000);
  }

  /** The INT96 value of microseconds since the epoch (UTC). */
  static Binary fromEpochMicros(long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long microsOfDay = Math.floorMod(micros, MICROS_PER_DAY);
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(microsOfDay * 1000);
    b.putInt((int) (day + JULIAN_DAY_OF_EPOCH));
    return Binary.fromConstantByteArray(b.array());
  }
}
