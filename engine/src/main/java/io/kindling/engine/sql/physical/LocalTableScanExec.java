package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.Row;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Driver-side rows, cut into at most {@code defaultParallelism} partitions as Spark cuts them. */
public final class LocalTableScanExec extends PhysicalPlan {
  private final List<AttributeRef> output;
  private final List<Row> rows;

  public LocalTableScanExec(List<AttributeRef> output, List<Row> rows) {
    this.output = List.copyOf(output);
    this.rows = rows;
  }

  @Override
  public List<AttributeRef> output() {
    return output;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "LocalTableScan";
  }

  @Override
  public String argString() {
    return rows.isEmpty() ? "<empty>, " + LogicalPlan.list(output) : LogicalPlan.list(output);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    int slices = Math.min(Math.max(rows.size(), 1), context.session().settings().defaultParallelism());
    List<DataType> types = outputTypes();
    List<ColumnBatch> batches = new ArrayList<>(slices);
    int n = rows.size();
    for (int i = 0; i < slices; i++) {
      int start = (int) ((long) i * n / slices);
      int end = (int) ((long) (i + 1) * n / slices);
      List<Object[]> values = new ArrayList<>(end - start);
      for (Row r : rows.subList(start, end)) {
        values.add(r.values());
      }
      batches.add(Vectors.fromRows(types, values));
    }
    return new ParallelCollectionNode<>(context.nextNodeId(), CallSites.of("createDataFrame"), batches, slices);
  }
}
