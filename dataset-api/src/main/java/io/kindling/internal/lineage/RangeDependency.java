package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** Child partitions {@code [outStart, outStart + length)} are parent partitions {@code [inStart, …)} (union). */
public record RangeDependency(LineageNode<?> parent, int inStart, int outStart, int length)
    implements NarrowDependency, Serializable {

  public RangeDependency {
    requireNonNull(parent, "parent is null");
  }

  @Override
  public int[] parentPartitions(int partition) {
    if (partition >= outStart && partition < outStart + length) {
      return new int[] {partition - outStart + inStart};
    }
    return new int[0];
  }
}
