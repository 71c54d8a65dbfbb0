package io.kindling.persistence.shuffle;

import java.io.InputStream;

/** The chunks of one (map, reduce) block read in order as one stream, one chunk on heap at a time. */
final class ChunkInputStream extends InputStream {
  private final ShuffleStore store;
  private final int shuffleId;
  private final int mapPartition;
  private final int write;
  private final int reducePartition;
  private final int[] volumes;
  private int nextChunk;
  private byte[] chunk;
  private int position;

  ChunkInputStream(ShuffleStore store, int shuffleId, int mapPartition, int write, int reducePartition,
      int[] volumes) {
    this.store = store;
    this.shuffleId = shuffleId;
    this.mapPartition = mapPartition;
    this.write = write;
    this.reducePartition = reducePartition;
    this.volumes = volumes;
  }

  private boolean ensureData() {
    while (chunk == null || position == chunk.length) {
      if (nextChunk >= volumes.length) {
        return false;
      }
      byte[] key = ChunkKey.of(shuffleId, mapPartition, write, reducePartition, nextChunk);
      byte[] got = store.getChunk(volumes[nextChunk], key);
      if (got == null) {
        throw new MissingShuffleOutputException(shuffleId, mapPartition);
      }
      chunk = got;
      position = 0;
      nextChunk++;
    }
    return true;
  }

  @Override
  public int read() {
    return ensureData() ? chunk[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (!ensureData()) {
      return -1;
    }
    int n = Math.min(len, chunk.length - position);
    System.arraycopy(chunk, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return chunk == null ? 0 : chunk.length - position;
  }
}
