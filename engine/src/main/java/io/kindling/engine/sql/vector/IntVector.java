package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/** Ints: int, short and byte columns, and dates (days since 1970-01-01). */
public final class IntVector extends ColumnVector {
  private final int[] values;

  public IntVector(DataType type, int[] values, boolean[] nulls, int size) {
    super(type, size, normalizeNulls(nulls, size));
    this.values = values;
  }

  public IntVector(int[] values, boolean[] nulls, int size) {
    this(DataTypes.IntegerType, values, nulls, size);
  }

  /** The values (only the first {@link #size()} count; a null's slot holds an arbitrary value). */
  public int[] values() {
    return values;
  }

  public int getInt(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    if (isNull(i)) {
      return null;
    }
    int v = values[i];
    if (type == DataTypes.DateType) {
      return java.time.LocalDate.ofEpochDay(v);
    }
    if (type == DataTypes.ShortType) {
      return (short) v;
    }
    if (type == DataTypes.ByteType) {
      return (byte) v;
    }
    return v;
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    int[] out = new int[n];
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
    return new IntVector(type, out, gatherNulls(indices, n), n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new IntVector(type, Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to), to - from);
  }
}
