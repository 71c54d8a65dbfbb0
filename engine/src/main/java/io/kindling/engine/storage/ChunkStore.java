package io.kindling.engine.storage;

import java.util.List;

/**
 * Where one storage level keeps the serialized chunks of blocks; implemented by the storage layer (Chronicle
 * Map off heap or memory-mapped, or files). A block is identified by its id and its {@code generation} (each
 * storing of a block gets a new one), so a late removal of an evicted block never touches a newer copy.
 * Thread-safe.
 */
public interface ChunkStore extends AutoCloseable {

  /** Stores a block's chunks, all or none; false when there is no room (an eviction trigger, not an error). */
  boolean put(BlockId block, long generation, List<byte[]> chunks);

  /** A block's {@code count} chunks, or null when any is missing. */
  List<byte[]> get(BlockId block, long generation, int count);

  /** Removes a block's chunks, if present. */
  void remove(BlockId block, long generation, int count);

  /** Damages one byte of the block's first chunk, so that it fails its checksum (fault injection). */
  void corrupt(BlockId block, long generation);

  @Override
  void close();
}
