package io.kindling.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.HashPartitioner;
import io.kindling.engine.plan.Stage;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.engine.shuffle.TestingShuffleService;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a task attempt ends when map outputs it reads are missing. */
class TaskRunnerFetchFailureTest {
  private static final ShuffleDependency<Integer, Integer, Integer> SHUFFLE = new ShuffleDependency<>(
      new ParallelCollectionNode<>(0, "test", List.of(), 3), 7, new HashPartitioner(2), null, false, null);
  private static final PartitionFunction<Object, Object> COUNT = (context, it) -> {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  };

  /** A shuffle service whose map outputs 0 and 2 (of 3) are gone. */
  private static NodeServices lostOutputs() {
    TestingShuffleService shuffle = new TestingShuffleService();
    shuffle.present.add(1);
    return new NodeServices(shuffle);
  }

  /** A node that reads {@link #SHUFFLE} and then does what {@code user} does with the failure. */
  private static LineageNode<Object> reading(Handling user) {
    return new LineageNode<>(1, "test") {
      @Override
      public String kind() {
        return "TestRDD";
      }

      @Override
      public int numPartitions() {
        return 2;
      }

      @Override
      public List<Dependency> dependencies() {
        return List.of(SHUFFLE);
      }

      @Override
      public Iterator<Object> compute(int partition, TaskContext context) throws Exception {
        try {
          context.readShuffle(SHUFFLE, partition);
        } catch (RuntimeException e) {
          if (user == Handling.WRAP) {
            throw new IllegalStateException("user code wrapped it", e);
          }
          if (user == Handling.RETHROW) {
            throw e;
          }
        }
        return Collections.emptyIterator();
      }
    };
  }

  private enum Handling { RETHROW, WRAP, SWALLOW }

  private static TaskOutcome run(Handling user) {
    Stage stage = new Stage(1, reading(user), List.of(), null);
    return TaskRunner.run(4, stage, 1, 0, COUNT, lostOutputs());
  }

  @Test
  void missingMapOutputs_endTheTaskAsFetchFailed_namingThem() {
    assertThat(run(Handling.RETHROW)).isInstanceOfSatisfying(TaskOutcome.FetchFailed.class, f -> {
      assertThat(f.shuffleId()).isEqualTo(7);
      assertThat(f.mapPartitions()).containsExactly(0, 2);
      assertThat(f.message()).contains("shuffle 7").contains("map partitions [0, 2]")
          .contains("reduce partition 1");
    });
  }

  @Test
  void fetchFailure_wrappedByUserCode_isStillAFetchFailure() {
    assertThat(run(Handling.WRAP)).isInstanceOf(TaskOutcome.FetchFailed.class);
  }

  @Test
  void fetchFailure_swallowedByUserCode_isStillAFetchFailure() {
    assertThat(run(Handling.SWALLOW)).isInstanceOf(TaskOutcome.FetchFailed.class);
  }

  @Test
  void userError_isAFailureOfThePartition() {
    Stage stage = new Stage(1, new ParallelCollectionNode<>(2, "test", List.of(1, 2), 1), List.of(), null);
    PartitionFunction<Object, Object> broken = (context, it) -> {
      throw new ArithmeticException("user bug");
    };

    assertThat(TaskRunner.run(4, stage, 0, 0, broken, lostOutputs()))
        .isInstanceOfSatisfying(TaskOutcome.Failed.class,
            f -> assertThat(f.cause()).isInstanceOf(ArithmeticException.class));
  }
}
