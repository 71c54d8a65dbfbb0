package io.kindling.engine.plan;

import io.kindling.HashPartitioner;
import io.kindling.Tuple2;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A dataset read from one or more shuffles of its parents (a stand-in for reduceByKey or cogroup). */
final class ShuffledTestNode<K, V> extends LineageNode<Tuple2<K, V>> {
  private static final long serialVersionUID = 1L;

  private final List<Dependency> dependencies;
  private final int partitions;

  ShuffledTestNode(int id, String callSite, int partitions, int[] shuffleIds, List<LineageNode<?>> parents) {
    super(id, callSite);
    this.partitions = partitions;
    List<Dependency> deps = new ArrayList<>();
    for (int i = 0; i < parents.size(); i++) {
      deps.add(new ShuffleDependency<>(parents.get(i), shuffleIds[i], new HashPartitioner(partitions), null, false,
          null));
    }
    this.dependencies = List.copyOf(deps);
  }

  ShuffledTestNode(int id, String callSite, int partitions, int shuffleId, LineageNode<?> parent) {
    this(id, callSite, partitions, new int[] {shuffleId}, List.of(parent));
  }

  @Override
  public String kind() {
    return "ShuffledRDD";
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return dependencies;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, V>> compute(int partition, TaskContext context) throws Exception {
    return context.readShuffle((ShuffleDependency<K, ?, V>) dependencies.get(0), partition);
  }
}
