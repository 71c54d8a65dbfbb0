package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.internal.sql.expr.Arithmetic;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;

/**
 * Arithmetic over whole vectors, one tight loop per type and operator (generated shape, so the JIT can
 * vectorize them). Integer results wrap on overflow; division and remainder by zero give null, as in Spark.
 */
final class ArithmeticKernels {
  private ArithmeticKernels() {}

  static ColumnVector apply(Arithmetic.Op op, DataType type, ColumnVector l, ColumnVector r, int n) {
    boolean[] nulls = Nulls.union(l.nulls(), r.nulls(), n);

    if (l instanceof IntVector lv) {
      int[] a = lv.values();
      int[] b = ((IntVector) r).values();
      int[] c = new int[n];
      switch (op) {
        case ADD -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
          }
        }
        case SUBTRACT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] - b[i];
          }
        }
        case MULTIPLY -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] * b[i];
          }
        }
        case DIVIDE -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] / b[i];
            }
          }
        }
        case REMAINDER -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] % b[i];
            }
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      if (type == DataTypes.ByteType) {
        for (int i = 0; i < n; i++) {
          c[i] = (byte) c[i];
        }
      } else if (type == DataTypes.ShortType) {
        for (int i = 0; i < n; i++) {
          c[i] = (short) c[i];
        }
      }
      return new IntVector(type, c, nulls, n);
    }
    if (l instanceof LongVector lv) {
      long[] a = lv.values();
      long[] b = ((LongVector) r).values();
      long[] c = new long[n];
      switch (op) {
        case ADD -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
          }
        }
        case SUBTRACT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] - b[i];
          }
        }
        case MULTIPLY -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] * b[i];
          }
        }
        case DIVIDE -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] / b[i];
            }
          }
        }
        case REMAINDER -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] % b[i];
            }
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return new LongVector(type, c, nulls, n);
    }
    if (l instanceof FloatVector lv) {
      float[] a = lv.values();
      float[] b = ((FloatVector) r).values();
      float[] c = new float[n];
      switch (op) {
        case ADD -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
          }
        }
        case SUBTRACT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] - b[i];
          }
        }
        case MULTIPLY -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] * b[i];
          }
        }
        case DIVIDE -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] / b[i];
            }
          }
        }
        case REMAINDER -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] % b[i];
            }
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return new FloatVector(type, c, nulls, n);
    }
    if (l instanceof DoubleVector lv) {
      double[] a = lv.values();
      double[] b = ((DoubleVector) r).values();
      double[] c = new double[n];
      switch (op) {
        case ADD -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] + b[i];
          }
        }
        case SUBTRACT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] - b[i];
          }
        }
        case MULTIPLY -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] * b[i];
          }
        }
        case DIVIDE -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] / b[i];
            }
          }
        }
        case REMAINDER -> {
          for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
              nulls = Nulls.set(nulls, i, n);
            } else {
              c[i] = a[i] % b[i];
            }
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return new DoubleVector(type, c, nulls, n);
    }
    throw new IllegalStateException("arithmetic on " + l.getClass().getSimpleName());
  }
}
