package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/** floats. */
public final class FloatVector extends ColumnVector {
  private final float[] values;

  public FloatVector(DataType type, float[] values, boolean[] nulls, int size) {
    super(type, size, normalizeNulls(nulls, size));
    this.values = values;
  }

  public FloatVector(float[] values, boolean[] nulls, int size) {
    this(DataTypes.FloatType, values, nulls, size);
  }

  /** The values (only the first {@link #size()} count; a null's slot holds an arbitrary value). */
  public float[] values() {
    return values;
  }

  public float getFloat(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return isNull(i) ? null : values[i];
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    float[] out = new float[n];
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
    return new FloatVector(type, out, gatherNulls(indices, n), n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new FloatVector(type, Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to), to - from);
  }
}
