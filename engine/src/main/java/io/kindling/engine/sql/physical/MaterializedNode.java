package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Batches already computed and held in their binary form, one list per partition (a driver-side exchange). */
final class MaterializedNode extends LineageNode<ColumnBatch> {
  private static final long serialVersionUID = 1L;

  private final List<List<byte[]>> partitions;

  MaterializedNode(int id, String callSite, List<List<byte[]>> partitions) {
    super(id, callSite);
    List<List<byte[]>> copy = new ArrayList<>(partitions.size());
    for (List<byte[]> p : partitions) {
      copy.add(new ArrayList<>(p));
    }
    this.partitions = copy;
  }

  @Override
  public String kind() {
    return "ShuffledRowRDD";
  }

  @Override
  public int numPartitions() {
    return partitions.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  public Iterator<ColumnBatch> compute(int partition, TaskContext context) {
    Iterator<byte[]> it = partitions.get(partition).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public ColumnBatch next() {
        try {
          return BatchCodec.decode(it.next());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }
}
