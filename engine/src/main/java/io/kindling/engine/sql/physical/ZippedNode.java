package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.OneToOneDependency;
import io.kindling.internal.lineage.TaskContext;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/** Partition i of two co-partitioned parents processed together (the two sides of a shuffled join). */
final class ZippedNode extends LineageNode<ColumnBatch> {
  private static final long serialVersionUID = 1L;

  /** Combines the two parents' partition {@code p}. */
  @FunctionalInterface
  interface ZipFunction extends Serializable {
    Iterator<ColumnBatch> apply(int partition, Iterator<ColumnBatch> left, Iterator<ColumnBatch> right)
        throws Exception;
  }

  private final LineageNode<ColumnBatch> left;
  private final LineageNode<ColumnBatch> right;
  private final ZipFunction function;

  ZippedNode(int id, String callSite, LineageNode<ColumnBatch> left, LineageNode<ColumnBatch> right,
      ZipFunction function) {
    super(id, callSite);
    if (left.numPartitions() != right.numPartitions()) {
      throw new IllegalArgumentException("zipped parents must have the same partition count: "
          + left.numPartitions() + " and " + right.numPartitions());
    }
    this.left = left;
    this.right = right;
    this.function = function;
  }

  @Override
  public String kind() {
    return "ZippedPartitionsRDD2";
  }

  @Override
  public int numPartitions() {
    return left.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new OneToOneDependency(left), new OneToOneDependency(right));
  }

  @Override
  public Iterator<ColumnBatch> compute(int partition, TaskContext context) throws Exception {
    return function.apply(partition, context.iterator(left, partition), context.iterator(right, partition));
  }
}
