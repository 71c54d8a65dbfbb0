package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** Child partition {@code i} reads parent partition {@code i}. */
public record OneToOneDependency(LineageNode<?> parent) implements NarrowDependency, Serializable {

  public OneToOneDependency {
    requireNonNull(parent, "parent is null");
  }

  @Override
  public int[] parentPartitions(int partition) {
    return new int[] {partition};
  }
}
