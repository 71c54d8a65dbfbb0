package io.kindling.hadoop.parquet;

/**
 * Where a column reader puts decoded values: straight into a {@link io.kindling.engine.format.RowConsumer} column
 * (top-level columns, unboxed) or into a nested value being built (boxed).
 */
interface ValueTarget {
  void setBoolean(boolean v);

  void setInt(int v);

  void setByte(byte v);

  void setShort(short v);

  void setLong(long v);

  void setFloat(float v);

  void setDouble(double v);

  void setDate(int epochDay);

  void setTimestamp(long localMicros);

  /** UTF-8 bytes, valid only during the call. */
  void setString(byte[] utf8, int offset, int length);

  /** Bytes the target may keep. */
  void setBinary(byte[] value);

  /** A built nested value (an {@code Object[]} struct or a {@code List} array). */
  void setObject(Object value);
}
