package io.kindling.actors.node;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.kindling.actors.driver.JobActor;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.serial.ClosureSerializer;
import io.kindling.engine.serial.JobPayload;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.engine.task.NodeServices;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.PartitionFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The NodeSupervisor and its PartitionActors, with the job played by a test probe. */
class NodeSupervisorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final ComputePool POOL = new ComputePool("node-test", 2);
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Holds the tasks of the crash test until it has seen the loss. */
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  /** One permit each time a task of the crash test starts (once per incarnation of its actor). */
  private static final Semaphore STARTED = new Semaphore(0);

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
    POOL.close();
  }

  private static ActorRef<NodeSupervisor.Command> node() {
    return node(POOL);
  }

  private static ActorRef<NodeSupervisor.Command> node(ComputePool pool) {
    return KIT.spawn(NodeSupervisor.create(new NodeServices(ShuffleService.unsupported()), pool.executor(),
        new NodeSupervisor.RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(100), 3)));
  }

  private static JobPlan plan() {
    return new StagePlanner(new AtomicInteger()::getAndIncrement).plan(
        new ParallelCollectionNode<>(0, "parallelize at T.java:1", List.of(10, 20, 30), 3));
  }

  private static byte[] payload(JobPlan plan, PartitionFunction<Integer, ?> fn) {
    return ClosureSerializer.encode(new JobPayload(plan, fn), "collect at T.java:2");
  }

  @Test
  void compute_registeredJob_repliesWithThePartitionsResult_onTheComputePool() {
    ActorRef<NodeSupervisor.Command> node = node();
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    JobPlan plan = plan();
    PartitionFunction<Integer, String> fn = (ctx, it) -> it.next() + "@" + Thread.currentThread().getName();
    node.tell(new NodeSupervisor.RegisterLineage(1, payload(plan, fn)));
    node.tell(new NodeSupervisor.ComputePartition(1, plan.resultStage().id(), 1, 0, 0, job.ref()));
    JobActor.PartitionDone done = job.expectMessageClass(JobActor.PartitionDone.class, WAIT);
    assertThat(done.partition()).isEqualTo(1);
    assertThat(done.attempt()).isZero();
    assertThat((String) done.value()).startsWith("20@kindling-compute-node-test-");
    // The short-lived actor stops after replying, and that stop is not reported as a loss.
    job.expectNoMessage(Duration.ofMillis(300));
  }

  @Test
  void compute_userException_isReportedAsFailureNotCrash() {
    ActorRef<NodeSupervisor.Command> node = node();
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    JobPlan plan = plan();
    PartitionFunction<Integer, String> fn = (ctx, it) -> {
      throw new IllegalArgumentException("user bug");
    };
    node.tell(new NodeSupervisor.RegisterLineage(2, payload(plan, fn)));
    node.tell(new NodeSupervisor.ComputePartition(2, plan.resultStage().id(), 0, 3, 0, job.ref()));
    JobActor.PartitionFailed failed = job.expectMessageClass(JobActor.PartitionFailed.class, WAIT);
    assertThat(failed.attempt()).isEqualTo(3);
    assertThat(failed.cause()).isInstanceOf(IllegalArgumentException.class).hasMessage("user bug");
  }

  @Test
  void compute_unregisteredJob_isReportedLost() {
    ActorRef<NodeSupervisor.Command> node = node();
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    node.tell(new NodeSupervisor.ComputePartition(99, 0, 0, 0, 0, job.ref()));
    assertThat(job.expectMessageClass(JobActor.PartitionLost.class, WAIT).reason())
        .contains("job 99 is not registered");
  }

  @Test
  void forgetJob_dropsItsLineage() {
    ActorRef<NodeSupervisor.Command> node = node();
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    JobPlan plan = plan();
    PartitionFunction<Integer, Integer> fn = (ctx, it) -> it.next();
    node.tell(new NodeSupervisor.RegisterLineage(3, payload(plan, fn)));
    node.tell(new NodeSupervisor.ForgetJob(3));
    node.tell(new NodeSupervisor.ComputePartition(3, plan.resultStage().id(), 0, 0, 0, job.ref()));
    assertThat(job.expectMessageClass(JobActor.PartitionLost.class, WAIT).reason()).contains("not registered");
  }

  @Test
  void undecodableLineage_isReportedAsFailure() {
    ActorRef<NodeSupervisor.Command> node = node();
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    node.tell(new NodeSupervisor.RegisterLineage(4, new byte[] {1, 2, 3}));
    node.tell(new NodeSupervisor.ComputePartition(4, 0, 0, 0, 0, job.ref()));
    assertThat(job.expectMessageClass(JobActor.PartitionFailed.class, WAIT).cause())
        .hasMessageContaining("Could not read a job's lineage");
  }

  @Test
  void partitionActor_crashingMoreThanItsRestarts_isReportedLostOnce() throws InterruptedException {
    // A thread for each incarnation: the tasks of the crashed ones keep theirs until the end.
    ComputePool pool = new ComputePool("crash-test", 4);
    ActorRef<NodeSupervisor.Command> node = node(pool);
    TestProbe<JobActor.Command> job = KIT.createTestProbe();
    JobPlan plan = plan();
    PartitionFunction<Integer, Integer> fn = (ctx, it) -> {
      STARTED.release();
      RELEASE.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return it.next();
    };
    int stage = plan.resultStage().id();
    node.tell(new NodeSupervisor.RegisterLineage(5, payload(plan, fn)));
    node.tell(new NodeSupervisor.ComputePartition(5, stage, 0, 2, 0, job.ref()));
    try {
      // The policy of node() allows 3 restarts: the fourth crash, each reaching a running incarnation, makes the
      // supervisor give up.
      for (int i = 0; i < 4; i++) {
        assertThat(STARTED.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("incarnation %d started", i).isTrue();
        node.tell(new NodeSupervisor.CrashPartition(5, stage, 0));
      }
      JobActor.PartitionLost lost = job.expectMessageClass(JobActor.PartitionLost.class, WAIT);
      assertThat(lost.attempt()).isEqualTo(2);
      assertThat(lost.reason()).contains("job5-stage" + stage + "-part0-attempt2").contains("stopped");
      job.expectNoMessage(Duration.ofMillis(300));
    } finally {
      RELEASE.countDown();
      pool.close();
    }
  }
}
