package io.kindling.actors.driver;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import io.kindling.actors.node.NodeSupervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MapOutputTrackerTest {
  private static ActorTestKit testKit;
  private static ActorRef<NodeSupervisor.Command> nodeA;
  private static ActorRef<NodeSupervisor.Command> nodeB;
  private final MapOutputTracker tracker = new MapOutputTracker();

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
    nodeA = testKit.<NodeSupervisor.Command>createTestProbe().ref();
    nodeB = testKit.<NodeSupervisor.Command>createTestProbe().ref();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void missing_listsTheMapPartitionsWithNoOutput() {
    tracker.registerMapOutput(1, 0, nodeA, new long[] {10, 20});
    tracker.registerMapOutput(1, 2, nodeA, new long[] {5, 0});

    assertThat(tracker.missing(1, 4)).containsExactly(1, 3);
    assertThat(tracker.isComplete(1, 4)).isFalse();
    assertThat(tracker.missing(2, 2)).as("unknown shuffle").containsExactly(0, 1);
    assertThat(tracker.isComplete(3, 0)).as("no map partitions").isTrue();
    assertThat(tracker.output(1, 0)).hasValueSatisfying(o -> {
      assertThat(o.node()).isEqualTo(nodeA);
      assertThat(o.sizes()).containsExactly(10, 20);
    });
  }

  @Test
  void unregister_forgetsAnOutputSeenMissing_butNotOneWrittenAfterThatTaskStarted() {
    tracker.registerMapOutput(1, 0, nodeA, new long[] {1});
    long taskLaunched = tracker.epoch();
    tracker.registerMapOutput(1, 1, nodeA, new long[] {1});

    assertThat(tracker.unregisterMapOutput(1, 1, taskLaunched)).as("written after the task started").isFalse();
    assertThat(tracker.unregisterMapOutput(1, 0, taskLaunched)).isTrue();
    assertThat(tracker.unregisterMapOutput(1, 0, taskLaunched)).as("already forgotten").isFalse();
    assertThat(tracker.missing(1, 2)).containsExactly(0);
  }

  @Test
  void removeOutputsOn_forgetsEveryOutputTheNodeHeld() {
    tracker.registerMapOutput(1, 0, nodeA, new long[] {1});
    tracker.registerMapOutput(1, 1, nodeB, new long[] {1});
    tracker.registerMapOutput(2, 0, nodeB, new long[] {1});
    tracker.registerMapOutput(2, 1, nodeA, new long[] {1});
    tracker.registerMapOutput(3, 0, nodeB, new long[] {1});

    assertThat(tracker.removeOutputsOn(nodeA)).containsExactly(1, 2);
    assertThat(tracker.missing(1, 2)).containsExactly(0);
    assertThat(tracker.missing(2, 2)).containsExactly(1);
    assertThat(tracker.isComplete(3, 1)).isTrue();
  }

  @Test
  void unregisterShuffle_forgetsItWhole() {
    tracker.registerMapOutput(4, 0, nodeA, new long[] {1});

    tracker.unregister(4);

    assertThat(tracker.missing(4, 1)).containsExactly(0);
  }
}
