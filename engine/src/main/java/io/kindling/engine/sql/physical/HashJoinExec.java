package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.join.HashedRelation;
import io.kindling.engine.sql.join.JoinProber;
import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.Vectors;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.plan.JoinType;
import io.kindling.internal.sql.plan.LogicalPlan;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A join by key equality (no keys: every pair, a nested-loop join), with an optional residual condition.
 * {@code BROADCAST}: the build side is collected once and shipped to every partition of the other side (no
 * exchange of the big side). {@code SHUFFLE}: both sides are exchanged by key hash into the same partitions
 * and joined partition by partition ({@code SINGLE}: both into one partition, for joins that need to see every
 * build row once).
 */
public final class HashJoinExec extends PhysicalPlan {

  /** How rows of the two sides meet. */
  public enum Distribution { BROADCAST, SHUFFLE, SINGLE }

  private final List<Expression> leftKeys;
  private final List<Expression> rightKeys;
  private final JoinType type;
  private final Expression residual;
  private final boolean buildLeft;
  private final Distribution distribution;
  private final int partitions;
  private final PhysicalPlan left;
  private final PhysicalPlan right;

  public HashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType type, Expression residual,
      boolean buildLeft, Distribution distribution, int partitions, PhysicalPlan left, PhysicalPlan right) {
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.type = type;
    this.residual = residual;
    this.buildLeft = buildLeft;
    this.distribution = distribution;
    this.partitions = partitions;
    this.left = left;
    this.right = right;
  }

  @Override
  public List<AttributeRef> output() {
    List<AttributeRef> out = new ArrayList<>();
    for (AttributeRef a : left.output()) {
      out.add(type.keepsUnmatchedRight() ? a.withNullable(true) : a);
    }
    if (!type.leftOnly()) {
      for (AttributeRef a : right.output()) {
        out.add(type.keepsUnmatchedLeft() ? a.withNullable(true) : a);
      }
    }
    return out;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public String nodeName() {
    String kind = leftKeys.isEmpty() ? "NestedLoopJoin" : "HashJoin";
    return switch (distribution) {
      case BROADCAST -> "Broadcast" + kind;
      case SHUFFLE -> "Shuffled" + kind;
      case SINGLE -> kind;
    };
  }

  @Override
  public String argString() {
    String keys = leftKeys.isEmpty() ? "" : LogicalPlan.list(leftKeys) + ", " + LogicalPlan.list(rightKeys) + ", ";
    return keys + type.planName() + ", " + (buildLeft ? "BuildLeft" : "BuildRight")
        + (residual == null ? "" : ", " + residual);
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    List<AttributeRef> leftAttrs = left.output();
    List<AttributeRef> rightAttrs = right.output();
    List<AttributeRef> joinedAttrs = new ArrayList<>(leftAttrs);
    joinedAttrs.addAll(rightAttrs);
    JoinType t = type;
    boolean bl = buildLeft;
    Expression cond = residual;
    List<Expression> probeKeyExprs = buildLeft ? rightKeys : leftKeys;
    List<Expression> buildKeyExprs = buildLeft ? leftKeys : rightKeys;
    List<AttributeRef> probeAttrs = buildLeft ? rightAttrs : leftAttrs;
    List<AttributeRef> buildAttrs = buildLeft ? leftAttrs : rightAttrs;
    List<DataType> probeTypes = probeAttrs.stream().map(AttributeRef::dataType).toList();
    int batchRows = context.settings().batchRows();
    PhysicalPlan buildPlan = buildLeft ? left : right;
    PhysicalPlan probePlan = buildLeft ? right : left;

    if (distribution == Distribution.BROADCAST) {
      LineageNode<ColumnBatch> buildLineage = context.lineage(buildPlan);
      List<List<byte[]>> collected = context.session().runJob(buildLineage, (tc, it) -> {
        List<byte[]> out = new ArrayList<>();
        while (it.hasNext()) {
          ColumnBatch b = it.next();
          if (b.numRows() > 0) {
            out.add(BatchCodec.encode(b));
          }
        }
        return out;
      }, "broadcast");
      List<byte[]> all = new ArrayList<>();
      collected.forEach(all::addAll);
      BroadcastRelation relation = new BroadcastRelation(all, buildAttrs, buildKeyExprs);
      return Lineages.map(context, context.lineage(probePlan), "join", (p, it) -> {
        EvalContext ctx = new EvalContext(p);
        List<BatchExpr> probeKeys = ExprCompiler.compileAll(probeKeyExprs, probeAttrs, ctx);
        BatchExpr res = cond == null ? null : ExprCompiler.compile(cond, joinedAttrs, ctx);
        return new JoinProber(t, bl, relation.relation(), keyFunction(probeKeys), res, batchRows)
            .probeTypes(probeTypes).join(it);
      });
    }

    LineageNode<ColumnBatch> l = context.lineage(left);
    LineageNode<ColumnBatch> r = context.lineage(right);
    if (distribution == Distribution.SINGLE) {
      l = l.numPartitions() == 1 ? l : Exchanges.exchange(context, l, new Partitioning.Single(), leftAttrs, List.of());
      r = r.numPartitions() == 1 ? r : Exchanges.exchange(context, r, new Partitioning.Single(), rightAttrs,
          List.of());
    } else if (!(l.numPartitions() == 1 && r.numPartitions() == 1)) {
      l = Exchanges.exchange(context, l, new Partitioning.Hash(leftKeys, partitions), leftAttrs, List.of());
      r = Exchanges.exchange(context, r, new Partitioning.Hash(rightKeys, partitions), rightAttrs, List.of());
    }
    List<DataType> buildTypes = buildAttrs.stream().map(AttributeRef::dataType).toList();
    return new ZippedNode(context.nextNodeId(), CallSites.of("join"), l, r, (p, leftIt, rightIt) -> {
      Iterator<ColumnBatch> buildIt = bl ? leftIt : rightIt;
      Iterator<ColumnBatch> probeIt = bl ? rightIt : leftIt;
      EvalContext ctx = new EvalContext(p);
      List<ColumnBatch> buildBatches = new ArrayList<>();
      while (buildIt.hasNext()) {
        buildBatches.add(buildIt.next());
      }
      ColumnBatch all = buildBatches.isEmpty() ? Vectors.fromRows(buildTypes, List.of())
          : Vectors.concat(buildTypes, buildBatches);
      List<BatchExpr> buildKeys = ExprCompiler.compileAll(buildKeyExprs, buildAttrs, ctx);
      HashedRelation relation = HashedRelation.build(all, keyFunction(buildKeys).apply(all));
      List<BatchExpr> probeKeys = ExprCompiler.compileAll(probeKeyExprs, probeAttrs, ctx);
      BatchExpr res = cond == null ? null : ExprCompiler.compile(cond, joinedAttrs, ctx);
      return new JoinProber(t, bl, relation, keyFunction(probeKeys), res, batchRows).probeTypes(probeTypes)
          .join(probeIt);
    });
  }

  private static Function<ColumnBatch, ColumnVector[]> keyFunction(List<BatchExpr> keys) {
    return b -> {
      ColumnVector[] out = new ColumnVector[keys.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = keys.get(k).eval(b);
      }
      return out;
    };
  }
}
