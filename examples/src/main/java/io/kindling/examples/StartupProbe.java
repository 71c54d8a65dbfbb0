package io.kindling.examples;

import io.kindling.KindlingSession;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Measures the in-process time from {@code getOrCreate()} to the answer of a small job, first in this (cold)
 * JVM, then again in the now warm JVM. Usage: {@code StartupProbe [warmRuns]} (default 5). Prints the figures;
 * it asserts nothing (timing belongs in benchmarks, not tests).
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) {
    int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Integer> data = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long sinceJvmStart = System.currentTimeMillis() - jvmStart;
    double cold = run(data);
    System.out.printf(Locale.ROOT, "cold: %.1f ms from getOrCreate() to the answer (JVM had been up %d ms)%n",
        cold, sinceJvmStart);
    double best = Double.MAX_VALUE;
    double sum = 0;
    for (int i = 0; i < warmRuns; i++) {
      double warm = run(data);
      best = Math.min(best, warm);
      sum += warm;
    }
    if (warmRuns > 0) {
      System.out.printf(Locale.ROOT, "warm: %.1f ms best, %.1f ms mean of %d sessions%n", best, sum / warmRuns,
          warmRuns);
    }
  }

  /** Milliseconds from getOrCreate() to the reduce's answer; the session is stopped afterwards (not timed). */
  private static double run(List<Integer> data) {
    long start = System.nanoTime();
    KindlingSession session = KindlingSession.builder().appName("startup-probe").master("local[*]").getOrCreate();
    int answer = session.parallelize(data, 2).map(x -> x * 2).reduce(Integer::sum);
    double millis = (System.nanoTime() - start) / 1e6;
    session.stop();
    if (answer != 1001000) {
      throw new IllegalStateException("wrong answer " + answer);
    }
    return millis;
  }
}
