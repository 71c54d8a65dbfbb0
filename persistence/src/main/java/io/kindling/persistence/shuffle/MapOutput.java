package io.kindling.persistence.shuffle;

/**
 * Where one committed map output lives: for each reduce partition, the volume of each of its chunks in order,
 * and its size in bytes.
 */
record MapOutput(int shuffleId, int mapPartition, int[][] chunkVolumes, long[] sizes) {

  int chunkCount(int reducePartition) {
    return chunkVolumes[reducePartition].length;
  }
}
