package io.kindling.internal.sql.plan;

import io.kindling.internal.sql.expr.AttributeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * All rows of the children, matched by position (duplicates kept). Children have the same column count and
 * types by the time this node is built; the output takes the first child's names and ids.
 */
public record UnionNode(List<LogicalPlan> children) implements LogicalPlan {

  public UnionNode {
    children = List.copyOf(children);
    if (children.size() < 2) {
      throw new IllegalArgumentException("a union needs at least two children");
    }
  }

  @Override
  public List<AttributeRef> output() {
    List<AttributeRef> first = children.get(0).output();
    List<AttributeRef> out = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (LogicalPlan c : children) {
        nullable |= c.output().get(i).nullable();
      }
      out.add(first.get(i).withNullable(nullable));
    }
    return out;
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new UnionNode(newChildren);
  }

  @Override
  public String nodeName() {
    return "Union";
  }

  @Override
  public String argString() {
    return "false, false";
  }

  @Override
  public long sizeInBytes() {
    long total = 0;
    for (LogicalPlan c : children) {
      total += c.sizeInBytes();
      if (total < 0) {
        return Long.MAX_VALUE;
      }
    }
    return total;
  }
}
