package io.kindling.engine.task;

import io.kindling.internal.lineage.AccumulatorUpdates;

/** How one task attempt ended. */
public sealed interface TaskOutcome {

  /**
   * The attempt finished: {@code value} is the action function's result (result stage) or the bytes written
   * per reduce partition (shuffle-map stage).
   */
  record Succeeded(Object value, AccumulatorUpdates accumulators) implements TaskOutcome {}

  /** The attempt threw; {@code cause} is the user's exception, unwrapped. */
  record Failed(Throwable cause) implements TaskOutcome {}
}
