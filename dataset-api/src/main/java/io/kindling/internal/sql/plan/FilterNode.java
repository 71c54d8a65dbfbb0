package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.List;

/** Keeps the rows for which {@code condition} is true (not false, not null). */
public record FilterNode(Expression condition, LogicalPlan child) implements LogicalPlan {

  public FilterNode {
    requireNonNull(condition, "condition is null");
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
    return new FilterNode(condition, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return new FilterNode(expressions.get(0), child);
  }

  @Override
  public String nodeName() {
    return "Filter";
  }

  @Override
  public String argString() {
    return condition.toString();
  }

  @Override
  public long sizeInBytes() {
    return child.sizeInBytes();
  }
}
