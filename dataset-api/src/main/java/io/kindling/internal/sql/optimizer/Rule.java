package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.plan.LogicalPlan;

/** One rewrite of a logical plan into an equivalent one. */
public interface Rule {

  /** The rewritten plan; the same instance when nothing applies. */
  LogicalPlan apply(LogicalPlan plan);

  /** The rule's name in traces. */
  default String name() {
    return getClass().getSimpleName();
  }
}
