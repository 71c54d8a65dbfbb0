package io.kindling.bench;

import io.kindling.KindlingSession;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** textFile(numbers.txt) → parse → sortBy(identity, ascending, 8) → per partition (index, count, first, last). */
final class SortNumbersWorkload implements Workload {

  @Override
  public String name() {
    return "sort_numbers";
  }

  @Override
  public Answer run(KindlingSession session, Path data) {
    List<long[]> parts = session.textFile(data + "/numbers.txt")
        .map(Long::parseLong)
        .sortBy(x -> x, true, 8)
        .mapPartitionsWithIndex((index, it) -> List.of(stats(index, it)).iterator(), false)
        .collect();
    return Answer.of(() -> Digests.sorted(parts));
  }

  /** {index, count, first, last, 1 if in order}. */
  static long[] stats(int index, Iterator<Long> it) {
    long n = 0;
    long first = 0;
    long last = 0;
    long inOrder = 1;
    while (it.hasNext()) {
      long v = it.next();
      if (n++ == 0) {
        first = v;
      } else if (v < last) {
        inOrder = 0;
      }
      last = v;
    }
    return new long[] {index, n, first, last, inOrder};
  }
}
