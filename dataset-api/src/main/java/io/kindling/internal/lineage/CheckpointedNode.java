package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A checkpointed dataset with its lineage cut: the same id, name and partitioning as the original, but its
 * only parent is the node that reads the checkpoint files. Stands in for the original wherever a job's
 * lineage is planned and shipped, so nothing before the checkpoint is computed (or serialized) again.
 */
public final class CheckpointedNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final LineageNode<T> checkpoint;
  private final String kind;
  private final String label;
  private final Partitioner partitioner;

  public CheckpointedNode(LineageNode<T> original, LineageNode<T> checkpoint) {
    super(original.id(), original.callSite());
    this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
    if (checkpoint.numPartitions() != original.numPartitions()) {
      throw new IllegalArgumentException("checkpoint of " + original.describe() + " has "
          + checkpoint.numPartitions() + " partitions, the dataset " + original.numPartitions());
    }
    this.kind = original.kind();
    this.label = original.label();
    this.partitioner = original.partitioner().orElse(null);
  }

  /** The node reading the checkpoint files. */
  public LineageNode<T> checkpoint() {
    return checkpoint;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int numPartitions() {
    return checkpoint.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new OneToOneDependency(checkpoint));
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) throws Exception {
    return context.iterator(checkpoint, partition);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(partitioner);
  }

  @Override
  public List<String> preferredLocations(int partition) {
    return checkpoint.preferredLocations(partition);
  }
}
