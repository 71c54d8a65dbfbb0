package io.kindling;

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

  default void onJobStarted(JobStarted event) {}

  default void onStageSubmitted(StageSubmitted event) {}

  default void onPartitionCompleted(PartitionCompleted event) {}

  default void onPartitionFailed(PartitionFailed event) {}

  default void onStageCompleted(StageCompleted event) {}

  default void onJobEnded(JobEnded event) {}
}
