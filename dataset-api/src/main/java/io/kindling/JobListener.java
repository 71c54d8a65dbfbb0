package io.kindling;

import io.kindling.chaos.FaultKind;
import java.time.Duration;
import java.util.List;

/**
 * Receives progress events of a session's jobs (register with {@code session.addListener}). Called on the
 * runtime's threads, in order for each job: keep each call short and never block in it.
 */
public interface JobListener {

  /** An action started a job made of {@code stageIds}, run parents first. */
  record JobStarted(long jobId, String description, List<Integer> stageIds) {
    public JobStarted {
      stageIds = List.copyOf(stageIds);
    }
  }

  /** A stage began: {@code numPartitions} tasks to run. */
  record StageSubmitted(long jobId, int stageId, String name, int numPartitions) {}

  /** One partition of a stage finished; {@code done} of {@code total} are now finished. */
  record PartitionCompleted(long jobId, int stageId, int partition, int attempt, int done, int total) {}

  /** An attempt of a partition failed; it is retried unless {@code willRetry} is false. */
  record PartitionFailed(long jobId, int stageId, int partition, int attempt, Throwable cause, boolean willRetry) {}

  /** Every partition of a stage finished. */
  record StageCompleted(long jobId, int stageId, String name, Duration elapsed) {}

  /** A job ended; {@code failure} is null when it succeeded. */
  record JobEnded(long jobId, String description, boolean succeeded, Throwable failure, Duration elapsed) {}

  /**
   * A fault was injected ({@code session.faults()} or a {@link io.kindling.chaos.FaultSchedule}): it fired on
   * partition {@code partition} of dataset {@code rddId} (for a shuffle output, the map partition of the
   * shuffled dataset).
   */
  record FaultInjected(FaultKind kind, int rddId, int partition, String detail) {}

  /** Why a partition was computed again from its lineage. */
  enum RecomputeCause {
    /** Its cached block was evicted to make room. */
    EVICTED,
    /** Its cached block disappeared. */
    BLOCK_LOST,
    /** Its cached block failed its checksum. */
    CHECKSUM_MISMATCH,
    /** The partition actor that owned or computed it crashed and was restarted. */
    PARTITION_ACTOR_RESTARTED,
    /** The partition actor that owned its block crashed too often and gave it up. */
    PARTITION_ACTOR_FAILED,
    /** It is a map partition whose shuffle output was lost. */
    SHUFFLE_OUTPUT_LOST
  }

  /**
   * Partition {@code partition} of dataset {@code rddId}, which had been materialized (a cached block, a shuffle
   * map output, or a partition an actor was computing), was lost and computed again from lineage.
   */
  record PartitionRecomputed(int rddId, int partition, RecomputeCause cause) {}

  /**
   * The restarted owner of a cached block recovered it: it checked the block's checksums ({@code recomputed}
   * false) or computed the block again from lineage ({@code recomputed} true).
   */
  record BlockRecovered(int rddId, int partition, boolean recomputed) {}

  default void onJobStarted(JobStarted event) {}

  default void onStageSubmitted(StageSubmitted event) {}

  default void onPartitionCompleted(PartitionCompleted event) {}

  default void onPartitionFailed(PartitionFailed event) {}

  default void onStageCompleted(StageCompleted event) {}

  default void onJobEnded(JobEnded event) {}

  default void onFaultInjected(FaultInjected event) {}

  default void onPartitionRecomputed(PartitionRecomputed event) {}

  default void onBlockRecovered(BlockRecovered event) {}
}
