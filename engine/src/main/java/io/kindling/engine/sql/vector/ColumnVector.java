package io.kindling.engine.sql.vector;

import io.kindling.sql.types.DataType;

/**
 * One column of a batch: {@link #size()} values of one type, and a null mask ({@code nulls[i]} true for a
 * null; the mask itself is null when no value is). Immutable once built; operators share vectors freely.
 * Dates are stored as days since 1970-01-01, timestamps as microseconds since 1970-01-01T00:00 (local time).
 */
public abstract sealed class ColumnVector
    permits BooleanVector, IntVector, LongVector, FloatVector, DoubleVector, StringVector, ObjectVector {

  protected final DataType type;
  protected final int size;
  protected final boolean[] nulls;

  protected ColumnVector(DataType type, int size, boolean[] nulls) {
    this.type = type;
    this.size = size;
    this.nulls = nulls;
  }

  public final DataType type() {
    return type;
  }

  public final int size() {
    return size;
  }

  /** The null mask, or null when there is no null. */
  public final boolean[] nulls() {
    return nulls;
  }

  public final boolean isNull(int i) {
    return nulls != null && nulls[i];
  }

  public final boolean hasNulls() {
    return nulls != null;
  }

  /** The value at {@code i} as the Java object rows hold (Integer, LocalDate, …), or null. */
  public abstract Object get(int i);

  /** The rows at {@code indices[0..n)}, in that order (an index of -1 gives null). */
  public abstract ColumnVector gather(int[] indices, int n);

  /** Rows {@code [from, to)}. */
  public ColumnVector slice(int from, int to) {
    int n = to - from;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = from + i;
    }
    return gather(idx, n);
  }

  /** A mask of the gathered rows' nulls (with -1 indices null), or null when there is none. */
  protected final boolean[] gatherNulls(int[] indices, int n) {
    boolean[] out = null;
    for (int i = 0; i < n; i++) {
      int j = indices[i];
      if (j < 0 || (nulls != null && nulls[j])) {
        if (out == null) {
          out = new boolean[n];
        }
        out[i] = true;
      }
    }
    return out;
  }

  /** True when {@code indices} has a -1 among its first {@code n}. */
  protected static boolean hasMissing(int[] indices, int n) {
    for (int i = 0; i < n; i++) {
      if (indices[i] < 0) {
        return true;
      }
    }
    return false;
  }

  protected static boolean[] sliceNulls(boolean[] nulls, int from, int to) {
    if (nulls == null) {
      return null;
    }
    for (int i = from; i < to; i++) {
      if (nulls[i]) {
        return java.util.Arrays.copyOfRange(nulls, from, to);
      }
    }
    return null;
  }

  /** The mask as given, or null when it marks nothing (so that "no nulls" is always a null mask). */
  public static boolean[] normalizeNulls(boolean[] nulls, int size) {
    if (nulls == null) {
      return null;
    }
    for (int i = 0; i < size; i++) {
      if (nulls[i]) {
        return nulls;
      }
    }
    return null;
  }
}
