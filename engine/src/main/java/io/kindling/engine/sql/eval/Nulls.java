package io.kindling.engine.sql.eval;

/** Null masks: null means no row is null. */
final class Nulls {
  private Nulls() {}

  static boolean[] union(boolean[] a, boolean[] b, int n) {
    if (a == null) {
      return b == null ? null : b.clone();
    }
    if (b == null) {
      return a.clone();
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = a[i] || b[i];
    }
    return out;
  }

  /** Marks row {@code i} null, making the mask if needed. */
  static boolean[] set(boolean[] mask, int i, int n) {
    boolean[] m = mask == null ? new boolean[n] : mask;
    m[i] = true;
    return m;
  }

  static boolean[] copy(boolean[] a) {
    return a == null ? null : a.clone();
  }
}
