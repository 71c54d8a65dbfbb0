package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;

/** doubles. */
public final class DoubleVector extends ColumnVector {
  private final double[] values;

  public DoubleVector(DataType type, double[] values, boolean[] nulls, int size) {
    super(type, size, normalizeNulls(nulls, size));
    this.values = values;
  }

  public DoubleVector(double[] values, boolean[] nulls, int size) {
    this(DataTypes.DoubleType, values, nulls, size);
  }

  /** The values (only the first {@link #size()} count; a null's slot holds an arbitrary value). */
  public double[] values() {
    return values;
  }

  public double getDouble(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return isNull(i) ? null : values[i];
  }

  @Override
  public ColumnVector gather(int[] indices, int n) {
    double[] out = new double[n];
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
    return new DoubleVector(type, out, gatherNulls(indices, n), n);
  }

  @Override
  public ColumnVector slice(int from, int to) {
    return new DoubleVector(type, Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to), to - from);
  }
}
