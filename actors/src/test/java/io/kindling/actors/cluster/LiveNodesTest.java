package io.kindling.actors.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import io.kindling.actors.driver.TaskPlacement;
import io.kindling.actors.node.NodeSupervisor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What placement learns of the session's workers: each node's host and cores, as the list is now. */
class LiveNodesTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final ActorRef<NodeSupervisor.Command> A = KIT.<NodeSupervisor.Command>createTestProbe().ref();
  private static final ActorRef<NodeSupervisor.Command> B = KIT.<NodeSupervisor.Command>createTestProbe().ref();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  @Test
  void info_isTheWorkersHostAndCores_andOneCoreOnNoHostForANodeNotInTheList() {
    LiveNodes live = new LiveNodes();
    assertThat(live.info(A)).isEqualTo(new TaskPlacement.NodeInfo("", 1));

    live.set(List.of(new LiveNodes.WorkerNode("akka://kindling@10.0.0.7:2552", A, 4),
        new LiveNodes.WorkerNode("akka://kindling@worker-b.example:2553", B, 2)));
    assertThat(live.info(A)).isEqualTo(new TaskPlacement.NodeInfo("10.0.0.7", 4));
    assertThat(live.info(B)).isEqualTo(new TaskPlacement.NodeInfo("worker-b.example", 2));

    live.set(List.of(new LiveNodes.WorkerNode("akka://kindling@worker-b.example:2553", B, 3)));
    assertThat(live.info(A)).as("a worker that left").isEqualTo(new TaskPlacement.NodeInfo("", 1));
    assertThat(live.info(B)).isEqualTo(new TaskPlacement.NodeInfo("worker-b.example", 3));
  }

  @Test
  void hostOf_anAddressWithoutHostOrNotAnAddress_isTheWholeText() {
    assertThat(LiveNodes.hostOf("akka://kindling@127.0.0.2:2552")).isEqualTo("127.0.0.2");
    assertThat(LiveNodes.hostOf("akka://kindling")).isEqualTo("akka://kindling");
    assertThat(LiveNodes.hostOf("not an address")).isEqualTo("not an address");
  }
}
