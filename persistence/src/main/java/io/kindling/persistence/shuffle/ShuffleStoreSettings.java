package io.kindling.persistence.shuffle;

/**
 * Sizing of a {@link ShuffleStore}'s Chronicle Map volumes.
 *
 * @param averageChunkBytes the average chunk Chronicle Map sizes its entries for
 * @param maxChunkBytes the largest chunk stored; longer writes are cut into several chunks
 * @param chunksPerVolume the entries one volume is sized for (it may hold more, up to the bloat factor)
 * @param maxBloatFactor how far past {@code chunksPerVolume} a volume may grow before a new one is started
 */
public record ShuffleStoreSettings(int averageChunkBytes, int maxChunkBytes, long chunksPerVolume,
    double maxBloatFactor) {

  public ShuffleStoreSettings {
    if (averageChunkBytes < 1 || maxChunkBytes < averageChunkBytes) {
      throw new IllegalArgumentException("chunk sizes must satisfy 0 < average <= max: " + averageChunkBytes
          + ", " + maxChunkBytes);
    }
    if (chunksPerVolume < 1) {
      throw new IllegalArgumentException("chunksPerVolume must be positive: " + chunksPerVolume);
    }
    if (maxBloatFactor < 1) {
      throw new IllegalArgumentException("maxBloatFactor must be at least 1: " + maxBloatFactor);
    }
  }

  /** 64 KiB average, 1 MiB largest chunk, 4096 chunks a volume, volumes up to 4 times that. */
  public static ShuffleStoreSettings defaults() {
    return new ShuffleStoreSettings(64 << 10, 1 << 20, 4096, 4);
  }
}
