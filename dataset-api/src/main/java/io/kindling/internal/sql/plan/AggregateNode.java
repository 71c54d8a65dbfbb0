package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows by {@code groupings} and computes {@code aggregates} (attributes or aliases whose expressions
 * combine grouping expressions and aggregate calls) once per group; without groupings, one row for all.
 */
public record AggregateNode(List<Expression> groupings, List<Expression> aggregates, LogicalPlan child)
    implements LogicalPlan {

  public AggregateNode {
    groupings = List.copyOf(groupings);
    aggregates = List.copyOf(aggregates);
    requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeRef> output() {
    return aggregates.stream().map(ProjectNode::toAttribute).toList();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return new AggregateNode(groupings, aggregates, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(groupings);
    all.addAll(aggregates);
    return all;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    int g = groupings.size();
    return new AggregateNode(expressions.subList(0, g), expressions.subList(g, expressions.size()), child);
  }

  @Override
  public String nodeName() {
    return "Aggregate";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(groupings) + ", " + LogicalPlan.list(aggregates);
  }

  @Override
  public long sizeInBytes() {
    if (groupings.isEmpty()) {
      return LogicalPlan.rowSize(output());
    }
    return LogicalPlan.scaled(child, output());
  }
}
