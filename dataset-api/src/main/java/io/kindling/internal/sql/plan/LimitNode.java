package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** The first {@code limit} rows. */
public record LimitNode(int limit, LogicalPlan child) implements LogicalPlan {

  public LimitNode {
    if (limit < 0) {
      throw new IllegalArgumentException("The limit expression must be equal to or greater than 0, but got "
          + limit);
    }
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
    return new LimitNode(limit, children.get(0));
  }

  @Override
  public String nodeName() {
    return "GlobalLimit";
  }

  @Override
  public String argString() {
    return Integer.toString(limit);
  }

  @Override
  public long sizeInBytes() {
    return Math.min(child.sizeInBytes(), Sizes.multiplyExact(limit, LogicalPlan.rowSize(output()),
        Long.MAX_VALUE));
  }
}
