package io.kindling.internal.sql.plan;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A node of a logical plan: what to compute, not how. Immutable; rewrites build new nodes with
 * {@link #withChildren}. Every node is resolved (its output typed) when it is built: DataFrame operations
 * analyze eagerly.
 */
public sealed interface LogicalPlan
    permits LocalRelationNode, RangeNode, RddScanNode, FileScanNode, ProjectNode, FilterNode, AggregateNode,
    JoinNode, SortNode, LimitNode, UnionNode, DistinctNode, SampleNode, RepartitionNode, BroadcastHintNode,
    CachedNode {

  /** The columns this node produces, in order. */
  List<AttributeRef> output();

  List<LogicalPlan> children();

  LogicalPlan withChildren(List<LogicalPlan> children);

  /** The expressions this node holds (for rules that rewrite expressions everywhere). */
  default List<Expression> expressions() {
    return List.of();
  }

  /** This node with its expressions replaced (same count and order as {@link #expressions()}). */
  default LogicalPlan withExpressions(List<Expression> expressions) {
    return this;
  }

  /** The node's name in plan text: {@code Project}, {@code Filter}, … */
  String nodeName();

  /** The node's arguments in plan text. */
  String argString();

  /** A rough size of the output, as Spark estimates it, used to choose broadcast joins. */
  long sizeInBytes();

  default StructType schema() {
    return new StructType(output().stream().map(AttributeRef::toField).toList());
  }

  /** Rewrites bottom-up: children first, then this node. */
  default LogicalPlan transformUp(Function<LogicalPlan, LogicalPlan> rule) {
    List<LogicalPlan> kids = children();
    LogicalPlan self = this;
    if (!kids.isEmpty()) {
      List<LogicalPlan> mapped = new ArrayList<>(kids.size());
      boolean changed = false;
      for (LogicalPlan k : kids) {
        LogicalPlan m = k.transformUp(rule);
        changed |= m != k;
        mapped.add(m);
      }
      if (changed) {
        self = withChildren(mapped);
      }
    }
    return rule.apply(self);
  }

  /** Rewrites top-down: this node first, then the children of the result. */
  default LogicalPlan transformDown(Function<LogicalPlan, LogicalPlan> rule) {
    LogicalPlan self = rule.apply(this);
    List<LogicalPlan> kids = self.children();
    if (kids.isEmpty()) {
      return self;
    }
    List<LogicalPlan> mapped = new ArrayList<>(kids.size());
    boolean changed = false;
    for (LogicalPlan k : kids) {
      LogicalPlan m = k.transformDown(rule);
      changed |= m != k;
      mapped.add(m);
    }
    return changed ? self.withChildren(mapped) : self;
  }

  /** The plan as Spark prints it: one node a line, children indented under {@code +-} and {@code :-}. */
  default String treeString() {
    StringBuilder sb = new StringBuilder();
    PlanText.append(sb, this, "", "", LogicalPlan::children, p -> p.nodeName() + " " + p.argString());
    return sb.toString();
  }

  /** {@code [a#1, b#2]}. */
  static String list(List<? extends Expression> exprs) {
    return exprs.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Spark's size per row for a schema: 8 bytes of row overhead plus each type's default size. */
  static long rowSize(List<AttributeRef> attrs) {
    long size = 8;
    for (AttributeRef a : attrs) {
      size += Sizes.defaultSize(a.dataType());
    }
    return size;
  }

  /** Scales a child's size to this node's row width, as Spark's size-only statistics do. */
  static long scaled(LogicalPlan child, List<AttributeRef> output) {
    long childRow = rowSize(child.output());
    long outRow = rowSize(output);
    return Sizes.multiplyExact(child.sizeInBytes() / Math.max(childRow, 1), outRow, child.sizeInBytes());
  }
}
