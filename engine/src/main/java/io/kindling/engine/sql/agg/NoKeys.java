package io.kindling.engine.sql.agg;

import io.kindling.engine.sql.vector.ColumnVector;

/** A global aggregation: every row is in group 0, and there is always that one group. */
final class NoKeys implements GroupKeys {

  @Override
  public void assign(ColumnVector[] keys, int n, int[] groupIds) {
    java.util.Arrays.fill(groupIds, 0, n, 0);
  }

  @Override
  public int numGroups() {
    return 1;
  }

  @Override
  public ColumnVector[] keys(int from, int to) {
    return new ColumnVector[0];
  }
}
