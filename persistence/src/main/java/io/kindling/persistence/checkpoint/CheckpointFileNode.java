package io.kindling.persistence.checkpoint;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A checkpointed dataset read back from its files (Spark's ReliableCheckpointRDD): no dependencies. */
final class CheckpointFileNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final int numPartitions;
  private final Partitioner partitioner;

  CheckpointFileNode(int id, String callSite, String directory, int numPartitions, Partitioner partitioner) {
    super(id, callSite);
    this.directory = requireNonNull(directory, "directory is null");
    this.numPartitions = numPartitions;
    this.partitioner = partitioner;
  }

  @Override
  public String kind() {
    return "ReliableCheckpointRDD";
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<T> compute(int partition, TaskContext context) {
    return (Iterator<T>) CheckpointFiles.read(directory, partition);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(partitioner);
  }
}
