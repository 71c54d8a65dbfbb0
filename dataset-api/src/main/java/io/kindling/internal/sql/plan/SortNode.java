package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.SortOrder;
import java.util.List;

/** Sorts rows by {@code order}: across all partitions when {@code global}, else within each partition. */
public record SortNode(List<SortOrder> order, boolean global, LogicalPlan child) implements LogicalPlan {

  public SortNode {
    order = List.copyOf(order);
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
    return new SortNode(order, global, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.copyOf(order);
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return new SortNode(expressions.stream().map(e -> (SortOrder) e).toList(), global, child);
  }

  @Override
  public String nodeName() {
    return "Sort";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(order) + ", " + global;
  }

  @Override
  public long sizeInBytes() {
    return child.sizeInBytes();
  }
}
