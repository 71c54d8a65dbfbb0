package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/** sum of an integral column, as a long (wrapping on overflow, as Spark without ANSI mode); null if no value. */
final class SumLongFunction extends AggFunction {
  private long[] sums = new long[0];
  private boolean[] seen = new boolean[0];

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataTypes.LongType);
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > sums.length) {
      int cap = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, cap);
      seen = Arrays.copyOf(seen, cap);
    }
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    ColumnVector v = args[0];
    if (v instanceof IntVector iv) {
      int[] a = iv.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          int g = groupIds[i];
          sums[g] += a[i];
          seen[g] = true;
        }
      }
    } else {
      long[] a = ((LongVector) v).values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          int g = groupIds[i];
          sums[g] += a[i];
          seen[g] = true;
        }
      }
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    update(groupIds, n, new ColumnVector[] {states[offset]});
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = result(from, to);
  }

  @Override
  public ColumnVector result(int from, int to) {
    boolean[] nulls = new boolean[to - from];
    for (int g = from; g < to; g++) {
      nulls[g - from] = !seen[g];
    }
    return new LongVector(DataTypes.LongType, Arrays.copyOfRange(sums, from, to), nulls, to - from);
  }
}
