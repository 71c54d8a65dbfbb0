package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.BatchExpr;
import io.kindling.engine.sql.eval.EvalContext;
import io.kindling.engine.sql.eval.ExprCompiler;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.internal.sql.expr.AttributeRef;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Assigns each row of a batch its output partition, for one map task. */
final class BatchPartitioner {
  private final Partitioning spec;
  private final List<BatchExpr> keys;
  private final List<Object[]> bounds;
  private final RowOrdering ordering;
  private int roundRobin;

  BatchPartitioner(Partitioning spec, List<AttributeRef> input, int mapPartition, List<Object[]> bounds) {
    this.spec = spec;
    EvalContext ctx = new EvalContext(mapPartition);
    if (spec instanceof Partitioning.Hash h) {
      keys = ExprCompiler.compileAll(h.keys(), input, ctx);
    } else if (spec instanceof Partitioning.Range r) {
      keys = ExprCompiler.compileAll(r.order(), input, ctx);
    } else {
      keys = List.of();
    }
    this.bounds = bounds;
    this.ordering = spec instanceof Partitioning.Range r ? new RowOrdering(r.order()) : null;
    // As Spark: each map partition starts dealing at a position picked from its index.
    this.roundRobin = spec instanceof Partitioning.RoundRobin rr
        ? new Random(Integer.reverseBytes(mapPartition)).nextInt(rr.numPartitions()) : 0;
  }

  int numPartitions() {
    return spec.numPartitions();
  }

  int[] assign(ColumnBatch batch) {
    int n = batch.numRows();
    int parts = spec.numPartitions();
    int[] out = new int[n];
    if (spec instanceof Partitioning.Single || parts == 1) {
      return out;
    }
    if (spec instanceof Partitioning.RoundRobin) {
      for (int i = 0; i < n; i++) {
        roundRobin = (roundRobin + 1) % parts;
        out[i] = roundRobin;
      }
      return out;
    }
    ColumnVector[] keyCols = new ColumnVector[keys.size()];
    for (int k = 0; k < keyCols.length; k++) {
      keyCols[k] = keys.get(k).eval(batch);
    }
    if (spec instanceof Partitioning.Hash) {
      int[] h = RowHasher.hash(keyCols, n);
      for (int i = 0; i < n; i++) {
        out[i] = RowHasher.partition(h[i], parts);
      }
      return out;
    }
    Object[] row = new Object[keyCols.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < keyCols.length; k++) {
        row[k] = keyCols[k].get(i);
      }
      out[i] = rangeOf(row);
    }
    return out;
  }

  /** The first range whose upper bound is not below the row (binary search over the bounds). */
  private int rangeOf(Object[] row) {
    int lo = 0;
    int hi = bounds.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ordering.compare(row, bounds.get(mid)) > 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Splits a batch into one (possibly empty, then null) batch per output partition. */
  ColumnBatch[] split(ColumnBatch batch) {
    int parts = spec.numPartitions();
    ColumnBatch[] out = new ColumnBatch[parts];
    if (parts == 1) {
      out[0] = batch;
      return out;
    }
    int[] ids = assign(batch);
    int n = batch.numRows();
    int[] counts = new int[parts];
    for (int i = 0; i < n; i++) {
      counts[ids[i]]++;
    }
    int[][] rows = new int[parts][];
    for (int p = 0; p < parts; p++) {
      if (counts[p] == n) {
        out[p] = batch;
        return out;
      }
      rows[p] = counts[p] == 0 ? null : new int[counts[p]];
    }
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      int p = ids[i];
      rows[p][counts[p]++] = i;
    }
    for (int p = 0; p < parts; p++) {
      if (rows[p] != null) {
        out[p] = batch.gather(rows[p], counts[p]);
      }
    }
    return out;
  }
}
