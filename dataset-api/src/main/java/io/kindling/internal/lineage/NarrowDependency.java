package io.kindling.internal.lineage;

/**
 * Each child partition reads a known, small set of parent partitions: computed in the same task, pipelined.
 */
public non-sealed interface NarrowDependency extends Dependency {

  /** The parent partitions that child partition {@code partition} reads. */
  int[] parentPartitions(int partition);
}
