package io.kindling.persistence.shuffle;

/**
 * Where one committed map output lives: the store's number for the write that made it, for each reduce partition
 * the volume of each of its chunks in order, and its size in bytes.
 */
record MapOutput(int shuffleId, int mapPartition, int write, int[][] chunkVolumes, long[] sizes) {

  int chunkCount(int reducePartition) {
    return chunkVolumes[reducePartition].length;
  }
}
