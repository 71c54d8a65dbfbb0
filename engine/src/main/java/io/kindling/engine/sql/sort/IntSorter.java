package io.kindling.engine.sql.sort;

/** A stable merge sort of int indices by a comparator, without boxing. */
final class IntSorter {
  @FunctionalInterface
  interface IntComparator {
    int compare(int a, int b);
  }

  private IntSorter() {}

  static void sort(int[] a, int n, IntComparator c) {
    int[] tmp = new int[n];
    mergeSort(a, tmp, 0, n, c);
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, IntComparator c) {
    if (to - from <= 24) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && c.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, c);
    mergeSort(a, tmp, mid, to, c);
    if (c.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      a[k++] = c.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
    }
    while (i < mid) {
      a[k++] = tmp[i++];
    }
    while (j < to) {
      a[k++] = tmp[j++];
    }
  }
}
