package io.kindling.engine.format;

import java.nio.charset.StandardCharsets;

/**
 * Receives the rows a reader parses, value by value, so that a caller can fill column vectors without boxing.
 *
 * <p>Contract, for every row: the reader calls a setter for every column of the required schema (index =
 * position in that schema; in any order; a column set twice keeps the last value), then either {@link #endRow()}
 * to keep the row or {@link #discardRow()} to drop it (DROPMALFORMED); a column builder writes at its current size
 * and grows only on {@code endRow}. The setter called is the one of the column's type:
 *
 * <table>
 *   <caption>setters by type</caption>
 *   <tr><td>IntegerType</td><td>{@link #setInt}</td></tr>
 *   <tr><td>LongType</td><td>{@link #setLong}</td></tr>
 *   <tr><td>DoubleType</td><td>{@link #setDouble}</td></tr>
 *   <tr><td>FloatType</td><td>{@link #setFloat}</td></tr>
 *   <tr><td>ShortType, ByteType</td><td>{@link #setShort}, {@link #setByte}</td></tr>
 *   <tr><td>BooleanType</td><td>{@link #setBoolean}</td></tr>
 *   <tr><td>DateType</td><td>{@link #setDate} (days since 1970-01-01)</td></tr>
 *   <tr><td>TimestampType</td><td>{@link #setTimestamp} (local micros, see {@link DateTimes#toLocalMicros})</td></tr>
 *   <tr><td>StringType</td><td>{@link #setString(int, byte[], int, int)} (UTF-8 bytes valid only during the
 *   call) or {@link #setString(int, String)}</td></tr>
 *   <tr><td>ArrayType, StructType</td><td>{@link #setObject} with a {@code java.util.List} / {@code Object[]}</td></tr>
 * </table>
 * and {@link #setNull} for a null of any type. The defaults box and forward to {@link #setObject} with the plain
 * Java value (Integer, Long, Double, Float, Short, Byte, Boolean, LocalDate, LocalDateTime, String), so an
 * implementation overrides only what it stores unboxed. Called by one thread.
 */
public interface RowConsumer {

  void setNull(int column);

  /** A value as a plain Java object (see the class comment); never null. */
  void setObject(int column, Object value);

  /** Keeps the row whose values were just set. */
  void endRow();

  /** Drops the row whose values were (partly) set. */
  default void discardRow() {}

  default void setInt(int column, int value) {
    setObject(column, value);
  }

  default void setLong(int column, long value) {
    setObject(column, value);
  }

  default void setDouble(int column, double value) {
    setObject(column, value);
  }

  default void setFloat(int column, float value) {
    setObject(column, value);
  }

  default void setShort(int column, short value) {
    setObject(column, value);
  }

  default void setByte(int column, byte value) {
    setObject(column, value);
  }

  default void setBoolean(int column, boolean value) {
    setObject(column, value);
  }

  /** A date as days since 1970-01-01. */
  default void setDate(int column, int epochDay) {
    setObject(column, java.time.LocalDate.ofEpochDay(epochDay));
  }

  /** A timestamp as microseconds of the local date-time (in the session time zone) since 1970-01-01T00:00. */
  default void setTimestamp(int column, long localMicros) {
    setObject(column, DateTimes.toLocalDateTime(localMicros));
  }

  default void setString(int column, String value) {
    setObject(column, value);
  }

  /** A string as UTF-8 bytes; the array is reused by the reader after the call returns. */
  default void setString(int column, byte[] utf8, int offset, int length) {
    setString(column, new String(utf8, offset, length, StandardCharsets.UTF_8));
  }
}
