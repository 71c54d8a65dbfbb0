package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.eval.Keys;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.ObjectVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * count(DISTINCT …) and sum(DISTINCT …): the distinct non-null argument values (tuples without nulls) of each
 * group, kept as a set until the end.
 */
final class DistinctFunction extends AggFunction {
  private final String function;
  private final DataType resultType;
  private Object[] sets = new Object[0];

  DistinctFunction(String function, DataType resultType) {
    this.function = function;
    this.resultType = resultType;
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataTypes.createArrayType(DataTypes.StringType));
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > sets.length) {
      sets = Arrays.copyOf(sets, grow(sets.length, groups));
    }
  }

  @SuppressWarnings("unchecked")
  private HashSet<Object> set(int g) {
    HashSet<Object> s = (HashSet<Object>) sets[g];
    if (s == null) {
      s = new HashSet<>();
      sets[g] = s;
    }
    return s;
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    for (int i = 0; i < n; i++) {
      HashSet<Object> s = set(groupIds[i]);
      Object key;
      if (args.length == 1) {
        Object v = args[0].get(i);
        if (v == null) {
          continue;
        }
        key = Keys.normalize(v);
      } else {
        Object[] values = new Object[args.length];
        boolean anyNull = false;
        for (int a = 0; a < args.length; a++) {
          values[a] = Keys.normalize(args[a].get(i));
          anyNull |= values[a] == null;
        }
        if (anyNull) {
          continue;
        }
        key = new Keys.Composite(values);
      }
      s.add(key);
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    ColumnVector v = states[offset];
    for (int i = 0; i < n; i++) {
      Object other = v.get(i);
      HashSet<Object> s = set(groupIds[i]);
      if (other != null) {
        s.addAll((List<?>) other);
      }
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    Object[] values = new Object[to - from];
    for (int g = from; g < to; g++) {
      values[g - from] = new ArrayList<>(set(g));
    }
    out[offset] = new ObjectVector(stateTypes().get(0), values, to - from);
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    if (function.equals("count")) {
      long[] out = new long[n];
      for (int g = from; g < to; g++) {
        out[g - from] = set(g).size();
      }
      return new LongVector(DataTypes.LongType, out, null, n);
    }
    boolean[] nulls = new boolean[n];
    if (resultType.equals(DataTypes.LongType)) {
      long[] out = new long[n];
      for (int g = from; g < to; g++) {
        HashSet<Object> s = set(g);
        nulls[g - from] = s.isEmpty();
        for (Object o : s) {
          out[g - from] += ((Number) o).longValue();
        }
      }
      return new LongVector(DataTypes.LongType, out, nulls, n);
    }
    double[] out = new double[n];
    for (int g = from; g < to; g++) {
      HashSet<Object> s = set(g);
      nulls[g - from] = s.isEmpty();
      for (Object o : s) {
        out[g - from] += ((Number) o).doubleValue();
      }
    }
    return new DoubleVector(out, nulls, n);
  }
}
