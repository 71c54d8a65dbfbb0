package io.kindling.engine.storage;

import io.kindling.storage.StorageLevel;

/**
 * The serialized storage levels of a node ({@code OFF_HEAP}, {@code MEMORY_AND_DISK}, {@code DISK_ONLY}): a
 * chunk store per level, created on first use (never on session start-up: the first Chronicle Map of a JVM costs
 * over a second), and the codec that fills them.
 */
public interface SerializedStorage extends AutoCloseable {

  /** The store of {@code level}, created on the first call. */
  ChunkStore store(StorageLevel level);

  BlockCodec codec();

  /** Closes the stores and deletes their files. */
  @Override
  void close();

  /** For runtimes without a storage layer: only MEMORY_ONLY can be used. */
  static SerializedStorage unsupported() {
    return new SerializedStorage() {
      @Override
      public ChunkStore store(StorageLevel level) {
        throw new UnsupportedOperationException("storage level " + level + " needs kindling-persistence");
      }

      @Override
      public BlockCodec codec() {
        throw new UnsupportedOperationException("serialized storage levels need kindling-persistence");
      }

      @Override
      public void close() {}
    };
  }
}
