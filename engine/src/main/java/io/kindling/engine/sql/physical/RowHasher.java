package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.FloatVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.engine.sql.eval.Keys;

/**
 * Hashes rows by key columns, the same way on every node and for both sides of a join (whose keys have the
 * same types): equal values, -0.0 and 0.0, all NaNs and dictionary or plain strings hash alike.
 */
final class RowHasher {
  static final int SEED = 42;

  private RowHasher() {}

  static int[] hash(ColumnVector[] keys, int n) {
    int[] h = new int[n];
    java.util.Arrays.fill(h, SEED);
    for (ColumnVector k : keys) {
      combine(k, h, n);
    }
    return h;
  }

  /** The partition of each hash: non-negative, in {@code [0, partitions)}. */
  static int partition(int hash, int partitions) {
    return Math.floorMod(mix(hash), partitions);
  }

  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static void combine(ColumnVector k, int[] h, int n) {
    if (k instanceof IntVector v) {
      int[] a = v.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + mix(a[i]);
        }
      }
    } else if (k instanceof LongVector v) {
      long[] a = v.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + mix(Long.hashCode(a[i]));
        }
      }
    } else if (k instanceof DoubleVector v) {
      double[] a = v.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + mix(Keys.normalize(a[i]).hashCode());
        }
      }
    } else if (k instanceof FloatVector v) {
      float[] a = v.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + mix(Keys.normalize(a[i]).hashCode());
        }
      }
    } else if (k instanceof BooleanVector v) {
      boolean[] a = v.values();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + mix(a[i] ? 1231 : 1237);
        }
      }
    } else if (k instanceof StringVector v && v.isDictionary()) {
      String[] dict = v.dictionary();
      int[] perCode = new int[dict.length];
      for (int d = 0; d < dict.length; d++) {
        perCode[d] = dict[d] == null ? 0 : mix(dict[d].hashCode());
      }
      int[] codes = v.codes();
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          h[i] = 31 * h[i] + perCode[codes[i]];
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        Object x = k.get(i);
        if (x != null) {
          h[i] = 31 * h[i] + mix(Keys.normalize(x).hashCode());
        }
      }
    }
  }
}
