package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.eval.Order;
import io.kindling.internal.sql.expr.SortOrder;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/** Compares rows of sort-key values by a list of sort orders (direction and null placement each). */
final class RowOrdering implements Comparator<Object[]>, Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  RowOrdering(List<SortOrder> order) {
    ascending = new boolean[order.size()];
    nullsFirst = new boolean[order.size()];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = order.get(i).ascending();
      nullsFirst[i] = order.get(i).nullsFirst();
    }
  }

  @Override
  public int compare(Object[] a, Object[] b) {
    for (int i = 0; i < ascending.length; i++) {
      int c = compareKey(i, a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  int compareKey(int i, Object x, Object y) {
    if (x == null || y == null) {
      if (x == y) {
        return 0;
      }
      return (x == null) == nullsFirst[i] ? -1 : 1;
    }
    int c = Order.compareValues(x, y);
    return ascending[i] ? c : -c;
  }
}
