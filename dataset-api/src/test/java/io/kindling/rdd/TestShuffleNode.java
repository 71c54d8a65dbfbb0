package io.kindling.rdd;

import io.kindling.HashPartitioner;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A node reading shuffles of its parents, standing in for the shuffle operations in lineage-only tests. */
final class TestShuffleNode extends LineageNode<Object> {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final int partitions;
  private final List<Dependency> dependencies;

  TestShuffleNode(int id, String kind, String callSite, int partitions, List<LineageNode<?>> parents) {
    super(id, callSite);
    this.kind = kind;
    this.partitions = partitions;
    List<Dependency> deps = new ArrayList<>();
    for (LineageNode<?> parent : parents) {
      deps.add(new ShuffleDependency<>(parent, id * 10 + deps.size(), new HashPartitioner(partitions), null, false,
          null));
    }
    this.dependencies = List.copyOf(deps);
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return dependencies;
  }

  @Override
  public Iterator<Object> compute(int partition, TaskContext context) {
    throw new UnsupportedOperationException("lineage-only test node");
  }
}
