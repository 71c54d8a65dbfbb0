package io.kindling;

/**
 * Places a key by its {@code hashCode()} modulo the partition count (non-negative), as Spark's
 * HashPartitioner does; null keys go to partition 0.
 */
public final class HashPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int partitions;

  public HashPartitioner(int partitions) {
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "Number of partitions (" + partitions + ") cannot be negative.");
    }
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    if (key == null) {
      return 0;
    }
    int mod = key.hashCode() % partitions;
    return mod < 0 ? mod + partitions : mod;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashPartitioner h && h.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }

  @Override
  public String toString() {
    return "HashPartitioner(" + partitions + ")";
  }
}
