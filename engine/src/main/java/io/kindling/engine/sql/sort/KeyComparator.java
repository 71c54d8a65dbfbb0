package io.kindling.engine.sql.sort;

import io.kindling.engine.sql.eval.Order;
import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;

/** Compares rows of key vectors (possibly of two different batches) by sort orders, typed per column. */
public final class KeyComparator {
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  public KeyComparator(boolean[] ascending, boolean[] nullsFirst) {
    this.ascending = ascending;
    this.nullsFirst = nullsFirst;
  }

  /** Compares row {@code i} of {@code a} with row {@code j} of {@code b}. */
  public int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) {
    for (int k = 0; k < a.length; k++) {
      int c = compareColumn(k, a[k], i, b[k], j);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private int compareColumn(int k, ColumnVector x, int i, ColumnVector y, int j) {
    boolean xn = x.isNull(i);
    boolean yn = y.isNull(j);
    if (xn || yn) {
      if (xn && yn) {
        return 0;
      }
      return xn == nullsFirst[k] ? -1 : 1;
    }
    int c;
    if (x instanceof IntVector xv) {
      c = Integer.compare(xv.getInt(i), ((IntVector) y).getInt(j));
    } else if (x instanceof LongVector xv) {
      c = Long.compare(xv.getLong(i), ((LongVector) y).getLong(j));
    } else if (x instanceof DoubleVector xv) {
      c = Order.compareDoubles(xv.getDouble(i), ((DoubleVector) y).getDouble(j));
    } else if (x instanceof FloatVector xv) {
      c = Order.compareFloats(xv.getFloat(i), ((FloatVector) y).getFloat(j));
    } else if (x instanceof BooleanVector xv) {
      c = Boolean.compare(xv.getBoolean(i), ((BooleanVector) y).getBoolean(j));
    } else if (x instanceof StringVector xv) {
      c = Order.compareStrings(xv.getString(i), ((StringVector) y).getString(j));
    } else {
      c = Order.compareValues(x.get(i), y.get(j));
    }
    return ascending[k] ? c : -c;
  }
}
