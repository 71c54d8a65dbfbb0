package io.kindling.persistence.shuffle;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import io.kindling.persistence.WorkDirectory;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * A node's map outputs, off heap in persisted (memory-mapped) Chronicle Maps under the node's work directory.
 * Each map output is stored as chunks keyed {@code (shuffle, map, write, reduce, chunk)}, so the per-call cost of
 * Chronicle Map is paid per chunk, never per record. The index of committed outputs (which chunks exist) is
 * kept on heap; it is one small entry per map output.
 *
 * <p>Thread-safe: map tasks write and reduce tasks read concurrently. Nothing is created until the first
 * write, so a store that is never used costs nothing.
 */
public final class ShuffleStore implements AutoCloseable {
  private final WorkDirectory directory;
  private final ShuffleStoreSettings settings;
  private final Map<Integer, StoreVolume> volumes = new ConcurrentHashMap<>();
  private final Map<Integer, Map<Integer, MapOutput>> outputs = new ConcurrentHashMap<>();
  private final ReadWriteLock volumeLock = new ReentrantReadWriteLock();
  /** Numbers the writes of map outputs, so that two outputs of one map partition never share a chunk key. */
  private final AtomicInteger writes = new AtomicInteger();
  private volatile StoreVolume current;
  private int nextVolume;
  private volatile boolean closed;

  public ShuffleStore(WorkDirectory directory, ShuffleStoreSettings settings) {
    this.directory = requireNonNull(directory, "directory is null");
    this.settings = requireNonNull(settings, "settings is null");
  }

  public ShuffleStoreSettings settings() {
    return settings;
  }

  /**
   * Starts writing map partition {@code mapPartition} of {@code shuffleId}, replacing any earlier output of
   * it. Nothing is visible to readers until {@link MapOutputWriter#commit()}.
   */
  public MapOutputWriter newMapOutput(int shuffleId, int mapPartition, int numReducers) {
    checkOpen();
    Map<Integer, MapOutput> maps = outputs.get(shuffleId);
    if (maps != null) {
      MapOutput old = maps.remove(mapPartition);
      if (old != null) {
        removeChunks(old.shuffleId(), old.mapPartition(), old.write(), old.chunkVolumes());
      }
    }
    return new MapOutputWriter(this, shuffleId, mapPartition, writes.incrementAndGet(), numReducers);
  }

  /** True when every map output {@code 0 .. numMaps-1} of {@code shuffleId} is committed. */
  public boolean isComplete(int shuffleId, int numMaps) {
    return missing(shuffleId, numMaps).length == 0;
  }

  /** The map partitions {@code 0 .. numMaps-1} of {@code shuffleId} with no committed output, ascending. */
  public int[] missing(int shuffleId, int numMaps) {
    Map<Integer, MapOutput> maps = outputs.getOrDefault(shuffleId, Map.of());
    return IntStream.range(0, numMaps).filter(m -> !maps.containsKey(m)).toArray();
  }

  /** Removes the output of map partition {@code mapPartition}; false when there was none. */
  public boolean removeMapOutput(int shuffleId, int mapPartition) {
    Map<Integer, MapOutput> maps = outputs.get(shuffleId);
    MapOutput out = maps == null ? null : maps.remove(mapPartition);
    if (out == null) {
      return false;
    }
    removeChunks(out.shuffleId(), out.mapPartition(), out.write(), out.chunkVolumes());
    return true;
  }

  /** True when map partition {@code mapPartition} of {@code shuffleId} is committed. */
  public boolean hasMapOutput(int shuffleId, int mapPartition) {
    Map<Integer, MapOutput> maps = outputs.get(shuffleId);
    return maps != null && maps.containsKey(mapPartition);
  }

  /** The bytes map partition {@code mapPartition} wrote for each reduce partition. */
  public long[] sizes(int shuffleId, int mapPartition) {
    return output(shuffleId, mapPartition).sizes().clone();
  }

  /**
   * The bytes map {@code mapPartition} wrote for {@code reducePartition}, as one stream read chunk by chunk.
   * Fails with {@link MissingShuffleOutputException} when that map output is not committed.
   */
  public InputStream openBlock(int shuffleId, int mapPartition, int reducePartition) {
    MapOutput out = output(shuffleId, mapPartition);
    return new ChunkInputStream(this, shuffleId, mapPartition, out.write(), reducePartition,
        out.chunkVolumes()[reducePartition]);
  }

  /** Removes every output of {@code shuffleId}. */
  public void removeShuffle(int shuffleId) {
    Map<Integer, MapOutput> maps = outputs.remove(shuffleId);
    if (maps != null) {
      for (MapOutput out : maps.values()) {
        removeChunks(out.shuffleId(), out.mapPartition(), out.write(), out.chunkVolumes());
      }
    }
  }

  /** The shuffles with at least one committed output. */
  public Set<Integer> shuffleIds() {
    return new TreeSet<>(outputs.keySet());
  }

  /** The number of Chronicle Map files open (for tests and metrics). */
  public int volumeCount() {
    return volumes.size();
  }

  /** Closes every volume and deletes its file; idempotent. */
  @Override
  public void close() {
    volumeLock.writeLock().lock();
    try {
      closed = true;
      outputs.clear();
      RuntimeException first = null;
      for (StoreVolume v : volumes.values()) {
        try {
          v.close();
        } catch (RuntimeException e) {
          first = first == null ? e : first;
        }
      }
      volumes.clear();
      current = null;
      if (first != null) {
        throw first;
      }
    } finally {
      volumeLock.writeLock().unlock();
    }
  }

  // ---------------------------------------------------------------- used by writers and readers

  MapOutput output(int shuffleId, int mapPartition) {
    Map<Integer, MapOutput> maps = outputs.get(shuffleId);
    MapOutput out = maps == null ? null : maps.get(mapPartition);
    if (out == null) {
      throw new MissingShuffleOutputException(shuffleId, mapPartition);
    }
    return out;
  }

  void commit(MapOutput output) {
    checkOpen();
    outputs.computeIfAbsent(output.shuffleId(), k -> new ConcurrentHashMap<>())
        .put(output.mapPartition(), output);
  }

  /** Stores one chunk and returns the id of the volume it went to. */
  int putChunk(byte[] key, byte[] data, int offset, int length) {
    byte[] value = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
    volumeLock.readLock().lock();
    try {
      checkOpen();
      StoreVolume v = current;
      if (v != null && v.put(key, value)) {
        return v.id();
      }
    } finally {
      volumeLock.readLock().unlock();
    }
    StoreVolume fresh = rotate();
    volumeLock.readLock().lock();
    try {
      checkOpen();
      if (fresh.put(key, value)) {
        return fresh.id();
      }
    } finally {
      volumeLock.readLock().unlock();
    }
    throw new KindlingException("A shuffle chunk of " + length + " bytes does not fit in a new "
        + "Chronicle Map volume: check kindling.shuffle.chunk-size");
  }

  byte[] getChunk(int volume, byte[] key) {
    StoreVolume v = volumes.get(volume);
    return v == null ? null : v.get(key);
  }

  void removeChunks(int shuffleId, int mapPartition, int write, int[][] chunkVolumes) {
    volumeLock.readLock().lock();
    boolean retire = false;
    try {
      for (int r = 0; r < chunkVolumes.length; r++) {
        int[] vols = chunkVolumes[r];
        for (int c = 0; c < vols.length; c++) {
          StoreVolume v = volumes.get(vols[c]);
          if (v != null && v.remove(ChunkKey.of(shuffleId, mapPartition, write, r, c)) == 0 && v != current) {
            retire = true;
          }
        }
      }
    } finally {
      volumeLock.readLock().unlock();
    }
    if (retire) {
      retireEmptyVolumes();
    }
  }

  private void retireEmptyVolumes() {
    volumeLock.writeLock().lock();
    try {
      for (StoreVolume v : volumes.values()) {
        if (v != current && v.liveChunks() == 0) {
          volumes.remove(v.id());
          v.close();
        }
      }
    } finally {
      volumeLock.writeLock().unlock();
    }
  }

  /** Starts a new volume unless another thread just did. */
  private StoreVolume rotate() {
    StoreVolume seen = current;
    volumeLock.writeLock().lock();
    try {
      checkOpen();
      if (current != seen && current != null) {
        return current;
      }
      int id = nextVolume++;
      StoreVolume v = StoreVolume.create(id, directory.newFile("shuffle", ".cm3"), settings);
      volumes.put(id, v);
      StoreVolume previous = current;
      current = v;
      if (previous != null && previous.liveChunks() == 0) {
        volumes.remove(previous.id());
        previous.close();
      }
      return v;
    } finally {
      volumeLock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new KindlingException("The shuffle store was closed (session stopped)");
    }
  }

  static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }
}
