package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a projection into the projection below it, inlining the lower one's computed columns, unless that
 * would compute a non-trivial expression more than once or move a non-deterministic one.
 *
 * <pre>
 * before: Project [(t * 2) AS u]              after: Project [((q * p) * 2) AS u]
 *         +- Project [(q * p) AS t]                  +- child
 *            +- child
 * </pre>
 */
public final class CombineProjections implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (p instanceof ProjectNode upper && upper.child() instanceof ProjectNode lower && canCombine(upper, lower)) {
        List<Expression> merged = new ArrayList<>(upper.projections().size());
        for (Expression e : upper.projections()) {
          Expression inlined = Predicates.inline(e, lower.projections());
          if (e instanceof AttributeRef a && !(inlined instanceof AttributeRef)) {
            // An attribute of the lower projection computed there: keep its name and id.
            inlined = new Alias(inlined, a.name(), a.exprId());
          } else if (inlined instanceof AttributeRef ia && e instanceof AttributeRef a && !ia.name().equals(a.name())) {
            inlined = new Alias(ia, a.name(), a.exprId());
          }
          merged.add(inlined);
        }
        return new ProjectNode(merged, lower.child());
      }
      return p;
    });
  }

  private static boolean canCombine(ProjectNode upper, ProjectNode lower) {
    Map<AttributeRef, Expression> aliases = Predicates.aliases(lower.projections());
    for (Expression e : lower.projections()) {
      if (!e.deterministic()) {
        return false;
      }
    }
    Map<AttributeRef, Integer> uses = new HashMap<>();
    for (Expression e : upper.projections()) {
      if (!e.deterministic()) {
        return false;
      }
      countUses(e, uses);
    }
    for (Map.Entry<AttributeRef, Integer> u : uses.entrySet()) {
      Expression def = aliases.get(u.getKey());
      if (def != null && u.getValue() > 1 && !(def instanceof AttributeRef) && !(def instanceof Literal)) {
        return false;
      }
    }
    return true;
  }

  private static void countUses(Expression e, Map<AttributeRef, Integer> uses) {
    if (e instanceof AttributeRef a) {
      uses.merge(a, 1, Integer::sum);
      return;
    }
    for (Expression c : e.children()) {
      countUses(c, uses);
    }
  }
}
