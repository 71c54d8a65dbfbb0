package io.kindling.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.actors.cluster.ClusterSession;
import io.kindling.actors.cluster.WorkerMain;
import io.kindling.chaos.FaultSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code session.faults()} on nodes and links: the answers stay those of local mode. */
@Tag("cluster")
class NodeFaultsTest {
  private static final int WORKERS = 3;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void killNode_endsTheWorkerJvm_andTheNextJobsGiveTheSameAnswer() throws Exception {
    cluster = LocalCluster.start("kill-node", WORKERS, Map.of(), 1);
    List<String> lines = Workloads.lines(11L, 1_500);
    List<Tuple2<String, Integer>> expected = inLocalMode(local -> Workloads.wordCount(local, lines, 6));
    try (KindlingSession session = cluster.session("kill-node", WORKERS).create()) {
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      LocalCluster.Worker victim = cluster.worker(2);

      session.faults().killNode(victim.address().toString());

      assertThat(cluster.awaitExit(victim, Duration.ofSeconds(60))).isEqualTo(137);
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      awaitSessionWorkers(session, WORKERS - 1);
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
    }
  }

  @Test
  void partitionNetwork_betweenTwoWorkers_jobsStillGiveTheSameAnswer() throws Exception {
    cluster = LocalCluster.start("cut-link", WORKERS, Map.of("kindling.cluster.network-faults", "on"), 1);
    List<String> lines = Workloads.lines(13L, 1_500);
    List<Tuple2<String, Integer>> expected = inLocalMode(local -> Workloads.wordCount(local, lines, 6));
    try (KindlingSession session = cluster.session("cut-link", WORKERS).create()) {
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);

      session.faults().partitionNetwork(cluster.worker(1).address().toString(),
          cluster.worker(2).address().toString());

      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      session.faults().healNetwork();
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      ClusterSession view = (ClusterSession) session.internalContext().backend("test");
      assertThat(view.workers()).isNotEmpty();
    }
    for (LocalCluster.Worker w : cluster.workers()) {
      if (!w.process().isAlive()) {
        assertThat(w.process().exitValue()).as(cluster.log(w)).isEqualTo(WorkerMain.EXIT_DOWNED);
      }
    }
  }

  @Test
  void delayNetwork_driverToAWorker_andBetweenWorkers_jobsGiveTheSameAnswer_andHealed() throws Exception {
    cluster = LocalCluster.start("slow-link", WORKERS, Map.of(), 1);
    List<String> lines = Workloads.lines(17L, 1_500);
    LocalAnswers local = inLocalMode(LocalAnswers.of(lines));
    List<Tuple2<String, Integer>> expected = local.wordCount();
    List<Double> expectedIterative = local.iterative();
    try (KindlingSession session = cluster.session("slow-link", WORKERS).create()) {
      ClusterSession view = (ClusterSession) session.internalContext().backend("test");
      session.faults().delayNetwork(view.memberAddress(), cluster.worker(0).address().toString(),
          Duration.ofMillis(150));
      session.faults().delayNetwork(cluster.worker(1).address().toString(), cluster.worker(2).address().toString(),
          Duration.ofMillis(150));

      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      assertThat(Workloads.cachedIterative(session, 6)).isEqualTo(expectedIterative);
      assertThat(session.metrics().taskRetries()).as("a slow link is not a failure").isZero();

      session.faults().healNetwork();
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
      assertThat(view.workers()).hasSize(WORKERS);
    }
  }

  @Test
  void randomFaultSchedules_onClusterJobs_giveTheLocalAnswer() throws Exception {
    cluster = LocalCluster.start("random-faults", WORKERS, Map.of(), 1);
    List<String> lines = Workloads.lines(19L, 1_500);
    LocalAnswers local = inLocalMode(LocalAnswers.of(lines));
    List<Tuple2<String, Integer>> expected = local.wordCount();
    List<Double> expectedIterative = local.iterative();
    try (KindlingSession session = cluster.session("random-faults", WORKERS).create()) {
      for (long seed : new long[] {1L, 2L, 3L}) {
        FaultSchedule schedule = FaultSchedule.random(seed, 0.2);
        session.faults().schedule(schedule);
        try {
          assertThat(Workloads.wordCount(session, lines, 6)).as("word count under %s", schedule)
              .isEqualTo(expected);
          assertThat(Workloads.cachedIterative(session, 6)).as("cached iterative job under %s", schedule)
              .isEqualTo(expectedIterative);
        } catch (RuntimeException e) {
          throw new AssertionError("Failed under " + schedule + ": " + e, e);
        }
        session.faults().clear();
      }
      assertThat(session.metrics().taskRetries() + session.metrics().recomputedPartitions())
          .as("faults of the schedules were injected and recovered from").isPositive();
      assertThat(Workloads.wordCount(session, lines, 6)).isEqualTo(expected);
    }
  }

  /** {@code job}'s answer in a local session: the answer the cluster must give. */
  private static <T> T inLocalMode(Function<KindlingSession, T> job) {
    try (KindlingSession local = KindlingSession.builder().master("local[2]").create()) {
      return job.apply(local);
    }
  }

  /** The local answers of the word count of some lines and of the cached iterative job, 6 partitions each. */
  private record LocalAnswers(List<Tuple2<String, Integer>> wordCount, List<Double> iterative) {
    static Function<KindlingSession, LocalAnswers> of(List<String> lines) {
      return local -> new LocalAnswers(Workloads.wordCount(local, lines, 6), Workloads.cachedIterative(local, 6));
    }
  }

  private static void awaitSessionWorkers(KindlingSession session, int count) throws InterruptedException {
    ClusterSession view = (ClusterSession) session.internalContext().backend("awaitSessionWorkers");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (view.workers().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The session has " + view.workers() + ", not " + count + " workers");
      }
      Thread.sleep(100);
    }
  }
}
