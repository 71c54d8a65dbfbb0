package io.kindling.engine.storage;

import com.typesafe.config.Config;
import io.kindling.KindlingException;

/**
 * Capacities of a node's block stores, read once from {@code kindling.storage}.
 *
 * @param memoryBytes heap budget of {@code MEMORY_ONLY} blocks (estimated object sizes)
 * @param offHeapBytes capacity of the off-heap store ({@code OFF_HEAP})
 * @param diskBytes capacity of each disk-backed store ({@code MEMORY_AND_DISK}, {@code DISK_ONLY})
 * @param chunkBytes target size of one serialized chunk
 * @param directory where disk-backed stores keep their files; empty for a fresh temporary directory
 * @param compactMemoryOnly copy the records of a {@code MEMORY_ONLY} block into objects allocated in a row (see
 *     {@link CompactCopy}); {@code kindling.storage.compact-memory-only}
 */
public record StorageSettings(long memoryBytes, long offHeapBytes, long diskBytes, int chunkBytes,
    String directory, boolean compactMemoryOnly) {

  /** Settings with {@code MEMORY_ONLY} blocks compacted (the default). */
  public StorageSettings(long memoryBytes, long offHeapBytes, long diskBytes, int chunkBytes, String directory) {
    this(memoryBytes, offHeapBytes, diskBytes, chunkBytes, directory, true);
  }

  public StorageSettings {
    if (memoryBytes < 0 || offHeapBytes < 0 || diskBytes < 0) {
      throw new IllegalArgumentException("storage capacities must not be negative");
    }
    if (chunkBytes < 1024) {
      throw new IllegalArgumentException("chunk size must be at least 1 KiB: " + chunkBytes);
    }
    directory = directory == null ? "" : directory.trim();
  }

  /** Reads {@code kindling.storage} from a session's config. */
  public static StorageSettings from(Config config) {
    Config s = config.getConfig("kindling.storage");
    long memory = s.getBytes("memory-size");
    if (memory == 0) {
      double fraction = s.getDouble("memory-fraction");
      if (!(fraction > 0 && fraction <= 1)) {
        throw new KindlingException("kindling.storage.memory-fraction must be in (0, 1]: " + fraction);
      }
      memory = (long) (Runtime.getRuntime().maxMemory() * fraction);
    }
    long chunk = s.getBytes("chunk-size");
    if (chunk < 1024 || chunk > 64L * 1024 * 1024) {
      throw new KindlingException("kindling.storage.chunk-size must be between 1k and 64m: " + chunk);
    }
    return new StorageSettings(memory, s.getBytes("off-heap-size"), s.getBytes("disk-size"), (int) chunk,
        s.getString("dir"), s.getBoolean("compact-memory-only"));
  }
}
