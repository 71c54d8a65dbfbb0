package io.kindling.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kindling.chaos.FaultSchedule;
import io.kindling.chaos.InjectedFaultException;
import io.kindling.engine.shuffle.TestingShuffleService;
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
  private final NodeFaults faults = new NodeFaults(events, 4, 4);

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
    NodeFaults f = new NodeFaults(recorded, 4, 4);
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

  @Test
  void armedShuffleDrop_firesAtTheFirstReadWhereTheOutputIsPresent() {
    TestingShuffleService outputs = new TestingShuffleService();
    faults.arm(new FaultRequest.DropShuffleOutput(9, 2, 1));

    faults.onShuffleRead(1, 0, 0, 0, 2, 3, 0, () -> 9, outputs);
    assertThat(events.events).as("not written yet: stays armed").isEmpty();
    outputs.present.addAll(List.of(0, 1, 2));
    faults.onShuffleRead(1, 0, 0, 0, 2, 3, 0, () -> 9, outputs);
    outputs.present.add(1);
    faults.onShuffleRead(1, 0, 0, 0, 2, 3, 1, () -> 9, outputs);

    assertThat(events.events).containsExactly("fault DROP_SHUFFLE_OUTPUT rdd_9_1");
    assertThat(outputs.present).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void schedule_dropsShuffleOutputsAtOneReadPerStageOfAJob() {
    faults.schedule(FaultSchedule.random(3, 1.0));
    TestingShuffleService outputs = new TestingShuffleService();
    int droppingReads = 0;
    for (long job = 0; job < 20; job++) {
      int stageDrops = 0;
      for (int reduce = 0; reduce < 4; reduce++) {
        for (int attempt = 0; attempt < 3; attempt++) {
          outputs.present.addAll(List.of(0, 1, 2, 3));
          faults.onShuffleRead(job, 5, 0, attempt, 1, 4, reduce, () -> 8, outputs);
          stageDrops += outputs.present.size() < 4 ? 1 : 0;
        }
      }
      assertThat(stageDrops).as("reads that lost outputs in stage 5 of job %d", job).isLessThanOrEqualTo(1);
      droppingReads += stageDrops;
    }
    assertThat(droppingReads).isPositive();
    assertThat(events.events).allMatch(e -> e.startsWith("fault DROP_SHUFFLE_OUTPUT rdd_8_"));
  }

  @Test
  void schedule_neverDropsShuffleOutputsUnderTheLastStageAttempt() {
    faults.schedule(FaultSchedule.random(3, 1.0));
    TestingShuffleService outputs = new TestingShuffleService();
    for (long job = 0; job < 20; job++) {
      outputs.present.addAll(List.of(0, 1, 2, 3));
      faults.onShuffleRead(job, 5, 3, 0, 1, 4, 0, () -> 8, outputs);
    }
    assertThat(events.events).isEmpty();
  }
}
