package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/** avg of a double column (a double sum and a count); null if the group has no value. */
final class AvgFunction extends AggFunction {
  private double[] sums = new double[0];
  private long[] counts = new long[0];

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataTypes.DoubleType, DataTypes.LongType);
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > sums.length) {
      int cap = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, cap);
      counts = Arrays.copyOf(counts, cap);
    }
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    ColumnVector v = args[0];
    double[] a = ((DoubleVector) v).values();
    if (!v.hasNulls()) {
      for (int i = 0; i < n; i++) {
        int g = groupIds[i];
        sums[g] += a[i];
        counts[g]++;
      }
      return;
    }
    boolean[] nulls = v.nulls();
    for (int i = 0; i < n; i++) {
      if (!nulls[i]) {
        int g = groupIds[i];
        sums[g] += a[i];
        counts[g]++;
      }
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    double[] s = ((DoubleVector) states[offset]).values();
    long[] c = ((LongVector) states[offset + 1]).values();
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      sums[g] += s[i];
      counts[g] += c[i];
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = new DoubleVector(Arrays.copyOfRange(sums, from, to), null, to - from);
    out[offset + 1] = new LongVector(DataTypes.LongType, Arrays.copyOfRange(counts, from, to), null, to - from);
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    double[] out = new double[n];
    boolean[] nulls = new boolean[n];
    for (int g = from; g < to; g++) {
      if (counts[g] == 0) {
        nulls[g - from] = true;
      } else {
        out[g - from] = sums[g] / counts[g];
      }
    }
    return new DoubleVector(out, nulls, n);
  }
}
