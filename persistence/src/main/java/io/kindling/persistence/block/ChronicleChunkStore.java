package io.kindling.persistence.block;

import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.ChunkStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * A block store on one Chronicle Map: off heap in process memory (OFF_HEAP), or persisted to a memory-mapped file
 * that may outgrow RAM (MEMORY_AND_DISK). One entry per chunk, so the per-call cost of the map is paid per chunk,
 * never per record. Keys pack the block's storing generation (unique on the node) and the chunk index. A put the
 * map refuses (a segment is full) is reported as "no room", which makes the block manager evict and try again.
 */
final class ChronicleChunkStore implements ChunkStore {
  private static final int CHUNK_BITS = 24;

  private final ChronicleMap<Long, byte[]> map;
  private final File file;

  private ChronicleChunkStore(ChronicleMap<Long, byte[]> map, File file) {
    this.map = map;
    this.file = file;
  }

  /** An off-heap store sized for {@code capacityBytes} of chunks of about {@code chunkBytes}. */
  static ChronicleChunkStore inMemory(String name, long capacityBytes, int chunkBytes) {
    return new ChronicleChunkStore(builder(name, capacityBytes, chunkBytes).create(), null);
  }

  /** A store memory-mapped to {@code file} (created; deleted on close). */
  static ChronicleChunkStore persistedTo(String name, File file, long capacityBytes, int chunkBytes) {
    try {
      return new ChronicleChunkStore(builder(name, capacityBytes, chunkBytes).createPersistedTo(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the block store file " + file, e);
    }
  }

  private static net.openhft.chronicle.map.ChronicleMapBuilder<Long, byte[]> builder(String name,
      long capacityBytes, int chunkBytes) {
    // Headroom over capacity/chunk: the last chunk of each block is partial, and small blocks are one small chunk.
    long entries = Math.max(256, capacityBytes / chunkBytes * 3 / 2);
    return ChronicleMap.of(Long.class, byte[].class)
        .name(name)
        .entries(entries)
        .averageValueSize(chunkBytes)
        .maxBloatFactor(1.5);
  }

  static long key(long generation, int chunk) {
    return (generation << CHUNK_BITS) | chunk;
  }

  @Override
  public boolean put(BlockId block, long generation, List<byte[]> chunks) {
    if (chunks.size() >= 1 << CHUNK_BITS) {
      return false;
    }
    for (int i = 0; i < chunks.size(); i++) {
      try {
        map.put(key(generation, i), chunks.get(i));
      } catch (IllegalStateException | IllegalArgumentException e) {
        // Chronicle Map's way of saying it is full.
        remove(block, generation, i);
        return false;
      }
    }
    return true;
  }

  @Override
  public List<byte[]> get(BlockId block, long generation, int count) {
    List<byte[]> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] chunk = map.get(key(generation, i));
      if (chunk == null) {
        return null;
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  @Override
  public void remove(BlockId block, long generation, int count) {
    for (int i = 0; i < count; i++) {
      map.remove(key(generation, i));
    }
  }

  @Override
  public void corrupt(BlockId block, long generation) {
    long key = key(generation, 0);
    byte[] chunk = map.get(key);
    if (chunk != null) {
      chunk[chunk.length - 1] ^= 0x5A;
      map.put(key, chunk);
    }
  }

  @Override
  public void close() {
    map.close();
    if (file != null && !file.delete() && file.exists()) {
      file.deleteOnExit();
    }
  }
}
