package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** {@code broadcast(df)}: the user asks that joins with this side broadcast it. */
public record BroadcastHintNode(LogicalPlan child) implements LogicalPlan {

  public BroadcastHintNode {
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
    return new BroadcastHintNode(children.get(0));
  }

  @Override
  public String nodeName() {
    return "ResolvedHint";
  }

  @Override
  public String argString() {
    return "(strategy=broadcast)";
  }

  @Override
  public long sizeInBytes() {
    return child.sizeInBytes();
  }
}
