package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** Each child partition reads a fixed group of parent partitions (coalesce without shuffle). */
public record GroupDependency(LineageNode<?> parent, int[][] groups) implements NarrowDependency, Serializable {

  public GroupDependency {
    requireNonNull(parent, "parent is null");
    requireNonNull(groups, "groups is null");
  }

  @Override
  public int[] parentPartitions(int partition) {
    return groups[partition].clone();
  }
}
