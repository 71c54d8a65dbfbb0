package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.List;

/**
 * Rewrites an analyzed plan with the rules until none changes it (at most {@value #MAX_ITERATIONS} rounds),
 * then picks join strategies on the final shape.
 */
public final class Optimizer {
  static final int MAX_ITERATIONS = 100;

  private final List<Rule> rules;
  private final Rule joinSelection;

  public Optimizer(ConstantEvaluator evaluator, long autoBroadcastJoinThreshold) {
    this.rules = List.of(new ReplaceDistinctWithAggregate(), new FoldConstants(evaluator), new PruneFilters(), new PushFilterDown(),
        new CombineFilters(), new CombineProjections(), new RemoveNoopProjections(), new PruneColumns(),
        new PushFilterIntoScan());
    this.joinSelection = new SelectBroadcastJoin(autoBroadcastJoinThreshold);
  }

  public LogicalPlan optimize(LogicalPlan plan) {
    LogicalPlan current = plan;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      LogicalPlan before = current;
      for (Rule r : rules) {
        current = r.apply(current);
      }
      if (current.equals(before)) {
        break;
      }
    }
    return joinSelection.apply(current);
  }
}
