package io.kindling.actors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tasks run on the session's dedicated compute threads, as many at once as {@code local[N]} says. */
class ComputePoolTest {
  private static final AtomicInteger RUNNING = new AtomicInteger();
  private static final AtomicInteger MOST = new AtomicInteger();

  private static String busyThreadName(int x) throws InterruptedException {
    int now = RUNNING.incrementAndGet();
    MOST.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(5);
      return Thread.currentThread().getName();
    } finally {
      RUNNING.decrementAndGet();
    }
  }

  @Test
  void tasks_runOnComputeThreads_neverOnAkkaDispatchers() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]").create()) {
      String id = s.internalContext().sessionId();
      Set<String> threads = Set.copyOf(s.parallelize(IntStream.range(0, 16).boxed().toList(), 16)
          .map(ComputePoolTest::busyThreadName).collect());
      assertThat(threads).allSatisfy(n -> assertThat(n).startsWith("kindling-compute-" + id + "-"));
      assertThat(threads).hasSizeBetween(1, 2);
    }
  }

  @Test
  void localN_runsAtMostNTasksAtOnce() {
    for (int cores : new int[] {1, 3}) {
      MOST.set(0);
      try (KindlingSession s = KindlingSession.builder().master("local[" + cores + "]").create()) {
        List<String> names = s.parallelize(IntStream.range(0, 24).boxed().collect(Collectors.toList()), 24)
            .map(ComputePoolTest::busyThreadName).collect();
        assertThat(names).hasSize(24);
        assertThat(Set.copyOf(names).size()).isLessThanOrEqualTo(cores);
        assertThat(MOST.get()).isBetween(1, cores);
      }
    }
  }
}
