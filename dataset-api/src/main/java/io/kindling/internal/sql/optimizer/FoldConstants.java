package io.kindling.internal.sql.optimizer;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.Literal;
import io.kindling.internal.sql.expr.Or;
import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates, once, every expression that reads no column (literals, casts of literals, arithmetic on them),
 * and simplifies AND/OR with a constant side.
 *
 * <pre>
 * before: Filter (amount > CAST(1000 AS DOUBLE))      after: Filter (amount > 1000.0)
 * </pre>
 */
public final class FoldConstants implements Rule {
  private final ConstantEvaluator evaluator;

  public FoldConstants(ConstantEvaluator evaluator) {
    this.evaluator = requireNonNull(evaluator, "evaluator is null");
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      List<Expression> exprs = p.expressions();
      if (exprs.isEmpty()) {
        return p;
      }
      List<Expression> folded = new ArrayList<>(exprs.size());
      boolean changed = false;
      for (Expression e : exprs) {
        Expression f = fold(e);
        changed |= f != e;
        folded.add(f);
      }
      return changed ? p.withExpressions(folded) : p;
    });
  }

  Expression fold(Expression e) {
    return e.transformUp(x -> {
      if (!(x instanceof Literal) && x.foldable() && x.resolved()) {
        return new Literal(evaluator.evaluate(x), x.dataType());
      }
      if (x instanceof And a) {
        if (isTrue(a.left())) {
          return a.right();
        }
        if (isTrue(a.right())) {
          return a.left();
        }
        if (isFalse(a.left()) || isFalse(a.right())) {
          return Literal.FALSE;
        }
      }
      if (x instanceof Or o) {
        if (isFalse(o.left())) {
          return o.right();
        }
        if (isFalse(o.right())) {
          return o.left();
        }
        if (isTrue(o.left()) || isTrue(o.right())) {
          return Literal.TRUE;
        }
      }
      return x;
    });
  }

  private static boolean isTrue(Expression e) {
    return e instanceof Literal l && Boolean.TRUE.equals(l.value());
  }

  private static boolean isFalse(Expression e) {
    return e instanceof Literal l && Boolean.FALSE.equals(l.value());
  }
}
