package io.kindling.engine.serial;

import static java.util.Objects.requireNonNull;

import io.kindling.engine.plan.JobPlan;
import io.kindling.internal.lineage.PartitionFunction;
import java.io.Serializable;

/** What a node needs to run any task of a job: its stages (with their lineage) and the action's function. */
public record JobPayload(JobPlan plan, PartitionFunction<?, ?> function) implements Serializable {

  public JobPayload {
    requireNonNull(plan, "plan is null");
    requireNonNull(function, "function is null");
  }
}
