package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/** Booleans. */
public final class BooleanVector extends ColumnVector {
  private final boolean[] values;

  public BooleanVector(boolean[] values, boolean[] nulls, int size) {
    super(DataTypes.BooleanType, size, normalizeNulls(nulls, size));
    this.values = values;
  }

  public boolean[] values() {
    return values;
  }

  public boolean getBoolean(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return isNull(i) ? null : values[i];
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = indices[i];
      out[i] = j >= 0 && values[j];
    }
    return new BooleanVector(out, gatherNulls(indices, n), n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new BooleanVector(Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to), to - from);
  }
}
