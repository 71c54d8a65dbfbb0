package io.kindling.shuffle.external;

/** Sorts a {@code long[]} of keys together with an {@code int[]} of satellite values, in place. */
final class IndexSort {
  private static final int INSERTION_THRESHOLD = 24;

  private IndexSort() {}

  static void sort(long[] keys, int[] values, int from, int to) {
    while (to - from > INSERTION_THRESHOLD) {
      int mid = (from + to) >>> 1;
      long pivot = median(keys[from], keys[mid], keys[to - 1]);
      int lt = from;
      int gt = to - 1;
      int i = from;
      // Three-way partition: [from, lt) < pivot, [lt, i) == pivot, (gt, to) > pivot.
      while (i <= gt) {
        long k = keys[i];
        if (k < pivot) {
          swap(keys, values, lt++, i++);
        } else if (k > pivot) {
          swap(keys, values, i, gt--);
        } else {
          i++;
        }
      }
      // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
      if (lt - from < to - gt - 1) {
        sort(keys, values, from, lt);
        from = gt + 1;
      } else {
        sort(keys, values, gt + 1, to);
        to = lt;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long k = keys[i];
      int v = values[i];
      int j = i - 1;
      while (j >= from && keys[j] > k) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
  }

  private static long median(long a, long b, long c) {
    return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
  }

  private static void swap(long[] keys, int[] values, int i, int j) {
    long k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    int v = values[i];
    values[i] = values[j];
    values[j] = v;
  }
}
