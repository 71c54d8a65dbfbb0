package io.kindling.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The digest formats of ../shared/bench/README.md. */
final class Digests {
  private Digests() {}

  /** The exact binary value of {@code x} rounded to {@code decimals}, ties to even; never "-0.00". */
  static String fixed(double x, int decimals) {
    String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
  }

  /** {@code distinct=D;top=w:c,…}: the 10 most frequent words, count desc then word asc. */
  static String wordcount(List<Map.Entry<String, Long>> counts) {
    String top = counts.stream()
        .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey))
        .limit(10)
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
    return "distinct=" + counts.size() + ";top=" + top;
  }

  /** {@code count=N;min=A;max=B;ordered=…} from per-partition {index, count, first, last, inOrder}. */
  static String sorted(List<long[]> partitions) {
    List<long[]> parts = partitions.stream().sorted(Comparator.comparingLong(p -> p[0])).toList();
    long count = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean ordered = true;
    Long previousLast = null;
    for (long[] p : parts) {
      if (p[1] == 0) {
        continue;
      }
      count += p[1];
      min = Math.min(min, p[2]);
      max = Math.max(max, p[3]);
      ordered &= p[4] == 1 && (previousLast == null || p[2] >= previousLast);
      previousLast = p[3];
    }
    return "count=" + count + ";min=" + min + ";max=" + max + ";ordered=" + ordered;
  }

  /** {@code w=w1,…} to 4 decimals. */
  static String weights(double[] w) {
    StringBuilder sb = new StringBuilder("w=");
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : ",").append(fixed(w[i], 4));
    }
    return sb.toString();
  }
}
