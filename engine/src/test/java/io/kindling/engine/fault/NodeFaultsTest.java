package io.kindling.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kindling.chaos.FaultSchedule;
import io.kindling.chaos.InjectedFaultException;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.BlockManager;
import io.kindling.engine.storage.RecordingEvents;
import io.kindling.internal.lineage.EmptyNode;
import io.kindling.spi.FaultRequest;
import io.kindling.storage.StorageLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeFaultsTest {
  private final RecordingEvents events = new RecordingEvents();
  private final NodeFaults faults = new NodeFaults(events, 4);

  @Test
  void failAttempts_firesExactlyThatManyTimes() {
    faults.arm(new FaultRequest.FailAttempts(3, 1, 2));

    assertThatThrownBy(() -> faults.beforeCompute(3, 1, null)).isInstanceOf(InjectedFaultException.class);
    assertThatCode(() -> faults.beforeCompute(3, 0, null)).doesNotThrowAnyException();
    assertThatThrownBy(() -> faults.beforeCompute(3, 1, null)).isInstanceOf(InjectedFaultException.class);
    assertThatCode(() -> faults.beforeCompute(3, 1, null)).doesNotThrowAnyException();
    assertThat(events.events).containsExactly("fault FAIL_ATTEMPT rdd_3_1", "fault FAIL_ATTEMPT rdd_3_1");
  }

  @Test
  void kill_crashesTheRunningActorAndEndsTheComputation() {
    AtomicInteger crashes = new AtomicInteger();
    faults.arm(new FaultRequest.KillPartitionActor(2, 0));

    assertThatThrownBy(() -> faults.beforeCompute(2, 0, crashes::incrementAndGet))
        .isInstanceOf(ActorKilledException.class);
    faults.beforeCompute(2, 0, crashes::incrementAndGet);

    assertThat(crashes).hasValue(1);
  }

  @Test
  void delay_isOneShot() {
    faults.arm(new FaultRequest.Delay(2, 0, Duration.ofMillis(1)));

    faults.beforeCompute(2, 0, null);
    faults.beforeCompute(2, 0, null);

    assertThat(events.events).containsExactly("fault DELAY rdd_2_0");
  }

  @Test
  void armedDrop_firesAtTheNextReadOfAPresentBlock() {
    BlockManager blocks = BlockManager.inMemory(1 << 20);
    BlockId id = new BlockId(1, 0);
    faults.arm(new FaultRequest.DropCachedBlock(1, 0));
    blocks.store(id, StorageLevel.MEMORY_ONLY, List.of(1).iterator(), new EmptyNode<>(1, "t"), Map.of());

    faults.onBlockRead(id, 1, 0, 0, blocks);

    assertThat(blocks.contains(id)).isFalse();
    assertThat(events.events).containsExactly("fault DROP_CACHED_BLOCK rdd_1_0");
  }

  @Test
  void clear_disarmsEverything() {
    faults.arm(new FaultRequest.FailAttempts(1, 0, 3));
    faults.schedule(FaultSchedule.random(1, 1.0));

    faults.clear();

    assertThatCode(() -> {
      faults.beforeCompute(1, 0, null);
      faults.onTaskStart(1, 0, 1, 0, 0, 0, () -> {});
    }).doesNotThrowAnyException();
    assertThat(faults.schedule()).isNull();
  }

  @Test
  void schedule_neverFailsTheLastAllowedAttemptNorKillsARestartedActor() {
    faults.schedule(FaultSchedule.random(99, 1.0));
    for (long job = 0; job < 40; job++) {
      for (int partition = 0; partition < 4; partition++) {
        final long j = job;
        final int p = partition;
        assertThatCode(() -> faults.onTaskStart(j, 0, 5, p, 3, 1, () -> {
          throw new AssertionError("killed a restarted actor");
        })).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void schedule_sameOpportunities_sameFaults() {
    assertThat(firedAt(FaultSchedule.random(5, 0.3))).isEqualTo(firedAt(FaultSchedule.random(5, 0.3)))
        .isNotEqualTo(firedAt(FaultSchedule.random(6, 0.3)));
  }

  private static List<String> firedAt(FaultSchedule schedule) {
    RecordingEvents recorded = new RecordingEvents();
    NodeFaults f = new NodeFaults(recorded, 4);
    f.schedule(schedule);
    for (long job = 0; job < 20; job++) {
      for (int partition = 0; partition < 4; partition++) {
        try {
          f.onTaskStart(job, 1, 7, partition, 0, 0, () -> {});
        } catch (RuntimeException e) {
          // failed or killed attempts are the point
        }
      }
    }
    return recorded.events;
  }
}
