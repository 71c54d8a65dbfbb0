package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.sql.types.DataType;
import java.util.List;

/**
 * One aggregate function's state for every group of a hash aggregation, in arrays indexed by group id. It
 * folds input rows in ({@link #update}), merges partial states from other partitions ({@link #merge}),
 * emits its partial state as columns ({@link #states}) and its final value ({@link #result}).
 */
public abstract class AggFunction {

  /** The types of the partial-state columns. */
  public abstract List<DataType> stateTypes();

  /** Makes room for groups {@code [0, groups)}. */
  public abstract void ensureCapacity(int groups);

  /** Folds the first {@code n} input rows (argument vectors {@code args}) into their groups. */
  public abstract void update(int[] groupIds, int n, ColumnVector[] args);

  /** Merges partial states ({@code states[offset…]}) of the first {@code n} rows into their groups. */
  public abstract void merge(int[] groupIds, int n, ColumnVector[] states, int offset);

  /** Writes the partial state of groups {@code [from, to)} into {@code out[offset…]}. */
  public abstract void states(int from, int to, ColumnVector[] out, int offset);

  /** The final values of groups {@code [from, to)}. */
  public abstract ColumnVector result(int from, int to);

  static int grow(int current, int needed) {
    int cap = Math.max(current, 16);
    while (cap < needed) {
      cap *= 2;
    }
    return cap;
  }
}
