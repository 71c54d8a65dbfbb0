package io.kindling.bench;

import io.kindling.KindlingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** parallelize(1..1000, 2).map(x * 2).sum(). */
final class StartupWorkload implements Workload {

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public Answer run(KindlingSession session, Path data) {
    List<Integer> numbers = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
    long sum = session.parallelize(numbers, 2).map(x -> (long) x * 2).reduce(Long::sum);
    return Answer.of(() -> "sum=" + sum);
  }
}
