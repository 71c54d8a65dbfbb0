package io.kindling.engine.task;

import io.kindling.storage.StorageLevel;
import java.util.Map;

/**
 * How a task attempt is run: which datasets its job persists (and at what level), how to crash the actor running
 * it (for an injected kill), which incarnation of that actor it is (0 unless the actor was restarted), and which
 * attempt of its stage launched it (0 unless the stage was run again after missing shuffle outputs).
 */
public record TaskEnv(Map<Integer, StorageLevel> persisted, Runnable crashActor, int incarnation,
    int stageAttempt) {

  public TaskEnv {
    persisted = Map.copyOf(persisted);
    if (incarnation < 0) {
      throw new IllegalArgumentException("incarnation must not be negative: " + incarnation);
    }
    if (stageAttempt < 0) {
      throw new IllegalArgumentException("stageAttempt must not be negative: " + stageAttempt);
    }
  }

  /** Nothing persisted, no actor. */
  public static TaskEnv none() {
    return new TaskEnv(Map.of(), null, 0, 0);
  }
}
