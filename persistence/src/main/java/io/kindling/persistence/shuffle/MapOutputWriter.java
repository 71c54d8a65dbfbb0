package io.kindling.persistence.shuffle;

/**
 * Writes one map output into a {@link ShuffleStore}: bytes for each reduce partition, appended in pieces and
 * stored as chunks of at most {@code maxChunkBytes}. Readers see the output only after {@link #commit()};
 * {@link #abort()} (or closing without commit) removes what was written. One thread uses a writer.
 */
public final class MapOutputWriter implements AutoCloseable {
  private final ShuffleStore store;
  private final int shuffleId;
  private final int mapPartition;
  private final int write;
  private final int maxChunk;
  private final int[][] chunkVolumes;
  private final long[] sizes;
  private boolean finished;

  MapOutputWriter(ShuffleStore store, int shuffleId, int mapPartition, int write, int numReducers) {
    this.store = store;
    this.shuffleId = shuffleId;
    this.mapPartition = mapPartition;
    this.write = write;
    this.maxChunk = store.settings().maxChunkBytes();
    this.chunkVolumes = new int[numReducers][];
    for (int r = 0; r < numReducers; r++) {
      chunkVolumes[r] = new int[0];
    }
    this.sizes = new long[numReducers];
  }

  public int numReducers() {
    return sizes.length;
  }

  /** Appends {@code length} bytes to reduce partition {@code reducePartition}'s block, as one or more chunks. */
  public void append(int reducePartition, byte[] data, int offset, int length) {
    if (finished) {
      throw new IllegalStateException("map output already committed or aborted");
    }
    int at = offset;
    int left = length;
    while (left > 0) {
      int n = Math.min(left, maxChunk);
      int chunk = chunkVolumes[reducePartition].length;
      byte[] key = ChunkKey.of(shuffleId, mapPartition, write, reducePartition, chunk);
      int volume = store.putChunk(key, data, at, n);
      chunkVolumes[reducePartition] = ShuffleStore.append(chunkVolumes[reducePartition], volume);
      at += n;
      left -= n;
    }
    sizes[reducePartition] += length;
  }

  /** Bytes appended so far for each reduce partition. */
  public long[] sizes() {
    return sizes.clone();
  }

  /** Makes the output visible to readers; returns the bytes written per reduce partition. */
  public long[] commit() {
    if (finished) {
      throw new IllegalStateException("map output already committed or aborted");
    }
    finished = true;
    store.commit(new MapOutput(shuffleId, mapPartition, write, chunkVolumes, sizes.clone()));
    return sizes.clone();
  }

  /** Removes every chunk written; nothing was committed. Idempotent. */
  public void abort() {
    if (!finished) {
      finished = true;
      store.removeChunks(shuffleId, mapPartition, write, chunkVolumes);
    }
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    abort();
  }
}
