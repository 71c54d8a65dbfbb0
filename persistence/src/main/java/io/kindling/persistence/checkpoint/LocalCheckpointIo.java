package io.kindling.persistence.checkpoint;

import io.kindling.KindlingException;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.spi.CheckpointIo;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checkpoints in a local directory ({@code kindling.checkpoint.dir}). */
public final class LocalCheckpointIo implements CheckpointIo {

  @Override
  public PartitionFunction<Object, Long> writer(String directory) {
    return new CheckpointWriter(directory);
  }

  @Override
  public <T> LineageNode<T> reader(int id, String callSite, String directory, LineageNode<T> original) {
    for (int p = 0; p < original.numPartitions(); p++) {
      Path part = CheckpointFiles.part(directory, p);
      if (!Files.isRegularFile(part)) {
        throw new KindlingException("Checkpoint of " + original.describe() + " is incomplete: " + part
            + " is missing");
      }
    }
    return new CheckpointFileNode<>(id, callSite, directory, original.numPartitions(),
        original.partitioner().orElse(null));
  }
}
