package io.kindling.engine.sql.physical;

import io.kindling.internal.sql.SqlContext;
import io.kindling.internal.sql.SqlSettings;
import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.Alias;
import io.kindling.internal.sql.expr.And;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Comparison;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.CachedNode;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LimitNode;
import io.kindling.internal.sql.plan.LocalRelationNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import io.kindling.internal.sql.plan.RangeNode;
import io.kindling.internal.sql.plan.RddScanNode;
import io.kindling.internal.sql.plan.RepartitionNode;
import io.kindling.internal.sql.plan.SampleNode;
import io.kindling.internal.sql.plan.SortNode;
import io.kindling.internal.sql.plan.UnionNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the physical operators of an optimized logical plan: two-phase hash aggregation around an exchange
 * by key, broadcast or shuffled hash joins (nested loops without equality keys), range exchange and sort for a
 * global order.
 */
public final class PhysicalPlanner {
  private final SqlContext sql;
  private final SqlSettings settings;

  public PhysicalPlanner(SqlContext sql) {
    this.sql = sql;
    this.settings = sql.settings();
  }

  public PhysicalPlan plan(LogicalPlan p) {
    if (p instanceof LocalRelationNode l) {
      return new LocalTableScanExec(l.output(), l.rows());
    }
    if (p instanceof RangeNode r) {
      return new RangeExec(r);
    }
    if (p instanceof RddScanNode r) {
      return new RddScanExec(r.output(), r.rows());
    }
    if (p instanceof FileScanNode f) {
      return new FileScanExec(f);
    }
    if (p instanceof ProjectNode proj) {
      return new ProjectExec(proj.projections(), plan(proj.child()));
    }
    if (p instanceof FilterNode f) {
      return new FilterExec(f.condition(), plan(f.child()));
    }
    if (p instanceof AggregateNode a) {
      return planAggregate(a);
    }
    if (p instanceof JoinNode j) {
      return planJoin(j);
    }
    if (p instanceof SortNode s) {
      PhysicalPlan child = plan(s.child());
      if (!s.global()) {
        return new SortExec(s.order(), false, child);
      }
      return new SortExec(s.order(), true,
          new ExchangeExec(new Partitioning.Range(s.order(), exchangePartitions(s.child())), false, child));
    }
    if (p instanceof LimitNode l) {
      return new LimitExec(l.limit(), plan(l.child()));
    }
    if (p instanceof UnionNode u) {
      List<PhysicalPlan> kids = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        kids.add(plan(c));
      }
      return new UnionExec(u.output(), kids);
    }
    if (p instanceof SampleNode s) {
      return new SampleExec(s.fraction(), s.withReplacement(), s.seed(), plan(s.child()));
    }
    if (p instanceof RepartitionNode r) {
      PhysicalPlan child = plan(r.child());
      if (!r.shuffle()) {
        return new CoalesceExec(r.numPartitions(), child);
      }
      Partitioning spec = r.partitionExprs().isEmpty() ? new Partitioning.RoundRobin(r.numPartitions())
          : new Partitioning.Hash(r.partitionExprs(), r.numPartitions());
      return new ExchangeExec(spec, false, child);
    }
    if (p instanceof BroadcastHintNode h) {
      return plan(h.child());
    }
    if (p instanceof io.kindling.internal.sql.plan.DistinctNode d) {
      List<Expression> all = List.copyOf(d.child().output());
      return planAggregate(new AggregateNode(all, all, d.child()));
    }
    if (p instanceof CachedNode c) {
      return new InMemoryScanExec(c.entry(), c.output());
    }
    throw new IllegalArgumentException("No physical plan for " + p.nodeName());
  }

  /**
   * The partition count of an exchange of {@code input}: {@code kindling.sql.shuffle.partitions}, or with
   * adaptive execution as many as the estimated size needs at the advisory size each.
   */
  int exchangePartitions(LogicalPlan... inputs) {
    int configured = settings.shufflePartitions();
    if (!settings.adaptive()) {
      return configured;
    }
    long size = 0;
    for (LogicalPlan in : inputs) {
      long s = in.sizeInBytes();
      size = s < 0 || size + s < 0 ? Long.MAX_VALUE : size + s;
    }
    long wanted = (long) Math.ceil((double) size / Math.max(1, settings.advisoryPartitionBytes()));
    return (int) Math.max(1, Math.min(configured, wanted));
  }

  private PhysicalPlan planAggregate(AggregateNode a) {
    PhysicalPlan child = plan(a.child());
    List<AggregateCall> calls = new ArrayList<>();
    for (Expression e : a.aggregates()) {
      collectCalls(e, calls);
    }
    List<AttributeRef> keyAttrs = new ArrayList<>();
    Map<Expression, AttributeRef> groupingToKey = new HashMap<>();
    for (Expression g : a.groupings()) {
      AttributeRef key = g instanceof AttributeRef attr ? attr
          : AttributeRef.of("_groupingexpression", g.dataType(), g.nullable());
      keyAttrs.add(key);
      groupingToKey.put(g, key);
    }
    List<AttributeRef> resultAttrs = new ArrayList<>();
    Map<AggregateCall, AttributeRef> callToResult = new HashMap<>();
    for (AggregateCall c : calls) {
      AttributeRef r = AttributeRef.of(c.sql(), c.dataType(), c.nullable());
      resultAttrs.add(r);
      callToResult.put(c, r);
    }
    List<AttributeRef> stateAttrs = HashAggregateExec.stateAttributes(calls);
    HashAggregateExec partial = new HashAggregateExec(HashAggregateExec.Mode.PARTIAL, a.groupings(), keyAttrs,
        calls, stateAttrs, child);
    Partitioning spec = a.groupings().isEmpty() ? new Partitioning.Single()
        : new Partitioning.Hash(List.copyOf(keyAttrs), exchangePartitions(a.child()));
    ExchangeExec exchange = new ExchangeExec(spec, true, partial,
        settings.adaptive() ? Math.max(1, settings.advisoryPartitionBytes()) : 0);
    HashAggregateExec fin = new HashAggregateExec(HashAggregateExec.Mode.FINAL, List.copyOf(keyAttrs), keyAttrs,
        calls, resultAttrs, exchange);
    List<Expression> projections = new ArrayList<>();
    for (Expression e : a.aggregates()) {
      Expression rewritten = e.transformDown(x -> {
        if (x instanceof AggregateCall c) {
          return callToResult.get(c);
        }
        if (!(x instanceof Alias) && groupingToKey.containsKey(x)) {
          return groupingToKey.get(x);
        }
        return x;
      });
      projections.add(rewritten);
    }
    if (projections.equals(fin.output())) {
      return fin;
    }
    return new ProjectExec(projections, fin);
  }

  private static void collectCalls(Expression e, List<AggregateCall> out) {
    if (e instanceof AggregateCall c) {
      if (!out.contains(c)) {
        out.add(c);
      }
      return;
    }
    for (Expression k : e.children()) {
      collectCalls(k, out);
    }
  }

  private PhysicalPlan planJoin(JoinNode j) {
    PhysicalPlan left = plan(j.left());
    PhysicalPlan right = plan(j.right());
    List<Expression> leftKeys = new ArrayList<>();
    List<Expression> rightKeys = new ArrayList<>();
    List<Expression> residual = new ArrayList<>();
    Set<AttributeRef> leftOut = new LinkedHashSet<>(j.left().output());
    Set<AttributeRef> rightOut = new LinkedHashSet<>(j.right().output());
    if (j.condition() != null) {
      for (Expression c : conjuncts(j.condition())) {
        if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && !cmp.left().references().isEmpty()
            && !cmp.right().references().isEmpty()) {
          if (leftOut.containsAll(cmp.left().references()) && rightOut.containsAll(cmp.right().references())) {
            leftKeys.add(cmp.left());
            rightKeys.add(cmp.right());
            continue;
          }
          if (rightOut.containsAll(cmp.left().references()) && leftOut.containsAll(cmp.right().references())) {
            leftKeys.add(cmp.right());
            rightKeys.add(cmp.left());
            continue;
          }
        }
        residual.add(c);
      }
    }
    Expression rest = residual.isEmpty() ? null : residual.stream().reduce(And::new).orElseThrow();
    JoinType type = j.joinType() == JoinType.CROSS ? JoinType.INNER : j.joinType();
    int partitions = exchangePartitions(j.left(), j.right());
    if (j.strategy() == JoinNode.Strategy.BROADCAST_RIGHT) {
      return new HashJoinExec(leftKeys, rightKeys, type, rest, false, HashJoinExec.Distribution.BROADCAST,
          partitions, left, right);
    }
    if (j.strategy() == JoinNode.Strategy.BROADCAST_LEFT) {
      return new HashJoinExec(leftKeys, rightKeys, type, rest, true, HashJoinExec.Distribution.BROADCAST,
          partitions, left, right);
    }
    if (leftKeys.isEmpty()) {
      // Without keys every pair is a candidate: one side is broadcast where the join type allows it,
      // otherwise both sides meet in one partition.
      if (type == JoinType.INNER || type == JoinType.LEFT_OUTER || type.leftOnly()) {
        return new HashJoinExec(leftKeys, rightKeys, type, rest, false, HashJoinExec.Distribution.BROADCAST,
            partitions, left, right);
      }
      if (type == JoinType.RIGHT_OUTER) {
        return new HashJoinExec(leftKeys, rightKeys, type, rest, true, HashJoinExec.Distribution.BROADCAST,
            partitions, left, right);
      }
      return new HashJoinExec(leftKeys, rightKeys, type, rest, false, HashJoinExec.Distribution.SINGLE,
          partitions, left, right);
    }
    boolean buildLeft = type == JoinType.RIGHT_OUTER
        || (type == JoinType.INNER && j.left().sizeInBytes() < j.right().sizeInBytes());
    return new HashJoinExec(leftKeys, rightKeys, type, rest, buildLeft, HashJoinExec.Distribution.SHUFFLE,
        partitions, left, right);
  }

  private static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    if (e instanceof And a) {
      out.addAll(conjuncts(a.left()));
      out.addAll(conjuncts(a.right()));
    } else {
      out.add(e);
    }
    return out;
  }

  SqlContext sql() {
    return sql;
  }
}
