package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import io.kindling.internal.sql.plan.RepartitionNode;
import io.kindling.internal.sql.plan.SortNode;
import io.kindling.internal.sql.plan.UnionNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves deterministic filters below projections (inlining computed columns), sorts, repartitions, unions,
 * aggregations (conditions on grouping columns only) and joins (conditions on one side only, where the join
 * type keeps that side's rows unchanged), so fewer rows flow through the plan. Join conditions on one side of
 * an inner join move below the join too.
 *
 * <pre>
 * before: Filter (region = 'EU')               after: Join Inner, (a.id = b.id)
 *         +- Join Inner, (a.id = b.id)                :- Filter (region = 'EU')
 *            :- a [id, region]                        :  +- a [id, region]
 *            +- b [id]                                +- b [id]
 * </pre>
 */
public final class PushFilterDown implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(PushFilterDown::push);
  }

  private static LogicalPlan push(LogicalPlan p) {
    if (p instanceof JoinNode j && j.condition() != null) {
      return pushJoinCondition(j);
    }
    if (!(p instanceof FilterNode f)) {
      return p;
    }
    LogicalPlan child = f.child();
    List<Expression> conjuncts = Predicates.conjuncts(f.condition());
    List<Expression> pushable = new ArrayList<>();
    List<Expression> kept = new ArrayList<>();
    for (Expression c : conjuncts) {
      (c.deterministic() ? pushable : kept).add(c);
    }
    if (pushable.isEmpty()) {
      return p;
    }
    if (child instanceof ProjectNode proj) {
      for (Expression e : proj.projections()) {
        if (!e.deterministic()) {
          return p;
        }
      }
      Expression inlined = Predicates.inline(Predicates.and(pushable), proj.projections());
      LogicalPlan pushed = new ProjectNode(proj.projections(), new FilterNode(inlined, proj.child()));
      return withRemaining(pushed, kept);
    }
    if (child instanceof SortNode s) {
      return withRemaining(s.withChildren(List.of(new FilterNode(Predicates.and(pushable), s.child()))), kept);
    }
    if (child instanceof RepartitionNode r) {
      return withRemaining(r.withChildren(List.of(new FilterNode(Predicates.and(pushable), r.child()))), kept);
    }
    if (child instanceof BroadcastHintNode h) {
      return withRemaining(new BroadcastHintNode(new FilterNode(Predicates.and(pushable), h.child())), kept);
    }
    if (child instanceof UnionNode u) {
      List<AttributeRef> out = u.output();
      List<LogicalPlan> kids = new ArrayList<>();
      Expression cond = Predicates.and(pushable);
      for (LogicalPlan k : u.children()) {
        Map<AttributeRef, AttributeRef> map = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
          map.put(out.get(i), k.output().get(i));
        }
        kids.add(new FilterNode(cond.transformUp(x -> x instanceof AttributeRef a && map.containsKey(a)
            ? map.get(a) : x), k));
      }
      return withRemaining(new UnionNode(kids), kept);
    }
    if (child instanceof AggregateNode agg) {
      List<AttributeRef> groupingAttrs = new ArrayList<>();
      for (Expression g : agg.groupings()) {
        if (g instanceof AttributeRef a && agg.output().contains(a)) {
          groupingAttrs.add(a);
        }
      }
      List<Expression> below = new ArrayList<>();
      List<Expression> above = new ArrayList<>(kept);
      for (Expression c : pushable) {
        (Predicates.readsOnly(c, groupingAttrs) && !agg.groupings().isEmpty() ? below : above).add(c);
      }
      if (below.isEmpty()) {
        return p;
      }
      return withRemaining(agg.withChildren(List.of(new FilterNode(Predicates.and(below), agg.child()))), above);
    }
    if (child instanceof JoinNode j) {
      List<Expression> left = new ArrayList<>();
      List<Expression> right = new ArrayList<>();
      List<Expression> above = new ArrayList<>(kept);
      boolean toLeft = j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS
          || j.joinType() == JoinType.LEFT_OUTER || j.joinType().leftOnly();
      boolean toRight = j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS
          || j.joinType() == JoinType.RIGHT_OUTER;
      for (Expression c : pushable) {
        if (toLeft && Predicates.readsOnly(c, j.left().output())) {
          left.add(c);
        } else if (toRight && Predicates.readsOnly(c, j.right().output())) {
          right.add(c);
        } else {
          above.add(c);
        }
      }
      if (left.isEmpty() && right.isEmpty()) {
        return p;
      }
      LogicalPlan l = left.isEmpty() ? j.left() : new FilterNode(Predicates.and(left), j.left());
      LogicalPlan r = right.isEmpty() ? j.right() : new FilterNode(Predicates.and(right), j.right());
      return withRemaining(j.withChildren(List.of(l, r)), above);
    }
    return p;
  }

  /** Moves conjuncts of an inner (or semi) join's condition that read one side only below the join. */
  private static LogicalPlan pushJoinCondition(JoinNode j) {
    boolean toLeft = j.joinType() == JoinType.INNER || j.joinType() == JoinType.RIGHT_OUTER
        || j.joinType() == JoinType.LEFT_SEMI;
    boolean toRight = j.joinType() == JoinType.INNER || j.joinType() == JoinType.LEFT_OUTER
        || j.joinType().leftOnly();
    List<Expression> left = new ArrayList<>();
    List<Expression> right = new ArrayList<>();
    List<Expression> stay = new ArrayList<>();
    for (Expression c : Predicates.conjuncts(j.condition())) {
      if (!c.deterministic() || c.references().isEmpty()) {
        stay.add(c);
      } else if (toLeft && Predicates.readsOnly(c, j.left().output())) {
        left.add(c);
      } else if (toRight && Predicates.readsOnly(c, j.right().output())) {
        right.add(c);
      } else {
        stay.add(c);
      }
    }
    if (left.isEmpty() && right.isEmpty()) {
      return j;
    }
    LogicalPlan l = left.isEmpty() ? j.left() : new FilterNode(Predicates.and(left), j.left());
    LogicalPlan r = right.isEmpty() ? j.right() : new FilterNode(Predicates.and(right), j.right());
    return new JoinNode(l, r, j.joinType(), Predicates.and(stay), j.strategy());
  }

  private static LogicalPlan withRemaining(LogicalPlan plan, List<Expression> remaining) {
    return remaining.isEmpty() ? plan : new FilterNode(Predicates.and(remaining), plan);
  }
}
