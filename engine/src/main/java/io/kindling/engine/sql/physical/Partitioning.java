package io.kindling.engine.sql.physical;

import io.kindling.internal.sql.expr.Expression;
import io.kindling.internal.sql.expr.SortOrder;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** How an exchange spreads rows over its output partitions. */
public sealed interface Partitioning extends Serializable {

  int numPartitions();

  /** Rows with equal keys go to the same partition (for aggregations, joins, repartition by columns). */
  record Hash(List<Expression> keys, int numPartitions) implements Partitioning {
    public Hash {
      keys = List.copyOf(keys);
    }

    @Override
    public String toString() {
      return "hashpartitioning(" + keys.stream().map(Object::toString).collect(Collectors.joining(", ")) + ", "
          + numPartitions + ")";
    }
  }

  /** Rows dealt out in turn (repartition(n)). */
  record RoundRobin(int numPartitions) implements Partitioning {
    @Override
    public String toString() {
      return "RoundRobinPartitioning(" + numPartitions + ")";
    }
  }

  /** Everything to one partition. */
  record Single() implements Partitioning {
    @Override
    public int numPartitions() {
      return 1;
    }

    @Override
    public String toString() {
      return "SinglePartition";
    }
  }

  /** Ordered ranges of the sort keys, between sampled bounds (for a global sort). */
  record Range(List<SortOrder> order, int numPartitions) implements Partitioning {
    public Range {
      order = List.copyOf(order);
    }

    @Override
    public String toString() {
      return "rangepartitioning(" + order.stream().map(Object::toString).collect(Collectors.joining(", ")) + ", "
          + numPartitions + ")";
    }
  }
}
