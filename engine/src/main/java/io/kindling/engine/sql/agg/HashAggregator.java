package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Aggregates batches by key: each batch's rows get group ids from the key table, then every function folds
 * them in. The output holds the keys first, then either each function's partial state (to merge after an
 * exchange) or its final value.
 */
public final class HashAggregator {
  private final GroupKeys keys;
  private final List<AggFunction> functions;
  private int[] groupIds = new int[0];

  public HashAggregator(List<DataType> keyTypes, List<AggFunction> functions) {
    this.keys = GroupKeys.forTypes(keyTypes);
    this.functions = List.copyOf(functions);
    ensure();
  }

  /** Folds input rows: {@code args[f]} are function f's argument vectors. */
  public void update(ColumnVector[] keyColumns, ColumnVector[][] args, int n) {
    int[] ids = ids(n);
    keys.assign(keyColumns, n, ids);
    ensure();
    for (int f = 0; f < functions.size(); f++) {
      functions.get(f).update(ids, n, args[f]);
    }
  }

  /** Merges partial states: {@code batch} holds the keys first, then each function's state columns. */
  public void merge(ColumnBatch batch, int numKeys) {
    int n = batch.numRows();
    ColumnVector[] cols = batch.columns();
    ColumnVector[] keyColumns = java.util.Arrays.copyOf(cols, numKeys);
    int[] ids = ids(n);
    keys.assign(keyColumns, n, ids);
    ensure();
    int offset = numKeys;
    for (AggFunction f : functions) {
      f.merge(ids, n, cols, offset);
      offset += f.stateTypes().size();
    }
  }

  public int numGroups() {
    return keys.numGroups();
  }

  /** The groups as batches of at most {@code batchRows}: keys, then partial states or final values. */
  public Iterator<ColumnBatch> output(boolean partial, int batchRows) {
    int total = keys.numGroups();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < total;
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int from = next;
        int to = Math.min(total, from + batchRows);
        next = to;
        List<ColumnVector> cols = new ArrayList<>(List.of(keys.keys(from, to)));
        for (AggFunction f : functions) {
          if (partial) {
            ColumnVector[] states = new ColumnVector[f.stateTypes().size()];
            f.states(from, to, states, 0);
            cols.addAll(List.of(states));
          } else {
            cols.add(f.result(from, to));
          }
        }
        return new ColumnBatch(cols.toArray(new ColumnVector[0]), to - from);
      }
    };
  }

  private int[] ids(int n) {
    if (groupIds.length < n) {
      groupIds = new int[Math.max(n, 1024)];
    }
    return groupIds;
  }

  private void ensure() {
    int g = Math.max(keys.numGroups(), 1);
    for (AggFunction f : functions) {
      f.ensureCapacity(g);
    }
  }
}
