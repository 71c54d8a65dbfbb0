package io.kindling.engine.sql.physical;

import io.kindling.Tuple2;
import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.Iterator;
import java.util.List;

/** The reduce side of a DataFrame exchange: the batch slices the map side wrote for this partition. */
final class ShuffleReadNode extends LineageNode<ColumnBatch> {
  private static final long serialVersionUID = 1L;

  private final ShuffleDependency<Integer, byte[], byte[]> dependency;
  // Coalesced: partition i reads the shuffle's partitions [starts[i], starts[i + 1]); null: one each.
  private final int[] starts;

  ShuffleReadNode(int id, String callSite, ShuffleDependency<Integer, byte[], byte[]> dependency, int[] starts) {
    super(id, callSite);
    this.dependency = dependency;
    this.starts = starts == null ? null : starts.clone();
  }

  @Override
  public String kind() {
    return "ShuffledRowRDD";
  }

  @Override
  public int numPartitions() {
    return starts == null ? dependency.partitioner().numPartitions() : starts.length - 1;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(dependency);
  }

  @Override
  public Iterator<ColumnBatch> compute(int partition, TaskContext context) throws Exception {
    int from = starts == null ? partition : starts[partition];
    int to = starts == null ? partition + 1 : starts[partition + 1];
    // Opened here, where a failed fetch can leave as itself (the scheduler recomputes lost map outputs).
    List<Iterator<Tuple2<Integer, byte[]>>> parts = new java.util.ArrayList<>(to - from);
    for (int r = from; r < to; r++) {
      parts.add(context.readShuffle(dependency, r));
    }
    return new Iterator<>() {
      private int next;
      private Iterator<Tuple2<Integer, byte[]>> records = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!records.hasNext() && next < parts.size()) {
          records = parts.get(next++);
        }
        return records.hasNext();
      }

      @Override
      public ColumnBatch next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        try {
          return BatchCodec.decode(records.next()._2());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }
}
