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
}
