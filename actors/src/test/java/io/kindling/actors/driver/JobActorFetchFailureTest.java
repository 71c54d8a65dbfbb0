package io.kindling.actors.driver;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import io.kindling.HashPartitioner;
import io.kindling.JobFailedException;
import io.kindling.JobListener;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.Stage;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.ShuffledNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The JobActor on a job of two shuffles (4 map partitions → 2 → 3 result partitions), its node played by a test
 * probe that answers for the tasks: a fetch failure re-runs exactly the lost map partitions, transitively, then
 * the partition that failed.
 */
class JobActorFetchFailureTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final AtomicInteger JOB_IDS = new AtomicInteger(500);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ParallelCollectionNode<Object> data = new ParallelCollectionNode<>(0, "parallelize at T.java:1",
      List.of(), 4);
  private final ShuffledNode<Object, Object, Object> first = new ShuffledNode<>(1, "partitionBy at T.java:2",
      new ShuffleDependency<>(data, 10, new HashPartitioner(2), null, false, null));
  private final ShuffledNode<Object, Object, Object> second = new ShuffledNode<>(2, "partitionBy at T.java:3",
      new ShuffleDependency<>(first, 11, new HashPartitioner(3), null, false, null));
  private final JobPlan plan = new StagePlanner(new AtomicInteger()::getAndIncrement).plan(second);
  private final MapOutputTracker tracker = new MapOutputTracker();
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  private CompletableFuture<List<Object>> start(int maxStageAttempts) {
    ListenerBus listeners = new ListenerBus();
    listeners.add(new JobListener() {
      @Override
      public void onPartitionRecomputed(PartitionRecomputed e) {
        events.add(e);
      }

      @Override
      public void onPartitionFailed(PartitionFailed e) {
        events.add(e);
      }
    });
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    JobActor.Services services = new JobActor.Services(List.of(node.ref()), tracker, listeners,
        new AccumulatorRegistry(), 4, maxStageAttempts);
    KIT.spawn(JobActor.create(new JobSubmission(JOB_IDS.incrementAndGet(), "collect at T.java:4", plan,
        new byte[0], new int[] {0, 1, 2}, result), services));
    node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    return result;
  }

  private Stage stage(int index) {
    return plan.stages().get(index);
  }

  /** The next task the job sends; checks which stage, partition and stage attempt it is. */
  private NodeSupervisor.ComputePartition expectTask(Stage stage, int partition, int stageAttempt) {
    NodeSupervisor.ComputePartition task = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
    assertThat(task.stageId()).as("stage of %s", task).isEqualTo(stage.id());
    assertThat(task.partition()).as("partition of %s", task).isEqualTo(partition);
    assertThat(task.stageAttempt()).as("stage attempt of %s", task).isEqualTo(stageAttempt);
    return task;
  }

  private static void done(NodeSupervisor.ComputePartition task, Object value) {
    task.replyTo().tell(new JobActor.PartitionDone(task.stageId(), task.partition(), task.attempt(), value, null));
  }

  private static void fetchFailed(NodeSupervisor.ComputePartition task, int shuffleId, int... maps) {
    task.replyTo().tell(new JobActor.FetchFailed(task.stageId(), task.partition(), task.attempt(), shuffleId,
        java.util.Arrays.stream(maps).boxed().toList(), "lost"));
  }

  /** Runs both map stages; returns the three result tasks. */
  private List<NodeSupervisor.ComputePartition> runMapStages() {
    for (int p = 0; p < 4; p++) {
      done(expectTask(stage(0), p, 0), new long[] {1, 1});
    }
    for (int p = 0; p < 2; p++) {
      done(expectTask(stage(1), p, 0), new long[] {1, 1, 1});
    }
    return List.of(expectTask(stage(2), 0, 0), expectTask(stage(2), 1, 0), expectTask(stage(2), 2, 0));
  }

  private List<String> recomputed() {
    return events.stream().filter(JobListener.PartitionRecomputed.class::isInstance)
        .map(JobListener.PartitionRecomputed.class::cast)
        .peek(r -> assertThat(r.cause()).isEqualTo(RecomputeCause.SHUFFLE_OUTPUT_LOST))
        .map(r -> r.rddId() + "/" + r.partition()).toList();
  }

  @Test
  void fetchFailure_reRunsExactlyTheLostMapPartition_thenThePartitionThatFailed() throws Exception {
    CompletableFuture<List<Object>> result = start(4);
    List<NodeSupervisor.ComputePartition> reduce = runMapStages();
    done(reduce.get(0), "r0");
    done(reduce.get(2), "r2");

    fetchFailed(reduce.get(1), 11, 1);

    done(expectTask(stage(1), 1, 0), new long[] {1, 1, 1});
    done(expectTask(stage(2), 1, 1), "r1");
    assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly("r0", "r1", "r2");
    assertThat(recomputed()).containsExactly(first.id() + "/1");
    assertThat(events).filteredOn(JobListener.PartitionFailed.class::isInstance)
        .singleElement().satisfies(e -> {
          JobListener.PartitionFailed f = (JobListener.PartitionFailed) e;
          assertThat(f.willRetry()).isTrue();
          assertThat(f.cause()).isInstanceOf(FetchFailedException.class).hasMessageContaining("shuffle 11");
        });
    node.expectMessageClass(NodeSupervisor.ForgetJob.class, WAIT);
    node.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void lostMapPartition_thatFindsItsOwnInputLost_runsTheGrandparentsFirst() throws Exception {
    CompletableFuture<List<Object>> result = start(4);
    List<NodeSupervisor.ComputePartition> reduce = runMapStages();
    done(reduce.get(0), "r0");
    fetchFailed(reduce.get(1), 11, 1);
    NodeSupervisor.ComputePartition rerun = expectTask(stage(1), 1, 0);
    fetchFailed(reduce.get(2), 11, 1);

    fetchFailed(rerun, 10, 3);

    done(expectTask(stage(0), 3, 0), new long[] {1, 1});
    done(expectTask(stage(1), 1, 1), new long[] {1, 1, 1});
    NodeSupervisor.ComputePartition r1 = expectTask(stage(2), 1, 1);
    NodeSupervisor.ComputePartition r2 = expectTask(stage(2), 2, 1);
    done(r1, "r1");
    done(r2, "r2");
    assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly("r0", "r1", "r2");
    assertThat(recomputed()).containsExactly(first.id() + "/1", data.id() + "/3");
  }

  @Test
  void fetchFailures_inAsManyStageAttemptsAsAllowed_abortTheJob() {
    CompletableFuture<List<Object>> result = start(2);
    List<NodeSupervisor.ComputePartition> reduce = runMapStages();
    fetchFailed(reduce.get(0), 11, 0);
    // A task of the attempt that already failed does not count again.
    fetchFailed(reduce.get(1), 11, 0);
    done(expectTask(stage(1), 0, 0), new long[] {1, 1, 1});
    NodeSupervisor.ComputePartition retry = expectTask(stage(2), 0, 1);
    expectTask(stage(2), 1, 1);

    fetchFailed(retry, 11, 1);

    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> result.get(30, TimeUnit.SECONDS));
    assertThat(failure.getCause()).isInstanceOf(JobFailedException.class)
        .hasMessageContaining("has failed the maximum allowable number of times: 2")
        .hasCauseInstanceOf(FetchFailedException.class);
  }
}
