package io.kindling.chaos;

import static io.kindling.chaos.RecoveryRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobFailedException;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingException;
import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of fault, on cached and uncached datasets: the answer equals the fault-free one, and the listener saw
 * both the fault and the recovery (so a test can't pass because the fault never fired).
 */
class FaultInjectionTest {
  @RegisterExtension
  static final FaultTestSession FAULTS = new FaultTestSession("faults", Map.of("kindling.storage.off-heap-size", "16m",
      "kindling.storage.disk-size", "16m", "kindling.storage.chunk-size", "8k"));
  private static final List<Integer> EXPECTED = IntStream.range(0, 2000).map(i -> i * 7 % 1000).boxed()
      .collect(Collectors.toList());

  private static RDD<Integer> data() {
    return session().parallelize(IntStream.range(0, 2000).boxed().collect(Collectors.toList()), 4)
        .map(i -> i * 7 % 1000);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void dropCachedBlock_recomputedFromLineage(StorageLevel level) {
    RDD<Integer> cached = data().persist(level);
    cached.count();
    long recomputedBefore = session().metrics().recomputedPartitions();

    session().faults().dropCachedBlock(cached, 2);

    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.DROP_CACHED_BLOCK && f.rddId() == cached.id()
        && f.partition() == 2);
    assertThat(recorder().recomputed).anyMatch(r -> r.rddId() == cached.id() && r.partition() == 2
        && r.cause() == RecomputeCause.BLOCK_LOST);
    assertThat(session().metrics().recomputedPartitions()).isGreaterThan(recomputedBefore);
    cached.unpersist(true);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void corruptCachedBlock_failsChecksumAndIsRecomputed(StorageLevel level) {
    RDD<Integer> cached = data().persist(level);
    cached.count();

    session().faults().corruptCachedBlock(cached, 1);

    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.CORRUPT_CACHED_BLOCK && f.partition() == 1);
    assertThat(recorder().recomputed).anyMatch(r -> r.rddId() == cached.id() && r.partition() == 1
        && r.cause() == RecomputeCause.CHECKSUM_MISMATCH);
    cached.unpersist(true);
  }

  @Test
  void dropCachedBlock_beforeCaching_firesAtFirstRead() {
    RDD<Integer> cached = data().cache();
    session().faults().dropCachedBlock(cached, 0);
    cached.count();
    assertThat(recorder().faults).isEmpty();

    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.DROP_CACHED_BLOCK && f.partition() == 0);
    assertThat(recorder().recomputed).anyMatch(r -> r.rddId() == cached.id() && r.partition() == 0);
    cached.unpersist(true);
  }

  @Test
  void killPartitionActor_ownerOfHeapBlock_restartsAndRecomputesIt() {
    RDD<Integer> cached = data().cache();
    cached.count();

    session().faults().killPartitionActor(cached, 3);

    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.KILL_PARTITION_ACTOR && f.partition() == 3);
    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(eventually(recorder().recomputed, r -> r.rddId() == cached.id() && r.partition() == 3
        && r.cause() == RecomputeCause.PARTITION_ACTOR_RESTARTED)).isTrue();
    assertThat(eventually(recorder().recovered, r -> r.rddId() == cached.id() && r.partition() == 3)).isTrue();
    assertThat(cached.collect()).isEqualTo(EXPECTED);
    cached.unpersist(true);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void killPartitionActor_ownerOfSerializedBlock_restartsAndVerifiesIt(StorageLevel level) {
    RDD<Integer> cached = data().persist(level);
    cached.count();

    session().faults().killPartitionActor(cached, 1);

    assertThat(eventually(recorder().recovered, r -> r.rddId() == cached.id() && r.partition() == 1
        && !r.recomputed())).isTrue();
    assertThat(recorder().recomputed).noneMatch(r -> r.rddId() == cached.id());
    assertThat(cached.collect()).isEqualTo(EXPECTED);
    cached.unpersist(true);
  }

  @Test
  void killPartitionActor_ownerOfCorruptBlock_recomputesIt() {
    RDD<Integer> cached = data().persist(StorageLevel.OFF_HEAP);
    cached.count();
    session().faults().corruptCachedBlock(cached, 0);

    session().faults().killPartitionActor(cached, 0);

    assertThat(eventually(recorder().recovered, r -> r.rddId() == cached.id() && r.partition() == 0
        && r.recomputed())).isTrue();
    assertThat(recorder().recomputed).anyMatch(r -> r.rddId() == cached.id()
        && r.cause() == RecomputeCause.CHECKSUM_MISMATCH);
    assertThat(cached.collect()).isEqualTo(EXPECTED);
    cached.unpersist(true);
  }

  @Test
  void killPartitionActor_tooOftenForItsSupervisor_ownerGivesUpAndTheBlockIsRecomputed() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.runtime.partition-restarts.min-backoff", "300ms")
        .config("kindling.runtime.partition-restarts.max-restarts", 1L)
        .create()) {
      RecoveryRecorder events = new RecoveryRecorder();
      s.addListener(events);
      RDD<Integer> cached = s.parallelize(IntStream.range(0, 2000).boxed().collect(Collectors.toList()), 4)
          .map(i -> i * 7 % 1000).persist(StorageLevel.OFF_HEAP);
      cached.count();
      long cachedBytes = s.metrics().cachedBytes(StorageLevel.OFF_HEAP);

      // The second crash reaches the restarted owner at once (stashed during its backoff): one restart too many.
      s.faults().killPartitionActor(cached, 0);
      s.faults().killPartitionActor(cached, 0);

      assertThat(eventually(() -> s.metrics().cachedBytes(StorageLevel.OFF_HEAP) < cachedBytes))
          .as("the owner gave up and its block went with it").isTrue();
      assertThat(cached.collect()).isEqualTo(EXPECTED);
      assertThat(events.recomputed).anyMatch(r -> r.rddId() == cached.id() && r.partition() == 0
          && r.cause() == RecomputeCause.PARTITION_ACTOR_FAILED);
    }
  }

  @Test
  void killPartitionActor_uncachedPartition_restartedActorComputesItAgain() {
    RDD<Integer> data = data();

    session().faults().killPartitionActor(data, 2);

    assertThat(data.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.KILL_PARTITION_ACTOR && f.rddId() == data.id()
        && f.partition() == 2);
    assertThat(recorder().recomputed).anyMatch(r -> r.partition() == 2
        && r.cause() == RecomputeCause.PARTITION_ACTOR_RESTARTED);
  }

  @Test
  void killPartitionActor_cachedButNotYetComputed_firesWhileComputing() {
    RDD<Integer> cached = data().cache();

    session().faults().killPartitionActor(cached, 1);

    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(cached.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.KILL_PARTITION_ACTOR && f.partition() == 1);
    assertThat(recorder().recomputed).anyMatch(r -> r.partition() == 1
        && r.cause() == RecomputeCause.PARTITION_ACTOR_RESTARTED);
    cached.unpersist(true);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"NONE", "MEMORY_ONLY", "OFF_HEAP"})
  void failAttempts_retriedUpToTheLimit(StorageLevel level) {
    RDD<Integer> data = data().persist(level);
    long retriesBefore = session().metrics().taskRetries();

    session().faults().failAttempts(data, 1, 2);

    assertThat(data.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).filteredOn(f -> f.kind() == FaultKind.FAIL_ATTEMPT).hasSize(2);
    assertThat(recorder().failed).hasSize(2).allMatch(f -> f.willRetry() && f.partition() == 1
        && f.cause() instanceof InjectedFaultException);
    assertThat(session().metrics().taskRetries()).isEqualTo(retriesBefore + 2);
    data.unpersist(true);
  }

  @Test
  void failAttempts_asManyAsAllowed_failsTheJobWithTheInjectedCause() {
    RDD<Integer> data = data();

    session().faults().failAttempts(data, 0, 4);

    assertThatThrownBy(data::collect)
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("failed 4 times")
        .hasCauseInstanceOf(InjectedFaultException.class);
    assertThat(data.collect()).isEqualTo(EXPECTED);
  }

  @Test
  void delay_slowsThePartitionAndTheAnswerIsTheSame() {
    RDD<Integer> data = data();

    session().faults().delay(data, 3, Duration.ofMillis(50));

    assertThat(data.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.DELAY && f.partition() == 3);
  }

  @Test
  void clear_disarmsArmedFaults() {
    RDD<Integer> data = data();
    session().faults().failAttempts(data, 0, 4);

    session().faults().clear();

    assertThat(data.collect()).isEqualTo(EXPECTED);
    assertThat(recorder().faults).isEmpty();
  }

  @Test
  void faultsInjected_countsEveryFiredFault() {
    RDD<Integer> data = data();
    long before = session().metrics().faultsInjected();

    session().faults().failAttempts(data, 0, 1);
    session().faults().delay(data, 1, Duration.ofMillis(1));
    data.count();

    assertThat(session().metrics().faultsInjected()).isEqualTo(before + 2);
  }

  @Test
  void clusterOnlyFaults_failClearlyInLocalMode() {
    assertThatThrownBy(() -> session().faults().killNode("akka://kindling@host:2552"))
        .isInstanceOf(KindlingException.class).hasMessageContaining("needs cluster mode");
    assertThatThrownBy(() -> session().faults().partitionNetwork("a", "b"))
        .isInstanceOf(KindlingException.class).hasMessageContaining("needs cluster mode");
    assertThatThrownBy(() -> session().faults().delayNetwork("a", "b", Duration.ofMillis(5)))
        .isInstanceOf(KindlingException.class).hasMessageContaining("needs cluster mode");
    assertThatThrownBy(() -> session().faults().healNetwork())
        .isInstanceOf(KindlingException.class).hasMessageContaining("needs cluster mode");
  }

  @Test
  void faults_badArguments_failAtOnce() {
    RDD<Integer> data = data();
    assertThatThrownBy(() -> session().faults().dropCachedBlock(data, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> session().faults().failAttempts(data, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session().faults().dropShuffleOutput(data, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not made by a shuffle");
    try (KindlingSession other = KindlingSession.builder().master("local[1]").create()) {
      assertThatThrownBy(() -> other.faults().dropCachedBlock(data, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another session");
    }
  }

  private static KindlingSession session() {
    return FAULTS.session();
  }

  private static RecoveryRecorder recorder() {
    return FAULTS.recorder();
  }
}
