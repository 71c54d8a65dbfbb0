package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.PlanText;
import io.kindling.sql.types.DataType;
import java.util.List;

/**
 * A node of a physical plan. {@link #build} compiles it (with its children) into a lineage node of column
 * batches; building may run jobs first where the plan needs data on the driver (exchanges without a shuffle
 * service, broadcasts, range bounds).
 */
public abstract class PhysicalPlan {

  /** The columns of the batches this node produces, in order. */
  public abstract List<AttributeRef> output();

  public abstract List<PhysicalPlan> children();

  public abstract String nodeName();

  public abstract String argString();

  /** Builds the lineage; call {@link ExecContext#lineage} rather than this, so it is built once. */
  protected abstract LineageNode<ColumnBatch> build(ExecContext context);

  public List<DataType> outputTypes() {
    return output().stream().map(AttributeRef::dataType).toList();
  }

  public String treeString() {
    StringBuilder sb = new StringBuilder();
    PlanText.append(sb, this, "", "", PhysicalPlan::children, PhysicalPlan::line);
    return sb.toString();
  }

  /** The node's line in plan text: its name and arguments. */
  protected String line() {
    return nodeName() + (argString().isEmpty() ? "" : " " + argString());
  }

  @Override
  public String toString() {
    return treeString();
  }
}
