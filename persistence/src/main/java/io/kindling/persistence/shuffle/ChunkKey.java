package io.kindling.persistence.shuffle;

/** The 16-byte Chronicle Map key of one chunk: (shuffle, map partition, reduce partition, chunk). */
final class ChunkKey {
  static final int SIZE = 16;

  private ChunkKey() {}

  static byte[] of(int shuffleId, int mapPartition, int reducePartition, int chunk) {
    byte[] key = new byte[SIZE];
    putInt(key, 0, shuffleId);
    putInt(key, 4, mapPartition);
    putInt(key, 8, reducePartition);
    putInt(key, 12, chunk);
    return key;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
