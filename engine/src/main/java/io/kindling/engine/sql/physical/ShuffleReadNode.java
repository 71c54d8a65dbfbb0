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

  ShuffleReadNode(int id, String callSite, ShuffleDependency<Integer, byte[], byte[]> dependency) {
    super(id, callSite);
    this.dependency = dependency;
  }

  @Override
  public String kind() {
    return "ShuffledRowRDD";
  }

  @Override
  public int numPartitions() {
    return dependency.partitioner().numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(dependency);
  }

  @Override
  public Iterator<ColumnBatch> compute(int partition, TaskContext context) throws Exception {
    Iterator<Tuple2<Integer, byte[]>> records = context.readShuffle(dependency, partition);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public ColumnBatch next() {
        try {
          return BatchCodec.decode(records.next()._2());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }
}
