package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.List;

/**
 * Redistributes rows over {@code numPartitions}: by hash of {@code partitionExprs} when given, else round
 * robin; without {@code shuffle} ({@code coalesce}) neighbouring partitions are merged instead.
 */
public record RepartitionNode(int numPartitions, List<Expression> partitionExprs, boolean shuffle,
    LogicalPlan child) implements LogicalPlan {

  public RepartitionNode {
    if (numPartitions < 1) {
      throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive.");
    }
    partitionExprs = List.copyOf(partitionExprs);
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
    return new RepartitionNode(numPartitions, partitionExprs, shuffle, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return partitionExprs;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return new RepartitionNode(numPartitions, expressions, shuffle, child);
  }

  @Override
  public String nodeName() {
    return partitionExprs.isEmpty() ? "Repartition" : "RepartitionByExpression";
  }

  @Override
  public String argString() {
    return partitionExprs.isEmpty() ? numPartitions + ", " + shuffle
        : LogicalPlan.list(partitionExprs) + ", " + numPartitions;
  }

  @Override
  public long sizeInBytes() {
    return child.sizeInBytes();
  }
}
