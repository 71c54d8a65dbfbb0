package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.eval.Order;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.VectorBuilder;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * min, max, first and last: one value per group. min and max skip nulls and order as Spark does; first and
 * last take the first and last row's value, null included (Spark's default, ignoreNulls = false).
 */
final class ValueFunction extends AggFunction {
  enum Kind { MIN, MAX, FIRST, LAST }

  private final Kind kind;
  private final DataType type;
  private Object[] values = new Object[0];
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private boolean[] set = new boolean[0];
  private final boolean longForm;
  private final boolean doubleForm;

  ValueFunction(Kind kind, DataType type) {
    this.kind = kind;
    this.type = type;
    boolean minMax = kind == Kind.MIN || kind == Kind.MAX;
    this.longForm = minMax && (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
        || type.equals(DataTypes.DateType) || type.equals(DataTypes.TimestampType)
        || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType));
    this.doubleForm = minMax && type.equals(DataTypes.DoubleType);
  }

  @Override
  public List<DataType> stateTypes() {
    return kind == Kind.FIRST || kind == Kind.LAST ? List.of(type, DataTypes.BooleanType) : List.of(type);
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > set.length) {
      int cap = grow(set.length, groups);
      set = Arrays.copyOf(set, cap);
      if (longForm) {
        longs = Arrays.copyOf(longs, cap);
      } else if (doubleForm) {
        doubles = Arrays.copyOf(doubles, cap);
      } else {
        values = Arrays.copyOf(values, cap);
      }
    }
  }

  @Override
  public void update(int[] groupIds, int n, ColumnVector[] args) {
    ColumnVector v = args[0];
    if (longForm) {
      boolean isInt = v instanceof IntVector;
      int[] ints = isInt ? ((IntVector) v).values() : null;
      long[] ls = isInt ? null : ((LongVector) v).values();
      boolean min = kind == Kind.MIN;
      for (int i = 0; i < n; i++) {
        if (v.isNull(i)) {
          continue;
        }
        int g = groupIds[i];
        long x = isInt ? ints[i] : ls[i];
        if (!set[g] || (min ? x < longs[g] : x > longs[g])) {
          longs[g] = x;
          set[g] = true;
        }
      }
      return;
    }
    if (doubleForm) {
      double[] ds = ((DoubleVector) v).values();
      boolean min = kind == Kind.MIN;
      for (int i = 0; i < n; i++) {
        if (v.isNull(i)) {
          continue;
        }
        int g = groupIds[i];
        double x = ds[i];
        if (!set[g] || (min ? Order.compareDoubles(x, doubles[g]) < 0 : Order.compareDoubles(x, doubles[g]) > 0)) {
          doubles[g] = x;
          set[g] = true;
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int g = groupIds[i];
      switch (kind) {
        case FIRST -> {
          if (!set[g]) {
            values[g] = v.get(i);
            set[g] = true;
          }
        }
        case LAST -> {
          values[g] = v.get(i);
          set[g] = true;
        }
        default -> {
          Object x = v.get(i);
          if (x == null) {
            continue;
          }
          if (!set[g] || (kind == Kind.MIN ? Order.compareValues(x, values[g]) < 0
              : Order.compareValues(x, values[g]) > 0)) {
            values[g] = x;
            set[g] = true;
          }
        }
      }
    }
  }

  @Override
  public void merge(int[] groupIds, int n, ColumnVector[] states, int offset) {
    if (kind == Kind.MIN || kind == Kind.MAX) {
      update(groupIds, n, new ColumnVector[] {states[offset]});
      return;
    }
    ColumnVector v = states[offset];
    ColumnVector had = states[offset + 1];
    for (int i = 0; i < n; i++) {
      if (had.isNull(i) || !Boolean.TRUE.equals(had.get(i))) {
        continue;
      }
      int g = groupIds[i];
      if (kind == Kind.LAST || !set[g]) {
        values[g] = v.get(i);
        set[g] = true;
      }
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = result(from, to);
    if (kind == Kind.FIRST || kind == Kind.LAST) {
      out[offset + 1] = new io.kindling.engine.sql.vector.BooleanVector(Arrays.copyOfRange(set, from, to), null,
          to - from);
    }
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    if (longForm) {
      boolean[] nulls = new boolean[n];
      for (int g = from; g < to; g++) {
        nulls[g - from] = !set[g];
      }
      if (type.equals(DataTypes.LongType) || type.equals(DataTypes.TimestampType)) {
        return new LongVector(type, Arrays.copyOfRange(longs, from, to), nulls, n);
      }
      int[] out = new int[n];
      for (int g = from; g < to; g++) {
        out[g - from] = (int) longs[g];
      }
      return new IntVector(type, out, nulls, n);
    }
    if (doubleForm) {
      boolean[] nulls = new boolean[n];
      for (int g = from; g < to; g++) {
        nulls[g - from] = !set[g];
      }
      return new DoubleVector(Arrays.copyOfRange(doubles, from, to), nulls, n);
    }
    VectorBuilder b = VectorBuilder.forType(type, n);
    for (int g = from; g < to; g++) {
      b.append(set[g] ? values[g] : null);
    }
    return b.build();
  }
}
