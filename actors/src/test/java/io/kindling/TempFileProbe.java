package io.kindling;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Run in a JVM of its own by {@link SessionLifecycleTest}, with a private {@code java.io.tmpdir}: starts, uses
 * and stops {@code args[0]} sessions, so the test can check that nothing was left in that directory.
 */
public final class TempFileProbe {
  private TempFileProbe() {}

  public static void main(String[] args) {
    int sessions = Integer.parseInt(args[0]);
    List<Integer> data = IntStream.range(0, 100).boxed().collect(Collectors.toList());
    for (int i = 0; i < sessions; i++) {
      try (KindlingSession s = KindlingSession.builder().appName("temp-probe-" + i).master("local[2]").create()) {
        long sum = s.parallelize(data, 4).map(x -> (long) x).reduce(Long::sum);
        if (sum != 4950) {
          throw new IllegalStateException("wrong sum " + sum);
        }
        s.broadcast(List.of(i));
        s.parallelize(data, 2).collectAsync().toCompletableFuture().join();
      }
    }
    System.out.println("sessions done: " + sessions);
  }
}
