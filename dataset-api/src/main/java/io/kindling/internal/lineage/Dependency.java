package io.kindling.internal.lineage;

/** How a lineage node's partitions depend on one parent's partitions. */
public sealed interface Dependency permits NarrowDependency, ShuffleDependency {

  /** The node depended on. */
  LineageNode<?> parent();
}
