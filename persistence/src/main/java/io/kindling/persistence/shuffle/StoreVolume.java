package io.kindling.persistence.shuffle;

import io.kindling.KindlingException;
import io.kindling.persistence.WorkDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * One persisted Chronicle Map file of a {@link ShuffleStore}: chunk key (16 bytes) to chunk bytes (as byte[]:
 * Chronicle reads and writes arrays in bulk, several times faster than heap ByteBuffers here). A store
 * starts a new volume when this one is full, and deletes a volume once all its chunks are removed.
 */
final class StoreVolume implements AutoCloseable {
  private final int id;
  private final Path file;
  private final ChronicleMap<byte[], byte[]> map;
  private final AtomicLong live = new AtomicLong();

  private StoreVolume(int id, Path file, ChronicleMap<byte[], byte[]> map) {
    this.id = id;
    this.file = file;
    this.map = map;
  }

  static StoreVolume create(int id, Path file, ShuffleStoreSettings settings) {
    try {
      ChronicleMap<byte[], byte[]> map = ChronicleMap.of(byte[].class, byte[].class)
          .name("kindling-shuffle-" + id)
          .constantKeySizeBySample(new byte[ChunkKey.SIZE])
          .averageValueSize(settings.averageChunkBytes())
          .entries(settings.chunksPerVolume())
          .maxBloatFactor(settings.maxBloatFactor())
          .putReturnsNull(true)
          .removeReturnsNull(true)
          .skipCloseOnExitHook(true)
          // Only the pages written take disk space: a volume is sized for many chunks but may hold few.
          .sparseFile(true)
          .createPersistedTo(file.toFile());
      return new StoreVolume(id, file, map);
    } catch (IOException | RuntimeException e) {
      throw new KindlingException("Could not create the shuffle store file " + file + ": " + e
          + ". Check that kindling.local-dir is on a writable local disk with free space.", e);
    }
  }

  int id() {
    return id;
  }

  /** Stores a chunk; false when the volume is full and the chunk must go to another volume. */
  boolean put(byte[] key, byte[] value) {
    try {
      map.put(key, value);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Chronicle Map signals a full segment (or no tier left to grow into) this way: treat it as "full".
      return false;
    }
    live.incrementAndGet();
    return true;
  }

  /** Reads a chunk; null when missing. */
  byte[] get(byte[] key) {
    return map.get(key);
  }

  /** Removes a chunk; returns the number of chunks left in the volume. */
  long remove(byte[] key) {
    map.remove(key);
    return live.decrementAndGet();
  }

  long liveChunks() {
    return live.get();
  }

  Path file() {
    return file;
  }

  /** Closes the map and deletes its file. */
  @Override
  public void close() {
    try {
      map.close();
    } finally {
      WorkDirectory.deleteRecursively(file);
    }
  }
}
