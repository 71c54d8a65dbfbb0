package io.kindling.persistence.checkpoint;

import io.kindling.KindlingException;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.CheckpointIo;
import java.io.IOException;
import java.util.Optional;

/**
 * Checkpoints in {@code kindling.checkpoint.dir} on any file system with an adapter: a local directory, or
 * {@code hdfs://…} when kindling-hadoop is on the classpath (see {@link CheckpointFiles} for the layout). A
 * checkpoint stays readable after its session stops: {@link #load} reads it back in a new one.
 */
public final class FileCheckpointIo implements CheckpointIo {

  @Override
  public PartitionFunction<Object, Long> writer(String directory) {
    return new CheckpointWriter(directory);
  }

  @Override
  public void commit(String directory, LineageNode<?> original) {
    try {
      Optional<String> missing = CheckpointFiles.missingPart(directory, original.numPartitions());
      if (missing.isPresent()) {
        throw new KindlingException("Checkpoint of " + original.describe() + " is incomplete: " + missing.get()
            + " is missing");
      }
      CheckpointFiles.writeMetadata(directory, original.numPartitions(), original.partitioner().orElse(null));
    } catch (IOException e) {
      throw new KindlingException("Could not complete the checkpoint of " + original.describe() + " in "
          + directory + ": " + e, e);
    }
  }

  @Override
  public <T> LineageNode<T> reader(int id, String callSite, String directory, LineageNode<T> original) {
    try {
      Optional<String> missing = CheckpointFiles.missingPart(directory, original.numPartitions());
      if (missing.isPresent()) {
        throw new KindlingException("Checkpoint of " + original.describe() + " is incomplete: " + missing.get()
            + " is missing");
      }
    } catch (IOException e) {
      throw new KindlingException("Could not list the checkpoint of " + original.describe() + " in " + directory
          + ": " + e, e);
    }
    return new CheckpointFileNode<>(id, callSite, directory, original.numPartitions(),
        original.partitioner().orElse(null));
  }

  @Override
  public <T> LineageNode<T> load(int id, String callSite, String directory) {
    CheckpointFiles.Metadata meta = CheckpointFiles.readMetadata(directory);
    try {
      Optional<String> missing = CheckpointFiles.missingPart(directory, meta.partitions());
      if (missing.isPresent()) {
        throw new KindlingException("Checkpoint " + directory + " is damaged: " + missing.get() + " is missing");
      }
    } catch (IOException e) {
      throw new KindlingException("Could not list checkpoint " + directory + ": " + e, e);
    }
    return new CheckpointFileNode<>(id, callSite, directory, meta.partitions(), meta.partitioner());
  }
}
