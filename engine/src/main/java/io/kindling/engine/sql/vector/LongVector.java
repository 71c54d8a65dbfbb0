package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/** Longs: long columns, and timestamps (microseconds since 1970-01-01T00:00, local time). */
public final class LongVector extends ColumnVector {
  private final long[] values;

  public LongVector(DataType type, long[] values, boolean[] nulls, int size) {
    super(type, size, normalizeNulls(nulls, size));
    this.values = values;
  }

  public LongVector(long[] values, boolean[] nulls, int size) {
    this(DataTypes.LongType, values, nulls, size);
  }

  /** The values (only the first {@link #size()} count; a null's slot holds an arbitrary value). */
  public long[] values() {
    return values;
  }

  public long getLong(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    if (isNull(i)) {
      return null;
    }
    long v = values[i];
    return type == DataTypes.TimestampType ? Timestamps.toLocalDateTime(v) : (Object) v;
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    long[] out = new long[n];
    if (hasMissing(indices, n)) {
      for (int i = 0; i < n; i++) {
        int j = indices[i];
        out[i] = j < 0 ? 0 : values[j];
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = values[indices[i]];
      }
    }
    return new LongVector(type, out, gatherNulls(indices, n), n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new LongVector(type, Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to), to - from);
  }
}
