package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import io.kindling.Tuple2;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The output of a shuffle ({@code reduceByKey}, {@code groupByKey}, {@code partitionBy}, {@code sortByKey}, …):
 * partition {@code i} is reduce partition {@code i} of its {@link ShuffleDependency}, read from the map outputs
 * (combined when the dependency has an aggregator, sorted when it has a key ordering). Partitioned by the
 * dependency's partitioner, so a later by-key operation with an equal partitioner needs no shuffle.
 */
public final class ShuffledNode<K, V, C> extends LineageNode<Tuple2<K, C>> {
  private static final long serialVersionUID = 1L;

  private final ShuffleDependency<K, V, C> dependency;

  public ShuffledNode(int id, String callSite, ShuffleDependency<K, V, C> dependency) {
    super(id, callSite);
    this.dependency = requireNonNull(dependency, "dependency is null");
  }

  public ShuffleDependency<K, V, C> shuffleDependency() {
    return dependency;
  }

  @Override
  public String kind() {
    return "ShuffledRDD";
  }

  @Override
  public int numPartitions() {
    return dependency.partitioner().numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(dependency);
  }

  @Override
  public Iterator<Tuple2<K, C>> compute(int partition, TaskContext context) throws Exception {
    return context.readShuffle(dependency, partition);
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(dependency.partitioner());
  }
}
