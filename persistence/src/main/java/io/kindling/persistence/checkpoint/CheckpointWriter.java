package io.kindling.persistence.checkpoint;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.PartitionFunction;
import io.kindling.internal.lineage.TaskContext;
import java.util.Iterator;

/** What a checkpoint job runs on each partition: writes it to its file under the checkpoint directory. */
final class CheckpointWriter implements PartitionFunction<Object, Long> {
  private static final long serialVersionUID = 1L;

  private final String directory;

  CheckpointWriter(String directory) {
    this.directory = requireNonNull(directory, "directory is null");
  }

  @Override
  public Long apply(TaskContext context, Iterator<Object> partition) throws Exception {
    return CheckpointFiles.write(directory, context.partitionId(), partition);
  }
}
