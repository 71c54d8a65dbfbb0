package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.List;

/** Computes new columns from each row: {@code select}, {@code withColumn}, {@code drop}, renames. */
public record ProjectNode(List<Expression> projections, LogicalPlan child) implements LogicalPlan {

  public ProjectNode {
    projections = List.copyOf(projections);
    requireNonNull(child, "child is null");
    for (Expression e : projections) {
      if (!(e instanceof AttributeRef) && !(e instanceof Alias)) {
        throw new IllegalArgumentException("projections must be attributes or aliases: " + e);
      }
    }
  }

  /** The output attribute of a projection (an attribute, or an alias's). */
  public static AttributeRef toAttribute(Expression e) {
    return e instanceof Alias a ? a.toAttribute() : (AttributeRef) e;
  }

  @Override
  public List<AttributeRef> output() {
    return projections.stream().map(ProjectNode::toAttribute).toList();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return new ProjectNode(projections, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return projections;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return new ProjectNode(expressions, child);
  }

  @Override
  public String nodeName() {
    return "Project";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(projections);
  }

  @Override
  public long sizeInBytes() {
    return LogicalPlan.scaled(child, output());
  }
}
