package io.kindling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.internal.lineage.TaskContext;
import io.kindling.rdd.RDD;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Long and double accumulators and broadcast variables, end to end. */
class SharedVariablesTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("shared").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void longAccumulator_sumsWhatTasksAdd() {
    LongAccumulator acc = session.longAccumulator("sum");
    session.parallelize(range(1, 1001), 8).foreach(acc::add);
    assertThat(acc.value()).isEqualTo(500500L);
    assertThat(acc.count()).isEqualTo(1000);
    assertThat(acc.name()).isEqualTo("sum");
  }

  @Test
  void doubleAccumulator_sumsWhatTasksAdd() {
    DoubleAccumulator acc = session.doubleAccumulator("half");
    session.parallelize(range(0, 100), 3).foreach(x -> acc.add(0.5));
    assertThat(acc.value()).isEqualTo(50.0);
    assertThat(acc.count()).isEqualTo(100);
    assertThat(acc.avg()).isEqualTo(0.5);
  }

  @Test
  void accumulator_inATransformation_isUpdatedByTheAction() {
    LongAccumulator blank = session.longAccumulator("blank lines");
    RDD<String> nonBlank = session.parallelize(List.of("a", "", "b", "", ""), 2).filter(s -> {
      if (s.isEmpty()) {
        blank.add(1);
        return false;
      }
      return true;
    });
    assertThat(nonBlank.count()).isEqualTo(2);
    assertThat(blank.value()).isEqualTo(3L);
  }

  @Test
  void accumulator_retriedPartition_countsOnlyTheSuccessfulAttempt() {
    LongAccumulator seen = session.longAccumulator("seen");
    DoubleAccumulator weight = session.doubleAccumulator("weight");
    List<Integer> out = session.parallelize(range(0, 40), 4).map(x -> {
      seen.add(1);
      weight.add(0.25);
      // Partitions 1 and 3 fail halfway through their first two attempts, after adding to the accumulators.
      TaskContext task = TaskContext.get();
      if ((x == 15 || x == 35) && task.attemptNumber() < 2) {
        throw new IllegalStateException("flaky attempt " + task.attemptNumber());
      }
      return x;
    }).collect();
    assertThat(out).isEqualTo(range(0, 40));
    assertThat(seen.value()).isEqualTo(40L);
    assertThat(weight.value()).isEqualTo(10.0);
  }

  @Test
  void accumulator_failedJob_keepsNothingFromFailedAttempts() {
    LongAccumulator seen = session.longAccumulator("seen");
    RDD<Integer> failing = session.parallelize(range(0, 10), 1).map(x -> {
      seen.add(1);
      if (x == 9) {
        throw new IllegalStateException("always");
      }
      return x;
    });
    assertThatThrownBy(failing::count).isInstanceOf(JobFailedException.class);
    assertThat(seen.value()).isZero();
  }

  @Test
  void accumulator_addedOnTheDriver_countsDirectly() {
    LongAccumulator acc = session.longAccumulator("driver");
    acc.add(5);
    session.parallelize(range(0, 3), 1).foreach(x -> acc.add(1));
    assertThat(acc.value()).isEqualTo(8L);
  }

  @Test
  void accumulator_recomputedByAnotherAction_addsAgain_asInSpark() {
    LongAccumulator calls = session.longAccumulator("calls");
    RDD<Integer> mapped = session.parallelize(range(0, 5), 2).map(x -> {
      calls.add(1);
      return x;
    });
    mapped.count();
    mapped.count();
    assertThat(calls.value()).isEqualTo(10L);
  }

  @Test
  void broadcast_valueIsReadInTasks() {
    Broadcast<Map<Integer, String>> names = session.broadcast(Map.of(1, "one", 2, "two", 3, "three"));
    List<String> out = session.parallelize(List.of(3, 1, 2, 1), 2).map(x -> names.value().get(x)).collect();
    assertThat(out).containsExactly("three", "one", "two", "one");
    assertThat(names.value()).hasSize(3);
  }

  @Test
  void broadcast_largeValue_isSharedNotCopiedPerElement() {
    int[] big = IntStream.range(0, 1_000_000).toArray();
    Broadcast<int[]> b = session.broadcast(big);
    long sum = session.parallelize(range(0, 1000), 4).map(i -> (long) b.value()[i * 1000]).reduce(Long::sum);
    assertThat(sum).isEqualTo(IntStream.range(0, 1000).mapToLong(i -> i * 1000L).sum());
    assertThat(b.value()).isSameAs(big);
  }

  @Test
  void broadcast_nullValue_isNull() {
    Broadcast<String> b = session.broadcast(null);
    assertThat(session.parallelize(List.of(1), 1).map(x -> b.value() == null).collect()).containsExactly(true);
  }

  @Test
  void broadcast_destroyed_failsOnTheDriverAndInTasks() {
    Broadcast<String> b = session.broadcast("gone soon");
    RDD<String> uses = session.parallelize(List.of(1, 2), 2).map(x -> b.value() + x);
    assertThat(uses.collect()).containsExactly("gone soon1", "gone soon2");
    b.destroy();
    assertThatThrownBy(b::value).isInstanceOf(KindlingException.class)
        .hasMessageContaining("Broadcast(" + b.id() + ")").hasMessageContaining("destroyed");
    assertThatThrownBy(uses::collect).isInstanceOf(JobFailedException.class)
        .hasRootCauseInstanceOf(KindlingException.class)
        .hasRootCauseMessage("Attempted to use Broadcast(" + b.id()
            + ") after it was destroyed (or its session was stopped)");
  }

  @Test
  void broadcast_ids_areDistinct() {
    assertThat(session.broadcast(1).id()).isNotEqualTo(session.broadcast(1).id());
  }

  @Test
  void broadcast_ofAStoppedSession_isReleased() {
    Broadcast<String> b;
    try (KindlingSession other = KindlingSession.builder().master("local[1]").create()) {
      b = other.broadcast("bye");
      assertThat(b.value()).isEqualTo("bye");
    }
    assertThatThrownBy(b::value).isInstanceOf(KindlingException.class);
  }
}
