package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Redistributes rows between partitions — the only place batches are serialized. {@code optional} marks an
 * exchange that only groups rows for the operator above (aggregation, join): with a single input partition
 * every group is already together and the exchange is skipped.
 */
public final class ExchangeExec extends PhysicalPlan {
  private final Partitioning partitioning;
  private final boolean optional;
  private final PhysicalPlan child;
  private final long coalesceTargetBytes;

  public ExchangeExec(Partitioning partitioning, boolean optional, PhysicalPlan child) {
    this(partitioning, optional, child, 0);
  }

  /**
   * @param coalesceTargetBytes above 0: once the map side has run, read its output in as few partitions as hold
   *     about this many bytes each (Spark's adaptive coalescing of shuffle partitions); only for exchanges whose
   *     partition count nothing else depends on (an aggregation's)
   */
  public ExchangeExec(Partitioning partitioning, boolean optional, PhysicalPlan child, long coalesceTargetBytes) {
    this.partitioning = partitioning;
    this.optional = optional;
    this.child = child;
    this.coalesceTargetBytes = coalesceTargetBytes;
  }

  public Partitioning partitioning() {
    return partitioning;
  }

  @Override
  public List<AttributeRef> output() {
    return child.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public String nodeName() {
    return "Exchange";
  }

  @Override
  public String argString() {
    return partitioning.toString();
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    LineageNode<ColumnBatch> input = context.lineage(child);
    if (optional && input.numPartitions() == 1 && !(partitioning instanceof Partitioning.Range)) {
      return input;
    }
    if (input.numPartitions() == 1 && partitioning.numPartitions() == 1) {
      // One partition in, one out: every row is already where it would go.
      return input;
    }
    if (input.numPartitions() == 0) {
      List<List<byte[]>> empty = new ArrayList<>();
      for (int i = 0; i < partitioning.numPartitions(); i++) {
        empty.add(List.of());
      }
      return new MaterializedNode(context.nextNodeId(), "exchange", empty);
    }
    List<Object[]> bounds = partitioning instanceof Partitioning.Range r
        ? rangeBounds(context, input, r) : List.of();
    return Exchanges.exchange(context, input, partitioning, child.output(), bounds, coalesceTargetBytes);
  }

  /**
   * Samples sort keys from every partition (a job) and picks {@code n - 1} bounds that cut the sample, weighted
   * by each partition's size, into equal parts, as Spark's RangePartitioner does.
   */
  private List<Object[]> rangeBounds(ExecContext context, LineageNode<ColumnBatch> input, Partitioning.Range r) {
    int parts = r.numPartitions();
    if (parts <= 1) {
      return List.of();
    }
    int perPartition = (int) Math.ceil(3.0 * Math.min(20.0 * parts, 1e6) / input.numPartitions());
    List<AttributeRef> attrs = child.output();
    var order = r.order();
    List<Sample> samples = context.session().runJob(input, (tc, it) -> {
      List<BatchExpr> keys = ExprCompiler.compileAll(order, attrs, new EvalContext(tc.partitionId()));
      Random random = new Random(tc.partitionId() * 31L + 7);
      List<Object[]> reservoir = new ArrayList<>();
      long seen = 0;
      while (it.hasNext()) {
        ColumnBatch b = it.next();
        ColumnVector[] cols = new ColumnVector[keys.size()];
        for (int k = 0; k < cols.length; k++) {
          cols[k] = keys.get(k).eval(b);
        }
        for (int i = 0; i < b.numRows(); i++) {
          seen++;
          if (reservoir.size() < perPartition) {
            reservoir.add(row(cols, i));
          } else {
            long j = (long) (random.nextDouble() * seen);
            if (j < perPartition) {
              reservoir.set((int) j, row(cols, i));
            }
          }
        }
      }
      return new Sample(seen, reservoir);
    }, "sortBy");
    List<Object[]> keys = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Sample s : samples) {
      if (s.keys().isEmpty()) {
        continue;
      }
      double weight = (double) s.count() / s.keys().size();
      for (Object[] k : s.keys()) {
        keys.add(k);
        weights.add(weight);
      }
    }
    RowOrdering ordering = new RowOrdering(order);
    Integer[] idx = new Integer[keys.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> ordering.compare(keys.get(a), keys.get(b)));
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double step = total / parts;
    List<Object[]> bounds = new ArrayList<>();
    double cumulative = 0;
    double target = step;
    Object[] previous = null;
    for (int i = 0; i < idx.length && bounds.size() < parts - 1; i++) {
      cumulative += weights.get(idx[i]);
      if (cumulative >= target) {
        Object[] candidate = keys.get(idx[i]);
        if (previous == null || ordering.compare(candidate, previous) > 0) {
          bounds.add(candidate);
          previous = candidate;
        }
        target += step;
      }
    }
    return bounds;
  }

  private static Object[] row(ColumnVector[] cols, int i) {
    Object[] r = new Object[cols.length];
    for (int k = 0; k < cols.length; k++) {
      r[k] = cols[k].get(i);
    }
    return r;
  }

  /** A partition's sampled keys and its row count. */
  record Sample(long count, List<Object[]> keys) implements java.io.Serializable {}
}
