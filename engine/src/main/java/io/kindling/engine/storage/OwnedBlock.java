package io.kindling.engine.storage;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.storage.StorageLevel;
import java.util.Map;

/**
 * A block just stored, with what its owner needs to recompute it: the node's own copy of the dataset's lineage
 * and the persisted levels of the job that stored it (so its recomputation reads cached ancestors too).
 *
 * @param generation tells this storing of the block from earlier and later ones
 */
public record OwnedBlock(BlockId id, StorageLevel level, long generation, LineageNode<?> node,
    Map<Integer, StorageLevel> persisted) {

  public OwnedBlock {
    requireNonNull(id, "id is null");
    requireNonNull(level, "level is null");
    requireNonNull(node, "node is null");
    persisted = Map.copyOf(persisted);
  }
}
