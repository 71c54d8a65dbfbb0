package io.kindling.internal.sql.plan;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.sql.Row;
import java.util.List;

/** Rows held by the driver ({@code createDataFrame(List<Row>, schema)}); values already of their column types. */
public record LocalRelationNode(List<AttributeRef> output, List<Row> rows) implements LogicalPlan {

  public LocalRelationNode {
    output = List.copyOf(output);
    rows = List.copyOf(rows);
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
    return "LocalRelation";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(output);
  }

  @Override
  public long sizeInBytes() {
    return Sizes.multiplyExact(rows.size(), LogicalPlan.rowSize(output), Long.MAX_VALUE);
  }
}
