package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** The distinct rows of the child ({@code distinct()}); the optimizer turns it into an aggregation by all columns. */
public record DistinctNode(LogicalPlan child) implements LogicalPlan {

  public DistinctNode {
    requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return new DistinctNode(children.get(0));
  }

  @Override
  public String nodeName() {
    return "Distinct";
  }

  @Override
  public String argString() {
    return "";
  }

  @Override
  public long sizeInBytes() {
    return child.sizeInBytes();
  }
}
