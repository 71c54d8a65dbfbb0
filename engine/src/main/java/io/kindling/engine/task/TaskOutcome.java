package io.kindling.engine.task;

import io.kindling.internal.lineage.AccumulatorUpdates;
import java.util.List;

/** How one task attempt ended. */
public sealed interface TaskOutcome {

  /**
   * The attempt finished: {@code value} is the action function's result (result stage) or the bytes written
   * per reduce partition (shuffle-map stage).
   */
  record Succeeded(Object value, AccumulatorUpdates accumulators) implements TaskOutcome {}

  /** The attempt threw; {@code cause} is the user's exception, unwrapped. */
  record Failed(Throwable cause) implements TaskOutcome {}

  /**
   * The attempt could not read map outputs {@code mapPartitions} of shuffle {@code shuffleId}: they must be
   * computed again before the partition is retried. Not a failure of the partition's own code.
   */
  record FetchFailed(int shuffleId, List<Integer> mapPartitions, String message) implements TaskOutcome {
    public FetchFailed {
      mapPartitions = List.copyOf(mapPartitions);
      if (mapPartitions.isEmpty()) {
        throw new IllegalArgumentException("a fetch failure names at least one missing map output");
      }
    }
  }
}
