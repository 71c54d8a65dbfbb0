package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.sort.ExternalSorter;
import io.kindling.engine.sql.sort.KeyComparator;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.SortOrder;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.types.DataType;
import java.util.List;

/** Sorts each partition (after a range exchange, the whole output is then in order), spilling when large. */
public final class SortExec extends PhysicalPlan {
  private final List<SortOrder> order;
  private final boolean global;
  private final PhysicalPlan child;

  public SortExec(List<SortOrder> order, boolean global, PhysicalPlan child) {
    this.order = List.copyOf(order);
    this.global = global;
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
    return "Sort";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(order) + ", " + global + ", 0";
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    List<SortOrder> orders = order;
    List<AttributeRef> input = child.output();
    List<DataType> types = outputTypes();
    long spillRows = context.settings().sortSpillRows();
    int batchRows = context.settings().batchRows();
    return Lineages.map(context, context.lineage(child), "sort", (p, it) -> {
      List<BatchExpr> keys = ExprCompiler.compileAll(orders, input, new EvalContext(p));
      boolean[] asc = new boolean[orders.size()];
      boolean[] nullsFirst = new boolean[orders.size()];
      for (int i = 0; i < asc.length; i++) {
        asc[i] = orders.get(i).ascending();
        nullsFirst[i] = orders.get(i).nullsFirst();
      }
      ExternalSorter sorter = new ExternalSorter(types, b -> {
        ColumnVector[] k = new ColumnVector[keys.size()];
        for (int i = 0; i < k.length; i++) {
          k[i] = keys.get(i).eval(b);
        }
        return k;
      }, new KeyComparator(asc, nullsFirst), spillRows, batchRows);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.onTaskCompletion(sorter);
      }
      while (it.hasNext()) {
        sorter.add(it.next());
      }
      return sorter.sorted();
    });
  }
}
