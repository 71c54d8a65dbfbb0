package io.kindling.rdd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/** The k smallest elements of a partition by a comparator, kept in a bounded heap. */
final class TopK {
  private TopK() {}

  static <T> List<T> smallest(Iterator<T> input, int k, Comparator<T> comparator) {
    PriorityQueue<T> heap = new PriorityQueue<>(Math.min(k, 1024) + 1, comparator.reversed());
    while (input.hasNext()) {
      T x = input.next();
      if (heap.size() < k) {
        heap.add(x);
      } else if (comparator.compare(x, heap.peek()) < 0) {
        heap.poll();
        heap.add(x);
      }
    }
    List<T> out = new ArrayList<>(heap);
    out.sort(comparator);
    return out;
  }
}
