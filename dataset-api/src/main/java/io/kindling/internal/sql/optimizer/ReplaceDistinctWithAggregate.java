package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.DistinctNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.List;

/**
 * Runs distinct as a hash aggregation grouping by every column, without aggregate functions.
 *
 * <pre>
 * before: Distinct                after: Aggregate [a, b], [a, b]
 *         +- child [a, b]                +- child [a, b]
 * </pre>
 */
public final class ReplaceDistinctWithAggregate implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof DistinctNode d) {
        List<Expression> all = List.copyOf(d.child().output());
        return new AggregateNode(all, all, d.child());
      }
      return p;
    });
  }
}
