package io.kindling.actors.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapOutputTrackerTest {
  private final MapOutputTracker tracker = new MapOutputTracker();

  @Test
  void missing_listsTheMapPartitionsWithNoOutput() {
    tracker.registerMapOutput(1, 0, "node-a", new long[] {10, 20});
    tracker.registerMapOutput(1, 2, "node-a", new long[] {5, 0});

    assertThat(tracker.missing(1, 4)).containsExactly(1, 3);
    assertThat(tracker.isComplete(1, 4)).isFalse();
    assertThat(tracker.missing(2, 2)).as("unknown shuffle").containsExactly(0, 1);
    assertThat(tracker.isComplete(3, 0)).as("no map partitions").isTrue();
    assertThat(tracker.status(1, 0)).hasValueSatisfying(s -> {
      assertThat(s.node()).isEqualTo("node-a");
      assertThat(s.sizes()).containsExactly(10, 20);
    });
  }

  @Test
  void unregister_forgetsAnOutputSeenMissing_butNotOneWrittenAfterThatTaskStarted() {
    tracker.registerMapOutput(1, 0, "node-a", new long[] {1});
    long taskLaunched = tracker.epoch();
    tracker.registerMapOutput(1, 1, "node-a", new long[] {1});

    assertThat(tracker.unregisterMapOutput(1, 1, taskLaunched)).as("written after the task started").isFalse();
    assertThat(tracker.unregisterMapOutput(1, 0, taskLaunched)).isTrue();
    assertThat(tracker.unregisterMapOutput(1, 0, taskLaunched)).as("already forgotten").isFalse();
    assertThat(tracker.missing(1, 2)).containsExactly(0);
  }

  @Test
  void unregisterNode_forgetsEveryOutputItHeld() {
    tracker.registerMapOutput(1, 0, "node-a", new long[] {1});
    tracker.registerMapOutput(1, 1, "node-b", new long[] {1});
    tracker.registerMapOutput(2, 0, "node-b", new long[] {1});
    tracker.registerMapOutput(2, 1, "node-a", new long[] {1});

    assertThat(tracker.unregisterNode("node-a")).isEqualTo(Map.of(1, List.of(0), 2, List.of(1)));
    assertThat(tracker.missing(1, 2)).containsExactly(0);
    assertThat(tracker.missing(2, 2)).containsExactly(1);
  }

  @Test
  void unregisterShuffle_forgetsItWhole() {
    tracker.registerMapOutput(4, 0, "node-a", new long[] {1});

    tracker.unregister(4);

    assertThat(tracker.missing(4, 1)).containsExactly(0);
  }
}
