package io.kindling.engine.serial;

import static java.util.Objects.requireNonNull;

import io.kindling.engine.plan.JobPlan;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.storage.StorageLevel;
import java.io.Serializable;
import java.util.Map;

/**
 * What a node needs to run any task of a job: its stages (with their lineage), the action's function, and the
 * storage levels of the session's persisted datasets (lineage nodes are immutable and shared, so whether a
 * dataset is cached travels beside them, by dataset id).
 */
public record JobPayload(JobPlan plan, PartitionFunction<?, ?> function, Map<Integer, StorageLevel> persisted)
    implements Serializable {

  public JobPayload {
    requireNonNull(plan, "plan is null");
    requireNonNull(function, "function is null");
    persisted = Map.copyOf(persisted);
  }

  /** A job whose session persists nothing. */
  public JobPayload(JobPlan plan, PartitionFunction<?, ?> function) {
    this(plan, function, Map.of());
  }
}
