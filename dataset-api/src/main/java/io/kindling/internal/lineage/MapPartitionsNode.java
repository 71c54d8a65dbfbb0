package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A narrow, one-to-one transformation of each partition (map, filter, flatMap, mapPartitions, sample, …):
 * pipelined with its parent in the same task.
 */
public final class MapPartitionsNode<T, R> extends LineageNode<R> {
  private static final long serialVersionUID = 1L;

  private final LineageNode<T> parent;
  private final PartitionTransform<T, R> transform;
  private final boolean preservesPartitioning;
  private final String kind;

  public MapPartitionsNode(
      int id,
      String callSite,
      LineageNode<T> parent,
      PartitionTransform<T, R> transform,
      boolean preservesPartitioning,
      String kind) {
    super(id, callSite);
    this.parent = requireNonNull(parent, "parent is null");
    this.transform = requireNonNull(transform, "transform is null");
    this.preservesPartitioning = preservesPartitioning;
    this.kind = requireNonNull(kind, "kind is null");
  }

  public MapPartitionsNode(
      int id, String callSite, LineageNode<T> parent, PartitionTransform<T, R> transform) {
    this(id, callSite, parent, transform, false, "MapPartitionsRDD");
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public int numPartitions() {
    return parent.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new OneToOneDependency(parent));
  }

  @Override
  public Iterator<R> compute(int partition, TaskContext context) throws Exception {
    return transform.apply(partition, context.iterator(parent, partition));
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return preservesPartitioning ? parent.partitioner() : Optional.empty();
  }

  @Override
  public List<String> preferredLocations(int partition) {
    return parent.preferredLocations(partition);
  }
}
