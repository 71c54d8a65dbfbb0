package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.UnionNode;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.ArrayList;
import java.util.List;

/** The partitions of all children side by side; no data moves. */
public final class UnionExec extends PhysicalPlan {
  private final List<AttributeRef> output;
  private final List<PhysicalPlan> children;

  public UnionExec(List<AttributeRef> output, List<PhysicalPlan> children) {
    this.output = List.copyOf(output);
    this.children = List.copyOf(children);
  }

  @Override
  public List<AttributeRef> output() {
    return output;
  }

  @Override
  public List<PhysicalPlan> children() {
    return children;
  }

  @Override
  public String nodeName() {
    return "Union";
  }

  @Override
  public String argString() {
    return "";
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    List<LineageNode<ColumnBatch>> parents = new ArrayList<>();
    for (PhysicalPlan c : children) {
      parents.add(context.lineage(c));
    }
    return new UnionNode<>(context.nextNodeId(), CallSites.of("union"), parents);
  }
}
