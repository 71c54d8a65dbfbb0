package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins two plans on {@code condition} (null for none: a cross join). {@code strategy} says how the
 * optimizer decided to run it: by broadcasting a side, or by shuffling both.
 */
public record JoinNode(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition,
    Strategy strategy) implements LogicalPlan {

  /** How the join runs; {@code SHUFFLE} until the optimizer picks a side to broadcast. */
  public enum Strategy {
    SHUFFLE, BROADCAST_LEFT, BROADCAST_RIGHT
  }

  public JoinNode {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
    requireNonNull(joinType, "joinType is null");
    requireNonNull(strategy, "strategy is null");
  }

  public JoinNode withStrategy(Strategy s) {
    return new JoinNode(left, right, joinType, condition, s);
  }

  @Override
  public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>();
    boolean leftNullable = joinType.keepsUnmatchedRight();
    boolean rightNullable = joinType.keepsUnmatchedLeft();
    for (AttributeRef a : left.output()) {
      out.add(leftNullable ? a.withNullable(true) : a);
    }
    if (!joinType.leftOnly()) {
      for (AttributeRef a : right.output()) {
        out.add(rightNullable ? a.withNullable(true) : a);
      }
    }
    return out;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> children) {
    return new JoinNode(children.get(0), children.get(1), joinType, condition, strategy);
  }

  @Override
  public List<Expression> expressions() {
    return condition == null ? List.of() : List.of(condition);
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> expressions) {
    return new JoinNode(left, right, joinType, expressions.isEmpty() ? null : expressions.get(0), strategy);
  }

  @Override
  public String nodeName() {
    return "Join";
  }

  @Override
  public String argString() {
    String s = joinType.planName() + (condition == null ? "" : ", " + condition);
    return strategy == Strategy.SHUFFLE ? s
        : s + ", rightHint=(strategy=broadcast)".replace("right", strategy == Strategy.BROADCAST_LEFT ? "left"
            : "right");
  }

  @Override
  public long sizeInBytes() {
    if (joinType.leftOnly()) {
      return left.sizeInBytes();
    }
    return Sizes.multiplyExact(left.sizeInBytes(), right.sizeInBytes(), Long.MAX_VALUE);
  }
}
