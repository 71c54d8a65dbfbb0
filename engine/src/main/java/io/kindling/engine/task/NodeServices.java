package io.kindling.engine.task;

import static java.util.Objects.requireNonNull;

import io.kindling.engine.fault.NodeFaults;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.engine.storage.BlockManager;

/**
 * What a node offers the tasks it runs: its shuffle service, its cached blocks, and its armed faults (which also
 * report what happens to the session's listeners).
 */
public record NodeServices(ShuffleService shuffle, BlockManager blocks, NodeFaults faults) {

  public NodeServices {
    requireNonNull(shuffle, "shuffle is null");
    requireNonNull(blocks, "blocks is null");
    requireNonNull(faults, "faults is null");
  }

  /** A node with a shuffle service, a small MEMORY_ONLY block manager and no faults (engine tests). */
  public NodeServices(ShuffleService shuffle) {
    this(shuffle, BlockManager.inMemory(64L * 1024 * 1024), NodeFaults.none());
  }
}
