package io.kindling.internal.sql.optimizer;

import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.AggregateNode;
import io.kindling.internal.sql.plan.BroadcastHintNode;
import io.kindling.internal.sql.plan.FileScanNode;
import io.kindling.internal.sql.plan.FilterNode;
import io.kindling.internal.sql.plan.JoinNode;
import io.kindling.internal.sql.plan.LimitNode;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.internal.sql.plan.ProjectNode;
import io.kindling.internal.sql.plan.RepartitionNode;
import io.kindling.internal.sql.plan.SampleNode;
import io.kindling.internal.sql.plan.SortNode;
import io.kindling.internal.sql.plan.UnionNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps only the columns something above needs: unused projections and aggregates are dropped, scans read
 * only the needed columns, and join inputs are narrowed to the columns the join and its parents use.
 *
 * <pre>
 * before: Project [price]                       after: Project [price]
 *         +- Relation [id, price, region] csv          +- Relation [price] csv
 * </pre>
 */
public final class PruneColumns implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return prune(plan, new LinkedHashSet<>(plan.output()));
  }

  private static LogicalPlan prune(LogicalPlan plan, Set<AttributeRef> required) {
    if (plan instanceof ProjectNode p) {
      List<Expression> kept = new ArrayList<>();
      for (Expression e : p.projections()) {
        if (required.contains(ProjectNode.toAttribute(e))) {
          kept.add(e);
        }
      }
      Set<AttributeRef> childNeeds = refs(kept);
      LogicalPlan child = prune(p.child(), childNeeds);
      if (kept.size() == p.projections().size() && child == p.child()) {
        return p;
      }
      return new ProjectNode(kept, child);
    }
    if (plan instanceof FilterNode f) {
      Set<AttributeRef> needs = new LinkedHashSet<>(required);
      needs.addAll(f.condition().references());
      return withChild(f, prune(f.child(), needs));
    }
    if (plan instanceof AggregateNode a) {
      List<Expression> kept = new ArrayList<>();
      for (Expression e : a.aggregates()) {
        if (required.contains(ProjectNode.toAttribute(e))) {
          kept.add(e);
        }
      }
      if (kept.isEmpty() && !a.aggregates().isEmpty() && a.groupings().isEmpty()) {
        // A global aggregate always yields one row; keep one aggregate so it still does.
        kept.add(a.aggregates().get(0));
      }
      Set<AttributeRef> needs = refs(a.groupings());
      needs.addAll(refs(kept));
      LogicalPlan child = prune(a.child(), needs);
      if (kept.size() == a.aggregates().size() && child == a.child()) {
        return a;
      }
      return new AggregateNode(a.groupings(), kept, child);
    }
    if (plan instanceof JoinNode j) {
      Set<AttributeRef> needs = new LinkedHashSet<>(required);
      if (j.condition() != null) {
        needs.addAll(j.condition().references());
      }
      LogicalPlan l = prune(j.left(), intersect(needs, j.left().output()));
      LogicalPlan r = prune(j.right(), intersect(needs, j.right().output()));
      return l == j.left() && r == j.right() ? j : j.withChildren(List.of(l, r));
    }
    if (plan instanceof SortNode s) {
      Set<AttributeRef> needs = new LinkedHashSet<>(required);
      needs.addAll(refs(List.copyOf(s.order())));
      return withChild(s, prune(s.child(), needs));
    }
    if (plan instanceof RepartitionNode r) {
      Set<AttributeRef> needs = new LinkedHashSet<>(required);
      needs.addAll(refs(r.partitionExprs()));
      return withChild(r, prune(r.child(), needs));
    }
    if (plan instanceof io.kindling.internal.sql.plan.DistinctNode d) {
      return withChild(d, prune(d.child(), new LinkedHashSet<>(d.child().output())));
    }
    if (plan instanceof LimitNode || plan instanceof SampleNode || plan instanceof BroadcastHintNode) {
      LogicalPlan child = plan.children().get(0);
      return withChild(plan, prune(child, intersect(required, child.output())));
    }
    if (plan instanceof UnionNode u) {
      List<AttributeRef> out = u.output();
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        if (required.contains(out.get(i))) {
          positions.add(i);
        }
      }
      if (positions.size() == out.size()) {
        List<LogicalPlan> kids = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan k : u.children()) {
          LogicalPlan pk = prune(k, new LinkedHashSet<>(k.output()));
          changed |= pk != k;
          kids.add(pk);
        }
        return changed ? new UnionNode(kids) : u;
      }
      List<LogicalPlan> kids = new ArrayList<>();
      for (LogicalPlan k : u.children()) {
        List<Expression> cols = new ArrayList<>();
        for (int i : positions) {
          cols.add(k.output().get(i));
        }
        Set<AttributeRef> needs = refs(cols);
        kids.add(new ProjectNode(cols, prune(k, needs)));
      }
      return new UnionNode(kids);
    }
    if (plan instanceof FileScanNode scan) {
      List<AttributeRef> out = new ArrayList<>();
      for (AttributeRef a : scan.output()) {
        if (required.contains(a)) {
          out.add(a);
        }
      }
      return out.size() == scan.output().size() ? scan : scan.withOutput(out);
    }
    return plan;
  }

  private static LogicalPlan withChild(LogicalPlan p, LogicalPlan child) {
    return child == p.children().get(0) ? p : p.withChildren(List.of(child));
  }

  private static Set<AttributeRef> refs(List<Expression> exprs) {
    Set<AttributeRef> out = new LinkedHashSet<>();
    for (Expression e : exprs) {
      out.addAll(e.references());
    }
    return out;
  }

  private static Set<AttributeRef> intersect(Set<AttributeRef> a, List<AttributeRef> b) {
    Set<AttributeRef> out = new LinkedHashSet<>();
    for (AttributeRef x : b) {
      if (a.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }
}
