package io.kindling;

import java.io.Serializable;

/**
 * Decides which partition of a shuffled dataset each key goes to. Two partitioners that are {@code equals}
 * place every key alike, so datasets partitioned by them are co-partitioned and can be joined without a
 * shuffle.
 */
public abstract class Partitioner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The number of partitions keys are spread over. */
  public abstract int numPartitions();

  /** The partition of {@code key}, in {@code [0, numPartitions())}; a null key must be accepted. */
  public abstract int getPartition(Object key);
}
