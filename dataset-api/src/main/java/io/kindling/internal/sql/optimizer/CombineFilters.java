package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.LogicalPlan;

/**
 * Merges adjacent filters into one.
 *
 * <pre>
 * before: Filter (b > 2)            after: Filter ((a > 1) AND (b > 2))
 *         +- Filter (a > 1)                +- child
 *            +- child
 * </pre>
 */
public final class CombineFilters implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof FilterNode upper && upper.child() instanceof FilterNode lower
          && upper.condition().deterministic() && lower.condition().deterministic()) {
        return new FilterNode(new And(lower.condition(), upper.condition()), lower.child());
      }
      return p;
    });
  }
}
