package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a filter directly above a file scan to the scan, which applies it while reading (and skips whole
 * partition directories for conditions on partition columns).
 *
 * <pre>
 * before: Filter (quantity > 10)                 after: Relation [quantity, price] csv,
 *         +- Relation [quantity, price] csv                  PushedFilters: [(quantity > 10)]
 * </pre>
 */
public final class PushFilterIntoScan implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof FilterNode f && f.child() instanceof FileScanNode scan) {
        List<Expression> pushed = new ArrayList<>(scan.filters());
        List<Expression> kept = new ArrayList<>();
        for (Expression c : Predicates.conjuncts(f.condition())) {
          if (c.deterministic() && Predicates.readsOnly(c, scan.allColumns())) {
            pushed.add(c);
          } else {
            kept.add(c);
          }
        }
        if (pushed.size() == scan.filters().size()) {
          return p;
        }
        FileScanNode withFilters = scan.withFilters(pushed);
        return kept.isEmpty() ? withFilters : new FilterNode(Predicates.and(kept), withFilters);
      }
      return p;
    });
  }
}
