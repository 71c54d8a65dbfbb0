package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A wide dependency: every child partition reads a piece of every parent partition, so the stage planner
 * cuts the lineage here. The parent's elements are {@code Tuple2<K, V>}; map tasks write them, partitioned
 * by {@link #partitioner()} and, when {@link #aggregator()} is set and {@link #mapSideCombine()} is true,
 * pre-combined. {@link #keyOrdering()} (nullable) asks for sorted output.
 */
public record ShuffleDependency<K, V, C>(
    LineageNode<?> parent,
    int shuffleId,
    Partitioner partitioner,
    Aggregator<V, C> aggregator,
    boolean mapSideCombine,
    Comparator<K> keyOrdering)
    implements Dependency, Serializable {

  public ShuffleDependency {
    requireNonNull(parent, "parent is null");
    requireNonNull(partitioner, "partitioner is null");
    if (mapSideCombine && aggregator == null) {
      throw new IllegalArgumentException("map-side combine needs an aggregator");
    }
  }
}
