package io.kindling.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /**
   * {@code groups=G;total=T;top=p:t,…} from the CSV files written to {@code dir}: each row's total to 2 dp, T their
   * exact sum, the 5 products by rounded total desc then product_id asc.
   */
  static String salesByProduct(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.of(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().startsWith("."))
          .toList();
    }
    List<Object[]> rows = new ArrayList<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isEmpty() || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == '-')) {
          continue;
        }
        int comma = line.indexOf(',');
        rows.add(new Object[] {Long.parseLong(line.substring(0, comma)),
            new BigDecimal(Double.parseDouble(line.substring(comma + 1))).setScale(2, RoundingMode.HALF_EVEN)});
      }
    }
    BigDecimal total = rows.stream().map(r -> (BigDecimal) r[1]).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    String top = rows.stream()
        .sorted(Comparator.comparing((Object[] r) -> (BigDecimal) r[1]).reversed().thenComparing(r -> (Long) r[0]))
        .limit(5)
        .map(r -> r[0] + ":" + ((BigDecimal) r[1]).toPlainString())
        .collect(Collectors.joining(","));
    return "groups=" + rows.size() + ";total=" + total.toPlainString() + ";top=" + top;
  }

  /** Rows sorted by their first cell, cells joined by "," (doubles to 2 dp), rows joined by "|". */
  static String table(List<Object[]> rows) {
    return rows.stream()
        .sorted(Comparator.comparing((Object[] r) -> r[0].toString()))
        .map(r -> Arrays.stream(r).map(c -> c instanceof Double d ? fixed(d, 2) : c.toString())
            .collect(Collectors.joining(",")))
        .collect(Collectors.joining("|"));
  }
}
