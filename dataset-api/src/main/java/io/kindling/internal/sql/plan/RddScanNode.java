package io.kindling.internal.sql.plan;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.sql.Row;
import java.util.List;

/** Rows of an RDD ({@code createDataFrame(RDD<Row>, schema)}); the engine checks each row against the schema. */
public record RddScanNode(List<AttributeRef> output, LineageNode<Row> rows) implements LogicalPlan {

  public RddScanNode {
    output = List.copyOf(output);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RddScanNode r && r.output.equals(output) && r.rows == rows;
  }

  @Override
  public int hashCode() {
    return output.hashCode() * 31 + System.identityHashCode(rows);
  }

  @Override
  public List<AttributeRef> output() {
    return output;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return this;
  }

  @Override
  public String nodeName() {
    return "LogicalRDD";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(output) + ", false";
  }

  @Override
  public long sizeInBytes() {
    return Long.MAX_VALUE;
  }
}
