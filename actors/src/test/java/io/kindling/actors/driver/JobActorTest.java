package io.kindling.actors.driver;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.kindling.JobFailedException;
import io.kindling.JobListener;
import io.kindling.LongAccumulator;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;
import io.kindling.internal.AccumulatorRegistry;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.PartitionFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JobActor alone, its nodes played by test probes. */
class JobActorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final AtomicInteger JOB_IDS = new AtomicInteger(100);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final AccumulatorRegistry accumulators = new AccumulatorRegistry();
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final ListenerBus listeners = new ListenerBus();
  private JobPlan plan;
  private byte[] payload;

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  @BeforeEach
  void job() {
    listeners.add(new JobListener() {
      @Override
      public void onJobStarted(JobStarted e) {
        events.add(e);
      }

      @Override
      public void onPartitionFailed(PartitionFailed e) {
        events.add(e);
      }

      @Override
      public void onJobEnded(JobEnded e) {
        events.add(e);
      }
    });
    ParallelCollectionNode<Integer> data = new ParallelCollectionNode<>(0, "parallelize at T.java:1",
        List.of(1, 2, 3, 4), 4);
    plan = new StagePlanner(new AtomicInteger()::getAndIncrement).plan(data);
    PartitionFunction<Integer, Integer> first = (ctx, it) -> it.next();
    payload = ClosureSerializer.encode(new JobPayload(plan, first), "collect at T.java:2");
  }

  private record Started(long jobId, CompletableFuture<List<Object>> result) {}

  private Started start(List<TestProbe<NodeSupervisor.Command>> nodes, int[] partitions, int maxAttempts) {
    long jobId = JOB_IDS.incrementAndGet();
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    List<ActorRef<NodeSupervisor.Command>> refs = nodes.stream().map(TestProbe::ref).toList();
    JobActor.Services services = new JobActor.Services(refs, new MapOutputTracker(), listeners, accumulators,
        maxAttempts, 4);
    KIT.spawn(JobActor.create(new JobSubmission(jobId, "collect at T.java:2", plan, payload, partitions, result),
        services));
    return new Started(jobId, result);
  }

  private int stageId() {
    return plan.resultStage().id();
  }

  @Test
  void start_registersLineageOnceThenAsksForEveryPartition() {
    TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();
    Started job = start(List.of(node), new int[] {0, 1, 2, 3}, 4);
    NodeSupervisor.RegisterLineage register = node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    assertThat(register.jobId()).isEqualTo(job.jobId());
    assertThat(register.payload()).isSameAs(payload);
    for (int p = 0; p < 4; p++) {
      NodeSupervisor.ComputePartition compute = node.expectMessageClass(NodeSupervisor.ComputePartition.class,
          WAIT);
      assertThat(compute.jobId()).isEqualTo(job.jobId());
      assertThat(compute.partition()).isEqualTo(p);
      assertThat(compute.attempt()).isZero();
      assertThat(compute.stageId()).isEqualTo(stageId());
    }
    node.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void results_completeTheFutureInRequestedOrder_thenTheJobIsForgotten() throws Exception {
    TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();
    Started job = start(List.of(node), new int[] {2, 0}, 4);
    node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    ActorRef<JobActor.Command> replyTo = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT)
        .replyTo();
    node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
    replyTo.tell(new JobActor.PartitionDone(stageId(), 0, 0, "zero", null));
    assertThat(job.result().isDone()).isFalse();
    replyTo.tell(new JobActor.PartitionDone(stageId(), 2, 0, "two", null));
    assertThat(job.result().get(30, TimeUnit.SECONDS)).containsExactly("two", "zero");
    assertThat(node.expectMessageClass(NodeSupervisor.ForgetJob.class, WAIT).jobId()).isEqualTo(job.jobId());
    assertThat(events).hasSize(2);
    assertThat(((JobListener.JobEnded) events.get(1)).succeeded()).isTrue();
  }

  @Test
  void failedAttempt_isRetried_andItsAccumulatorUpdatesAreDropped() throws Exception {
    LongAccumulator acc = accumulators.newLong("acc");
    TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();
    Started job = start(List.of(node), new int[] {0}, 4);
    node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    ActorRef<JobActor.Command> replyTo = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT)
        .replyTo();
    replyTo.tell(new JobActor.PartitionFailed(stageId(), 0, 0, new IllegalStateException("flaky")));
    NodeSupervisor.ComputePartition retry = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
    assertThat(retry.attempt()).isEqualTo(1);
    // A late success of the superseded attempt is ignored, with its accumulator updates.
    AccumulatorUpdates stale = new AccumulatorUpdates();
    stale.addLong(acc.id(), 100);
    replyTo.tell(new JobActor.PartitionDone(stageId(), 0, 0, "stale", stale));
    AccumulatorUpdates good = new AccumulatorUpdates();
    good.addLong(acc.id(), 1);
    replyTo.tell(new JobActor.PartitionDone(stageId(), 0, 1, "fresh", good));
    assertThat(job.result().get(30, TimeUnit.SECONDS)).containsExactly("fresh");
    assertThat(acc.value()).isEqualTo(1L);
    // A duplicate report of the accepted attempt is ignored too.
    replyTo.tell(new JobActor.PartitionDone(stageId(), 0, 1, "again", good));
    assertThat(acc.value()).isEqualTo(1L);
  }

  @Test
  void lastAttemptFailing_failsTheJobWithTheCause() {
    TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();
    Started job = start(List.of(node), new int[] {0, 1}, 2);
    node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    ActorRef<JobActor.Command> replyTo = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT)
        .replyTo();
    node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
    IllegalStateException boom = new IllegalStateException("boom");
    replyTo.tell(new JobActor.PartitionFailed(stageId(), 1, 0, boom));
    assertThat(node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT).attempt()).isEqualTo(1);
    replyTo.tell(new JobActor.PartitionFailed(stageId(), 1, 1, boom));
    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> job.result().get(30, TimeUnit.SECONDS));
    assertThat(failure.getCause()).isInstanceOf(JobFailedException.class).hasCause(boom)
        .hasMessageContaining("partition 1 of ParallelCollectionRDD[0] at parallelize at T.java:1 failed 2 times");
    node.expectMessageClass(NodeSupervisor.ForgetJob.class, WAIT);
    assertThat(events).filteredOn(JobListener.PartitionFailed.class::isInstance)
        .extracting(e -> ((JobListener.PartitionFailed) e).willRetry()).containsExactly(true, false);
  }

  @Test
  void lostPartition_isPlacedAgain() throws Exception {
    TestProbe<NodeSupervisor.Command> node = KIT.createTestProbe();
    Started job = start(List.of(node), new int[] {0}, 4);
    node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
    ActorRef<JobActor.Command> replyTo = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT)
        .replyTo();
    replyTo.tell(new JobActor.PartitionLost(stageId(), 0, 0, "actor stopped"));
    NodeSupervisor.ComputePartition again = node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
    assertThat(again.attempt()).isEqualTo(1);
    replyTo.tell(new JobActor.PartitionDone(stageId(), 0, 1, "ok", null));
    assertThat(job.result().get(30, TimeUnit.SECONDS)).containsExactly("ok");
  }

  @Test
  void severalNodes_eachGetTheLineageOnce_andShareThePartitions() {
    TestProbe<NodeSupervisor.Command> a = KIT.createTestProbe();
    TestProbe<NodeSupervisor.Command> b = KIT.createTestProbe();
    start(List.of(a, b), new int[] {0, 1, 2, 3}, 4);
    for (TestProbe<NodeSupervisor.Command> node : List.of(a, b)) {
      node.expectMessageClass(NodeSupervisor.RegisterLineage.class, WAIT);
      node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
      node.expectMessageClass(NodeSupervisor.ComputePartition.class, WAIT);
      node.expectNoMessage(Duration.ofMillis(100));
    }
  }
}
