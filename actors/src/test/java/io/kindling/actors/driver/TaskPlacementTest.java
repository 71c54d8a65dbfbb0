package io.kindling.actors.driver;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import io.kindling.actors.driver.TaskPlacement.Reason;
import io.kindling.actors.node.NodeSupervisor;
import io.kindling.engine.plan.JobPlan;
import io.kindling.engine.plan.Stage;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.storage.StorageLevel;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Placement order: cached block owner, input host, least loaded per core; retries move on. */
class TaskPlacementTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final ActorRef<NodeSupervisor.Command> A = KIT.<NodeSupervisor.Command>createTestProbe().ref();
  private static final ActorRef<NodeSupervisor.Command> B = KIT.<NodeSupervisor.Command>createTestProbe().ref();
  private static final ActorRef<NodeSupervisor.Command> C = KIT.<NodeSupervisor.Command>createTestProbe().ref();
  private static final List<ActorRef<NodeSupervisor.Command>> NODES = List.of(A, B, C);

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /**
   * A source whose partition {@code p} names the hosts {@code hosts.get(p)} as holding it: a parallel collection
   * with a locator, as a DataFrame file scan names its splits' HDFS block hosts.
   */
  private static ParallelCollectionNode<Integer> hostedSource(int id, List<List<String>> hosts) {
    List<Integer> partitions = IntStream.range(0, hosts.size()).boxed().toList();
    return new ParallelCollectionNode<>(id, "hosted at T.java:1", partitions, hosts.size(),
        slice -> hosts.get(slice.get(0)));
  }

  private static TaskPlacement placement(CachePlacement cache, Map<ActorRef<NodeSupervisor.Command>,
      TaskPlacement.NodeInfo> infos) {
    return new TaskPlacement(cache, infos::get);
  }

  private static Map<ActorRef<NodeSupervisor.Command>, TaskPlacement.NodeInfo> hosts(int coresA, int coresB,
      int coresC) {
    return Map.of(A, new TaskPlacement.NodeInfo("host-a", coresA), B, new TaskPlacement.NodeInfo("host-b", coresB),
        C, new TaskPlacement.NodeInfo("host-c", coresC));
  }

  private static Stage stage(int id, LineageNode<?> node) {
    return new Stage(id, node, List.of(), null);
  }

  @Test
  void inputHosts_sendEachPartitionToTheNodeOnItsHost() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(2, 2, 2));
    Stage s = stage(1, hostedSource(10, List.of(List.of("host-b"), List.of("HOST-C"), List.of("host-a"),
        List.of("elsewhere", "host-b"))));
    placement.prepare(new JobPlan(List.of(s)));

    assertThat(placement.choose(1, s, 0, 0, NODES)).isEqualTo(new TaskPlacement.Choice(B, Reason.INPUT_HOST));
    assertThat(placement.choose(1, s, 1, 0, NODES)).isEqualTo(new TaskPlacement.Choice(C, Reason.INPUT_HOST));
    assertThat(placement.choose(1, s, 2, 0, NODES)).isEqualTo(new TaskPlacement.Choice(A, Reason.INPUT_HOST));
    assertThat(placement.choose(1, s, 3, 0, NODES)).isEqualTo(new TaskPlacement.Choice(B, Reason.INPUT_HOST));
  }

  @Test
  void inputHosts_areFoundThroughNarrowDependencies() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(1, 1, 1));
    LineageNode<Integer> source = hostedSource(20, List.of(List.of("host-c"), List.of("host-a")));
    LineageNode<Integer> mapped = new MapPartitionsNode<Integer, Integer>(21, "map at T.java:2", source,
        (p, it) -> it);
    Stage s = stage(2, mapped);
    placement.prepare(new JobPlan(List.of(s)));

    assertThat(placement.choose(2, s, 0, 0, NODES).node()).isEqualTo(C);
    assertThat(placement.choose(2, s, 1, 0, NODES).node()).isEqualTo(A);
  }

  @Test
  void cachedBlockOwner_comesBeforeTheInputHost() {
    CachePlacement cache = new CachePlacement(id -> id == 30 ? StorageLevel.MEMORY_ONLY : StorageLevel.NONE);
    TaskPlacement placement = placement(cache, hosts(1, 1, 1));
    Stage s = stage(3, hostedSource(30, List.of(List.of("host-b"), List.of("host-b"))));
    placement.prepare(new JobPlan(List.of(s)));
    placement.computed(s, 0, C);

    assertThat(placement.choose(3, s, 0, 0, NODES)).isEqualTo(new TaskPlacement.Choice(C, Reason.CACHED_BLOCK));
    assertThat(placement.choose(3, s, 1, 0, NODES)).isEqualTo(new TaskPlacement.Choice(B, Reason.INPUT_HOST));
  }

  @Test
  void busyInputHost_givesWayToANodeWithAFreeCore() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(1, 1, 1));
    Stage s = stage(4, hostedSource(40, List.of(List.of("host-a"), List.of("host-a"), List.of("host-a"))));
    placement.prepare(new JobPlan(List.of(s)));

    assertThat(placement.choose(4, s, 0, 0, NODES).reason()).isEqualTo(Reason.INPUT_HOST);
    TaskPlacement.Choice second = placement.choose(4, s, 1, 0, NODES);
    assertThat(second.reason()).isEqualTo(Reason.LEAST_LOADED);
    assertThat(second.node()).isNotEqualTo(A);

    placement.ended(4, 4, 0, 0);
    assertThat(placement.choose(4, s, 2, 0, NODES)).isEqualTo(new TaskPlacement.Choice(A, Reason.INPUT_HOST));
  }

  @Test
  void withoutHosts_tasksGoToTheFewestRunningTasksPerCore() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(1, 3, 2));
    ParallelCollectionNode<Integer> local = new ParallelCollectionNode<>(50, "parallelize at T.java:3",
        List.of(1, 2, 3, 4, 5, 6), 6);
    Stage s = stage(5, local);
    placement.prepare(new JobPlan(List.of(s)));

    for (int p = 0; p < 6; p++) {
      assertThat(placement.choose(5, s, p, 0, NODES).reason()).isEqualTo(Reason.LEAST_LOADED);
    }
    assertThat(placement.running(A)).isEqualTo(1);
    assertThat(placement.running(B)).isEqualTo(3);
    assertThat(placement.running(C)).isEqualTo(2);

    placement.jobEnded(5, new JobPlan(List.of(s)));
    assertThat(placement.running(A) + placement.running(B) + placement.running(C)).isZero();
  }

  @Test
  void inputHosts_ofAStageTwoJobsShare_outliveTheFirstJobToEnd() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(2, 2, 2));
    Stage shared = stage(8, hostedSource(80, List.of(List.of("host-c"))));
    placement.prepare(new JobPlan(List.of(shared)));
    placement.prepare(new JobPlan(List.of(shared)));

    placement.jobEnded(1, new JobPlan(List.of(shared)));
    assertThat(placement.choose(2, shared, 0, 0, NODES)).isEqualTo(new TaskPlacement.Choice(C, Reason.INPUT_HOST));

    placement.jobEnded(2, new JobPlan(List.of(shared)));
    assertThat(placement.choose(3, shared, 0, 0, NODES).reason()).isEqualTo(Reason.LEAST_LOADED);
  }

  @Test
  void endedTasks_freeTheirNode() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(1, 1, 1));
    Stage s = stage(6, new ParallelCollectionNode<>(60, "parallelize at T.java:4", List.of(1, 2, 3, 4), 4));
    ActorRef<NodeSupervisor.Command> first = placement.choose(6, s, 0, 0, NODES).node();
    placement.choose(6, s, 1, 0, NODES);
    placement.choose(6, s, 2, 0, NODES);
    placement.ended(6, 6, 0, 0);

    assertThat(placement.choose(6, s, 3, 0, NODES).node()).isEqualTo(first);
  }

  @Test
  void retry_goesToAnotherNodeThanTheFailedAttempt() {
    TaskPlacement placement = placement(CachePlacement.none(), hosts(4, 4, 4));
    Stage s = stage(7, hostedSource(70, List.of(List.of("host-b"))));
    placement.prepare(new JobPlan(List.of(s)));
    assertThat(placement.choose(7, s, 0, 0, NODES).node()).isEqualTo(B);
    placement.ended(7, 7, 0, 0);

    assertThat(placement.choose(7, s, 0, 1, NODES).node()).isNotEqualTo(B);
  }

  @Test
  void oneNode_isAlwaysChosen_andNothingIsCounted() {
    TaskPlacement placement = TaskPlacement.local();
    Stage s = stage(8, hostedSource(80, List.of(List.of("host-b"))));
    placement.prepare(new JobPlan(List.of(s)));

    assertThat(placement.choose(8, s, 0, 0, List.of(A))).isEqualTo(new TaskPlacement.Choice(A, Reason.ONLY_NODE));
    assertThat(placement.running(A)).isZero();
  }
}
