package io.kindling.internal.sql.plan;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.List;

/** A cached DataFrame's plan, read from its stored column batches once they are computed. */
public record CachedNode(CacheEntry entry, List<AttributeRef> output) implements LogicalPlan {

  public CachedNode {
    output = List.copyOf(output);
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
    return "InMemoryRelation";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(output) + ", " + entry.level();
  }

  @Override
  public long sizeInBytes() {
    return entry.plan().sizeInBytes();
  }
}
