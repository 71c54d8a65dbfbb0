package io.kindling.shuffle.external;

/**
 * Sorts {@code long} keys in signed order, with an optional array of values moved along: a least-significant-digit
 * radix sort, one byte a pass, passes whose byte is the same in every key skipped. Stable, and linear in the
 * number of keys; it needs a second array of each kind as large as the input.
 */
final class LongRadixSort {
  private static final int INSERTION_LIMIT = 64;

  private LongRadixSort() {}

  /** Sorts {@code keys[0, n)} ascending; {@code values[i]}, when not null, moves with {@code keys[i]}. */
  static void sort(long[] keys, Object[] values, int n) {
    if (n < INSERTION_LIMIT) {
      insertionSort(keys, values, n);
      return;
    }
    int[][] counts = new int[8][256];
    for (int i = 0; i < n; i++) {
      // Flipping the sign bit makes signed order the unsigned order of the bytes.
      long k = keys[i] ^ Long.MIN_VALUE;
      for (int b = 0; b < 8; b++) {
        counts[b][(int) (k >>> (b << 3)) & 0xFF]++;
      }
    }
    long[] srcKeys = keys;
    Object[] srcValues = values;
    long[] dstKeys = null;
    Object[] dstValues = null;
    for (int b = 0; b < 8; b++) {
      int[] count = counts[b];
      int shift = b << 3;
      if (count[(int) ((srcKeys[0] ^ Long.MIN_VALUE) >>> shift) & 0xFF] == n) {
        continue;
      }
      if (dstKeys == null) {
        dstKeys = new long[n];
        dstValues = values == null ? null : new Object[n];
      }
      int sum = 0;
      for (int d = 0; d < 256; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long k = srcKeys[i];
        int at = count[(int) ((k ^ Long.MIN_VALUE) >>> shift) & 0xFF]++;
        dstKeys[at] = k;
        if (srcValues != null) {
          dstValues[at] = srcValues[i];
        }
      }
      long[] tk = srcKeys;
      srcKeys = dstKeys;
      dstKeys = tk;
      Object[] tv = srcValues;
      srcValues = dstValues;
      dstValues = tv;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, n);
      if (values != null) {
        System.arraycopy(srcValues, 0, values, 0, n);
      }
    }
  }

  private static void insertionSort(long[] keys, Object[] values, int n) {
    for (int i = 1; i < n; i++) {
      long k = keys[i];
      Object v = values == null ? null : values[i];
      int j = i - 1;
      while (j >= 0 && keys[j] > k) {
        keys[j + 1] = keys[j];
        if (values != null) {
          values[j + 1] = values[j];
        }
        j--;
      }
      keys[j + 1] = k;
      if (values != null) {
        values[j + 1] = v;
      }
    }
  }
}
