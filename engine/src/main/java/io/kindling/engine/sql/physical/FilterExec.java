package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.BooleanVector;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.List;

/** Keeps the rows of each batch where the condition is true; batches left empty are dropped. */
public final class FilterExec extends PhysicalPlan {
  private final Expression condition;
  private final PhysicalPlan child;

  public FilterExec(Expression condition, PhysicalPlan child) {
    this.condition = condition;
    this.child = child;
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public String nodeName() {
    return "Filter";
  }

  @Override
  public String argString() {
    return condition.toString();
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    Expression cond = condition;
    List<AttributeRef> input = child.output();
    return Lineages.map(context, context.lineage(child), "filter", (p, it) -> {
      BatchExpr compiled = ExprCompiler.compile(cond, input, new EvalContext(p));
      int[][] selection = {new int[0]};
      return Lineages.mapNonNull(it, b -> filter(compiled, b, selection));
    });
  }

  static ColumnBatch filter(BatchExpr predicate, ColumnBatch b, int[][] selection) {
    int n = b.numRows();
    if (n == 0) {
      return null;
    }
    if (selection[0].length < n) {
      selection[0] = new int[n];
    }
    int[] sel = selection[0];
    int count = ExprCompiler.select((BooleanVector) predicate.eval(b), sel);
    if (count == 0) {
      return null;
    }
    return count == n ? b : b.gather(sel, count);
  }
}
