package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.LocalRelationNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.List;

/**
 * Removes filters whose condition is constant: always true keeps the child, false or null keeps no row.
 *
 * <pre>
 * before: Filter true        after: child
 *         +- child
 * before: Filter false       after: LocalRelation [child's columns] (no rows)
 * </pre>
 */
public final class PruneFilters implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof FilterNode f && f.condition() instanceof Literal l) {
        if (Boolean.TRUE.equals(l.value())) {
          return f.child();
        }
        return new LocalRelationNode(f.output(), List.of());
      }
      return p;
    });
  }
}
