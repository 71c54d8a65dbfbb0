package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * Variance and standard deviation (sample and population) with Spark's updating and merging formulas for
 * the count, mean and sum of squared deviations, so results agree with Spark's to the last digit. The sample
 * forms give null for fewer than two values.
 */
final class MomentsFunction extends AggFunction {
  enum Kind { VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP }

  private final Kind kind;
  private double[] n = new double[0];
  private double[] avg = new double[0];
  private double[] m2 = new double[0];

  MomentsFunction(Kind kind) {
    this.kind = kind;
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType);
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > n.length) {
      int cap = grow(n.length, groups);
      n = Arrays.copyOf(n, cap);
      avg = Arrays.copyOf(avg, cap);
      m2 = Arrays.copyOf(m2, cap);
    }
  }

  @Override
  public void update(int[] groupIds, int rows, ColumnVector[] args) {
    ColumnVector v = args[0];
    double[] a = ((DoubleVector) v).values();
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        continue;
      }
      int g = groupIds[i];
      double newN = n[g] + 1.0;
      double delta = a[i] - avg[g];
      double deltaN = delta / newN;
      avg[g] = avg[g] + deltaN;
      m2[g] = m2[g] + delta * (delta - deltaN);
      n[g] = newN;
    }
  }

  @Override
  public void merge(int[] groupIds, int rows, ColumnVector[] states, int offset) {
    double[] n2 = ((DoubleVector) states[offset]).values();
    double[] avg2 = ((DoubleVector) states[offset + 1]).values();
    double[] m22 = ((DoubleVector) states[offset + 2]).values();
    for (int i = 0; i < rows; i++) {
      int g = groupIds[i];
      double n1 = n[g];
      double newN = n1 + n2[i];
      double delta = avg2[i] - avg[g];
      double deltaN = newN == 0.0 ? 0.0 : delta / newN;
      avg[g] = avg[g] + deltaN * n2[i];
      m2[g] = m2[g] + m22[i] + delta * deltaN * n1 * n2[i];
      n[g] = newN;
    }
  }

  @Override
  public void states(int from, int to, ColumnVector[] out, int offset) {
    out[offset] = new DoubleVector(Arrays.copyOfRange(n, from, to), null, to - from);
    out[offset + 1] = new DoubleVector(Arrays.copyOfRange(avg, from, to), null, to - from);
    out[offset + 2] = new DoubleVector(Arrays.copyOfRange(m2, from, to), null, to - from);
  }

  @Override
  public ColumnVector result(int from, int to) {
    int size = to - from;
    double[] out = new double[size];
    boolean[] nulls = new boolean[size];
    for (int g = from; g < to; g++) {
      double count = n[g];
      int i = g - from;
      boolean sample = kind == Kind.VAR_SAMP || kind == Kind.STDDEV_SAMP;
      if (count == 0.0 || (sample && count == 1.0)) {
        nulls[i] = true;
        continue;
      }
      double variance = m2[g] / (sample ? count - 1.0 : count);
      out[i] = kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP ? Math.sqrt(variance) : variance;
    }
    return new DoubleVector(out, nulls, size);
  }
}
