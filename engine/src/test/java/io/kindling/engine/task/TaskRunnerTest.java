package io.kindling.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.internal.Iterators;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.TaskContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  private static final AtomicInteger CLOSED = new AtomicInteger();

  private static LineageNode<Integer> numbers() {
    return new ParallelCollectionNode<>(0, "parallelize at T.java:1", List.of(1, 2, 3, 4), 2);
  }

  @Test
  void run_resultStage_returnsTheFunctionsValue() {
    PartitionFunction<Integer, Integer> sum = (ctx, it) -> {
      int s = 0;
      while (it.hasNext()) {
        s += it.next();
      }
      return s;
    };
    TaskOutcome outcome = Tasks.run(numbers(), 1, 0, sum);
    assertThat(outcome).isEqualTo(new TaskOutcome.Succeeded(7, ((TaskOutcome.Succeeded) outcome).accumulators()));
  }

  @Test
  void run_uncheckedUserException_failsWithThatException() {
    IllegalStateException boom = new IllegalStateException("boom");
    LineageNode<Integer> failing = new MapPartitionsNode<>(1, "map at T.java:2", numbers(),
        (p, it) -> Iterators.map(it, x -> {
          throw boom;
        }));
    TaskOutcome outcome = Tasks.run(failing, 0, 0, (ctx, it) -> it.next());
    assertThat(outcome).isInstanceOf(TaskOutcome.Failed.class);
    assertThat(((TaskOutcome.Failed) outcome).cause()).isSameAs(boom);
  }

  @Test
  void run_checkedUserException_failsWithThatExceptionUnwrapped() {
    LineageNode<Integer> failing = new MapPartitionsNode<>(1, "map at T.java:2", numbers(),
        (p, it) -> Iterators.map(it, x -> {
          throw new IOException("disk");
        }));
    TaskOutcome outcome = Tasks.run(failing, 0, 0, (ctx, it) -> it.next());
    assertThat(((TaskOutcome.Failed) outcome).cause()).isInstanceOf(IOException.class).hasMessage("disk");
  }

  @Test
  void run_stackOverflow_isAFailureNotACrash() {
    TaskOutcome outcome = Tasks.run(numbers(), 0, 0, (ctx, it) -> recurse(0));
    assertThat(((TaskOutcome.Failed) outcome).cause()).isInstanceOf(StackOverflowError.class);
  }

  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }

  @Test
  void run_setsTaskContextDuringTheTaskOnly() {
    TaskOutcome outcome = Tasks.run(numbers(), 1, 2, (ctx, it) -> {
      TaskContext current = TaskContext.get();
      return List.of(current == ctx, current.partitionId(), current.attemptNumber(), current.stageId(),
          current.jobId());
    });
    assertThat(((TaskOutcome.Succeeded) outcome).value()).isEqualTo(List.of(true, 1, 2, 0, 1L));
    assertThat(TaskContext.get()).isNull();
  }

  @Test
  void run_closesRegisteredResources_onSuccessAndOnFailure() {
    CLOSED.set(0);
    Tasks.run(numbers(), 0, 0, (ctx, it) -> {
      ctx.onTaskCompletion(CLOSED::incrementAndGet);
      return 0;
    });
    Tasks.run(numbers(), 0, 0, (ctx, it) -> {
      ctx.onTaskCompletion(CLOSED::incrementAndGet);
      ctx.onTaskCompletion(() -> {
        throw new IOException("a failing close is logged, not thrown");
      });
      throw new IllegalStateException("task fails");
    });
    assertThat(CLOSED.get()).isEqualTo(2);
  }

  @Test
  void run_accumulatorUpdates_areReportedWithTheOutcome() {
    TaskOutcome outcome = Tasks.run(numbers(), 0, 0, (ctx, it) -> {
      ctx.accumulatorUpdates().addLong(7, 5);
      ctx.accumulatorUpdates().addLong(7, 1);
      return 0;
    });
    var updates = ((TaskOutcome.Succeeded) outcome).accumulators();
    assertThat(updates.longs().get(7L)).containsExactly(6, 2);
  }

  @Test
  void run_partitionOfParallelize_isItsSlice() {
    assertThat(Tasks.compute(numbers(), 0)).containsExactly(1, 2);
    assertThat(Tasks.compute(numbers(), 1)).containsExactly(3, 4);
    assertThat(new ArrayList<>(Tasks.computeAll(numbers()))).containsExactly(1, 2, 3, 4);
  }
}
