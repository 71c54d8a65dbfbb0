package io.kindling.persistence.checkpoint;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import io.kindling.engine.fs.FileSystemAdapters;
import io.kindling.engine.fs.FsPaths;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A checkpointed dataset read back from its files (Spark's ReliableCheckpointRDD): no dependencies; each partition
 * prefers the hosts that store its file.
 */
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

  /** The hosts storing the partition's file (HDFS block locations); none on local disk. */
  @Override
  public List<String> preferredLocations(int partition) {
    String file = CheckpointFiles.part(directory, partition);
    if (FsPaths.isLocal(file)) {
      return List.of();
    }
    try {
      return FileSystemAdapters.forPath(file).hosts(file, 0, Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the block locations of " + file, e);
    }
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(partitioner);
  }
}
