package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.CoalesceNode;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** Fewer partitions, by concatenating neighbours (no exchange). */
public final class CoalesceExec extends PhysicalPlan {
  private final int numPartitions;
  private final PhysicalPlan child;

  public CoalesceExec(int numPartitions, PhysicalPlan child) {
    this.numPartitions = numPartitions;
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
    return "Coalesce";
  }

  @Override
  public String argString() {
    return Integer.toString(numPartitions);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    return new CoalesceNode<>(context.nextNodeId(), CallSites.of("coalesce"), context.lineage(child),
        numPartitions);
  }
}
