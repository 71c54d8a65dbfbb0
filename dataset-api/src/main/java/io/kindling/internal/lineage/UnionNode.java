package io.kindling.internal.lineage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The partitions of several datasets side by side, without moving data ({@code union}). */
public final class UnionNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final List<LineageNode<T>> parents;

  public UnionNode(int id, String callSite, List<LineageNode<T>> parents) {
    super(id, callSite);
    this.parents = List.copyOf(parents);
  }

  @Override
  public String kind() {
    return "UnionRDD";
  }

  // Computed on demand, not in the constructor: a parent's partitions may need a file listing, which happens at
  // the first action (so that a missing path fails there, as in Spark).
  @Override
  public int numPartitions() {
    int n = 0;
    for (LineageNode<T> parent : parents) {
      n += parent.numPartitions();
    }
    return n;
  }

  @Override
  public List<Dependency> dependencies() {
    List<Dependency> deps = new ArrayList<>(parents.size());
    int offset = 0;
    for (LineageNode<T> parent : parents) {
      deps.add(new RangeDependency(parent, 0, offset, parent.numPartitions()));
      offset += parent.numPartitions();
    }
    return List.copyOf(deps);
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) throws Exception {
    int offset = 0;
    for (LineageNode<T> parent : parents) {
      if (partition < offset + parent.numPartitions()) {
        return context.iterator(parent, partition - offset);
      }
      offset += parent.numPartitions();
    }
    throw new IndexOutOfBoundsException("partition " + partition + " of " + describe());
  }

  @Override
  public List<String> preferredLocations(int partition) {
    int offset = 0;
    for (LineageNode<T> parent : parents) {
      if (partition < offset + parent.numPartitions()) {
        return parent.preferredLocations(partition - offset);
      }
      offset += parent.numPartitions();
    }
    return List.of();
  }
}
