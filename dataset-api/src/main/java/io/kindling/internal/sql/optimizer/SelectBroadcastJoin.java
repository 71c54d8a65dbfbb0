package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;

/**
 * Chooses to broadcast a join side the user marked with {@code broadcast(df)}, or whose estimated size is at
 * most {@code kindling.sql.autoBroadcastJoinThreshold} (10 MB by default; -1 turns size-based choice off), when
 * the join type allows building on that side (the right side of inner, cross, left outer, semi and anti
 * joins; the left of inner, cross and right outer joins). The smaller side wins when both qualify.
 *
 * <pre>
 * before: Join Inner, (s.cid = c.cid)          after: Join Inner, (s.cid = c.cid), rightHint=(strategy=broadcast)
 *         :- Relation sales (120 MB)                  :- Relation sales
 *         +- Relation customers (2 MB)                +- Relation customers
 * </pre>
 */
public final class SelectBroadcastJoin implements Rule {
  private final long threshold;

  public SelectBroadcastJoin(long threshold) {
    this.threshold = threshold;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> {
      if (!(p instanceof JoinNode j) || j.strategy() != JoinNode.Strategy.SHUFFLE) {
        return p;
      }
      boolean rightOk = canBuildRight(j.joinType());
      boolean leftOk = canBuildLeft(j.joinType());
      boolean rightHint = rightOk && hinted(j.right());
      boolean leftHint = leftOk && hinted(j.left());
      if (leftHint || rightHint) {
        if (leftHint && rightHint) {
          return j.withStrategy(j.left().sizeInBytes() < j.right().sizeInBytes()
              ? JoinNode.Strategy.BROADCAST_LEFT : JoinNode.Strategy.BROADCAST_RIGHT);
        }
        return j.withStrategy(leftHint ? JoinNode.Strategy.BROADCAST_LEFT : JoinNode.Strategy.BROADCAST_RIGHT);
      }
      boolean rightSmall = rightOk && small(j.right());
      boolean leftSmall = leftOk && small(j.left());
      if (rightSmall && leftSmall) {
        return j.withStrategy(j.left().sizeInBytes() < j.right().sizeInBytes()
            ? JoinNode.Strategy.BROADCAST_LEFT : JoinNode.Strategy.BROADCAST_RIGHT);
      }
      if (rightSmall) {
        return j.withStrategy(JoinNode.Strategy.BROADCAST_RIGHT);
      }
      if (leftSmall) {
        return j.withStrategy(JoinNode.Strategy.BROADCAST_LEFT);
      }
      return p;
    });
  }

  private boolean small(LogicalPlan side) {
    long size = side.sizeInBytes();
    return threshold >= 0 && size >= 0 && size <= threshold;
  }

  static boolean canBuildRight(JoinType t) {
    return t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_OUTER || t.leftOnly();
  }

  static boolean canBuildLeft(JoinType t) {
    return t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.RIGHT_OUTER;
  }

  /** True when {@code broadcast(df)} marks this side, looking through projections and filters. */
  static boolean hinted(LogicalPlan p) {
    LogicalPlan cur = p;
    while (true) {
      if (cur instanceof BroadcastHintNode) {
        return true;
      }
      if (cur instanceof ProjectNode || cur instanceof FilterNode) {
        cur = cur.children().get(0);
      } else {
        return false;
      }
    }
  }
}
