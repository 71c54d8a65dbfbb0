package io.kindling.actors;

import io.kindling.KindlingSession;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs a small local job so that a JVM started with {@code -XX:ArchiveClassesAtExit} records the classes a
 * session and its first jobs load; {@code bin/kindling-java} makes its application class-data-sharing archive
 * this way, which makes every later cold start faster.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    try (KindlingSession session = KindlingSession.builder().appName("cds-training").master("local[2]")
        .getOrCreate()) {
      List<Integer> numbers = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
      long sum = session.parallelize(numbers, 2).map(x -> (long) x * 2).reduce(Long::sum);
      long evens = session.parallelize(numbers, 2).filter(x -> x % 2 == 0).count();
      System.out.println("sum=" + sum + " evens=" + evens);
    }
  }
}
