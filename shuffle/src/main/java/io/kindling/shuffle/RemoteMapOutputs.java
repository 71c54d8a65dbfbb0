package io.kindling.shuffle;

import io.kindling.internal.lineage.TaskContext;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a node's reduce tasks find the map outputs that other nodes wrote (cluster mode). Implemented by the
 * actors runtime; a node without one reads only its own store.
 */
public interface RemoteMapOutputs {

  /** One map output's block for one reduce partition, on another node. */
  record RemoteBlock(long size, Supplier<InputStream> open) {}

  /**
   * The blocks that map partitions {@code maps} (none of them written on this node) wrote for
   * {@code reducePartition} of {@code shuffleId}. Fails with
   * {@link io.kindling.engine.shuffle.FetchFailedException} when one of them is nowhere; the streams it opens
   * fail the same way when their node goes away while they are read, and are released when the task of
   * {@code context} ends.
   */
  Map<Integer, RemoteBlock> locate(int shuffleId, int reducePartition, int[] maps, TaskContext context)
      throws Exception;
}
