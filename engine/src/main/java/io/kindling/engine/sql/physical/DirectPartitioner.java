package io.kindling.engine.sql.physical;

import io.kindling.Partitioner;

/** For exchanges whose map side already computed each record's partition: the key is the partition. */
final class DirectPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int partitions;

  DirectPartitioner(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectPartitioner d && d.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }
}
