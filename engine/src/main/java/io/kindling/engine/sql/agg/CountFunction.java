package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/** count(args…): the rows of the group where no argument is null (count(1) counts every row). */
final class CountFunction extends AggFunction {
  private long[] counts = new long[0];

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataTypes.LongType);
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > counts.length) {
      counts = Arrays.copyOf(counts, grow(counts.length, groups));
    }
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    boolean anyNulls = false;
    for (ColumnVector a : args) {
      anyNulls |= a.hasNulls();
    }
    if (!anyNulls) {
      for (int i = 0; i < n; i++) {
        counts[groupIds[i]]++;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      boolean skip = false;
      for (ColumnVector a : args) {
        skip |= a.isNull(i);
      }
      if (!skip) {
        counts[groupIds[i]]++;
      }
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    long[] v = ((LongVector) states[offset]).values();
    for (int i = 0; i < n; i++) {
      counts[groupIds[i]] += v[i];
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = result(from, to);
  }

  @Override
  public ColumnVector result(int from, int to) {
    return new LongVector(DataTypes.LongType, Arrays.copyOfRange(counts, from, to), null, to - from);
  }
}
