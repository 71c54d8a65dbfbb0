package io.kindling.spi;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;

/** Reliable checkpoint files, implemented by the backend's storage layer. */
public interface CheckpointIo {

  /**
   * What a checkpoint job runs on each partition: writes its elements to a file under {@code directory},
   * atomically, and returns the number of elements written.
   */
  PartitionFunction<Object, Long> writer(String directory);

  /**
   * A lineage node that reads the checkpoint files {@link #writer} wrote under {@code directory} for
   * {@code original}: the same partitions, elements and partitioner, without any dependency.
   */
  <T> LineageNode<T> reader(int id, String callSite, String directory, LineageNode<T> original);

  /**
   * Called on the driver once every partition of {@code original} was written under {@code directory}: marks the
   * checkpoint complete (so that {@link #load} can read it later).
   */
  default void commit(String directory, LineageNode<?> original) {}

  /**
   * A lineage node that reads a complete checkpoint written earlier, possibly by another session: its partitions
   * and partitioner come from the checkpoint's own metadata. Fails clearly when the directory holds no complete
   * checkpoint.
   */
  default <T> LineageNode<T> load(int id, String callSite, String directory) {
    throw new UnsupportedOperationException("this backend can't read checkpoints of earlier sessions");
  }
}
