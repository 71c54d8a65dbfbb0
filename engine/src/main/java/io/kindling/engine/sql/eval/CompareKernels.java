package io.kindling.engine.sql.eval;

import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.internal.sql.expr.Comparison;

/**
 * Comparisons of primitive vectors, one loop per type and operator. Doubles compare as Spark compares them:
 * NaN equals NaN and is larger than any other value, and -0.0 equals 0.0.
 */
final class CompareKernels {
  private CompareKernels() {}

  /** The comparison of rows, or null when the vectors are not primitive. Nulls are set by the caller. */
  static boolean[] apply(Comparison.Op op, ColumnVector l, ColumnVector r, int n) {
    boolean[] c = new boolean[n];

    if (l instanceof IntVector lv) {
      int[] a = lv.values();
      int[] b = ((IntVector) r).values();
      switch (op) {
        case EQ, EQ_NULL_SAFE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] == b[i];
          }
        }
        case GT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] > b[i];
          }
        }
        case GE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] >= b[i];
          }
        }
        case LT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] < b[i];
          }
        }
        case LE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] <= b[i];
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return c;
    }
    if (l instanceof LongVector lv) {
      long[] a = lv.values();
      long[] b = ((LongVector) r).values();
      switch (op) {
        case EQ, EQ_NULL_SAFE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] == b[i];
          }
        }
        case GT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] > b[i];
          }
        }
        case GE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] >= b[i];
          }
        }
        case LT -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] < b[i];
          }
        }
        case LE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] <= b[i];
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return c;
    }
    if (l instanceof FloatVector lv) {
      float[] a = lv.values();
      float[] b = ((FloatVector) r).values();
      switch (op) {
        case EQ, EQ_NULL_SAFE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareFloats(a[i], b[i]) == 0;
          }
        }
        case GT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareFloats(a[i], b[i]) > 0;
          }
        }
        case GE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareFloats(a[i], b[i]) >= 0;
          }
        }
        case LT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareFloats(a[i], b[i]) < 0;
          }
        }
        case LE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareFloats(a[i], b[i]) <= 0;
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return c;
    }
    if (l instanceof DoubleVector lv) {
      double[] a = lv.values();
      double[] b = ((DoubleVector) r).values();
      switch (op) {
        case EQ, EQ_NULL_SAFE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareDoubles(a[i], b[i]) == 0;
          }
        }
        case GT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareDoubles(a[i], b[i]) > 0;
          }
        }
        case GE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareDoubles(a[i], b[i]) >= 0;
          }
        }
        case LT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareDoubles(a[i], b[i]) < 0;
          }
        }
        case LE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Order.compareDoubles(a[i], b[i]) <= 0;
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return c;
    }
    if (l instanceof BooleanVector lv) {
      boolean[] a = lv.values();
      boolean[] b = ((BooleanVector) r).values();
      switch (op) {
        case EQ, EQ_NULL_SAFE -> {
          for (int i = 0; i < n; i++) {
            c[i] = a[i] == b[i];
          }
        }
        case GT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Boolean.compare(a[i], b[i]) > 0;
          }
        }
        case GE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Boolean.compare(a[i], b[i]) >= 0;
          }
        }
        case LT -> {
          for (int i = 0; i < n; i++) {
            c[i] = Boolean.compare(a[i], b[i]) < 0;
          }
        }
        case LE -> {
          for (int i = 0; i < n; i++) {
            c[i] = Boolean.compare(a[i], b[i]) <= 0;
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
      return c;
    }
    return null;
  }
}
