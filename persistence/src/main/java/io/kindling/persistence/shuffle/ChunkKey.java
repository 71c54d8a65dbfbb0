package io.kindling.persistence.shuffle;

/**
 * The 20-byte Chronicle Map key of one chunk: (shuffle, map partition, write, reduce partition, chunk). The write
 * number tells apart the outputs of one map partition written one after another, so removing an older one never
 * touches a newer one's chunks.
 */
final class ChunkKey {
  static final int SIZE = 20;

  private ChunkKey() {}

  static byte[] of(int shuffleId, int mapPartition, int write, int reducePartition, int chunk) {
    byte[] key = new byte[SIZE];
    putInt(key, 0, shuffleId);
    putInt(key, 4, mapPartition);
    putInt(key, 8, write);
    putInt(key, 12, reducePartition);
    putInt(key, 16, chunk);
    return key;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
