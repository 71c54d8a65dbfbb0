package io.kindling.internal.lineage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The partitions of several datasets side by side, without moving data ({@code union}). */
public final class UnionNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final List<LineageNode<T>> parents;
  private final List<Dependency> dependencies;
  private final int numPartitions;

  public UnionNode(int id, String callSite, List<LineageNode<T>> parents) {
    super(id, callSite);
    this.parents = List.copyOf(parents);
    List<Dependency> deps = new ArrayList<>();
    int offset = 0;
    for (LineageNode<T> parent : this.parents) {
      deps.add(new RangeDependency(parent, 0, offset, parent.numPartitions()));
      offset += parent.numPartitions();
    }
    this.dependencies = List.copyOf(deps);
    this.numPartitions = offset;
  }

  @Override
  public String kind() {
    return "UnionRDD";
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return dependencies;
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
