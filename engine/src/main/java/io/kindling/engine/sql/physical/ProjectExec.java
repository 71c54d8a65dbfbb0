package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import java.util.List;

/** Computes the projections of each batch; columns passed through are shared, not copied. */
public final class ProjectExec extends PhysicalPlan {
  private final List<Expression> projections;
  private final PhysicalPlan child;

  public ProjectExec(List<Expression> projections, PhysicalPlan child) {
    this.projections = List.copyOf(projections);
    this.child = child;
  }

  @Override
  public List<AttributeRef> output() {
    return projections.stream().map(ProjectNode::toAttribute).toList();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public String nodeName() {
    return "Project";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(projections);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    List<Expression> exprs = projections;
    List<AttributeRef> input = child.output();
    return Lineages.map(context, context.lineage(child), "select", (p, it) -> {
      List<BatchExpr> compiled = ExprCompiler.compileAll(exprs, input, new EvalContext(p));
      return Lineages.mapNonNull(it, b -> project(compiled, b));
    });
  }

  static ColumnBatch project(List<BatchExpr> compiled, ColumnBatch b) {
    ColumnVector[] cols = new ColumnVector[compiled.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = compiled.get(i).eval(b);
    }
    return new ColumnBatch(cols, b.numRows());
  }
}
