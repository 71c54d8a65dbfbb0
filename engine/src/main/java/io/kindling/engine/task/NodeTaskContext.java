package io.kindling.engine.task;

import io.kindling.Tuple2;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The {@link TaskContext} of one task attempt on a node. */
final class NodeTaskContext implements TaskContext {
  private static final System.Logger LOG = System.getLogger(NodeTaskContext.class.getName());

  private final long jobId;
  private final int stageId;
  private final int partitionId;
  private final int attempt;
  private final NodeServices services;
  private final AccumulatorUpdates accumulators = new AccumulatorUpdates();
  private final List<AutoCloseable> resources = new ArrayList<>();

  NodeTaskContext(long jobId, int stageId, int partitionId, int attempt, NodeServices services) {
    this.jobId = jobId;
    this.stageId = stageId;
    this.partitionId = partitionId;
    this.attempt = attempt;
    this.services = services;
  }

  @Override
  public long jobId() {
    return jobId;
  }

  @Override
  public int stageId() {
    return stageId;
  }

  @Override
  public int partitionId() {
    return partitionId;
  }

  @Override
  public int attemptNumber() {
    return attempt;
  }

  @Override
  public <T> Iterator<T> iterator(LineageNode<T> node, int partition) throws Exception {
    return node.compute(partition, this);
  }

  @Override
  public <K, C> Iterator<Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> dependency, int reducePartition)
      throws Exception {
    return services.shuffle().read(dependency, reducePartition, this);
  }

  @Override
  public <K, V, C> Iterator<Tuple2<K, C>> combineByKey(Iterator<? extends Tuple2<K, V>> records,
      Aggregator<V, C> aggregator) throws Exception {
    return services.shuffle().combineByKey(records, aggregator, this);
  }

  @Override
  public synchronized void onTaskCompletion(AutoCloseable resource) {
    resources.add(resource);
  }

  @Override
  public AccumulatorUpdates accumulatorUpdates() {
    return accumulators;
  }

  NodeServices services() {
    return services;
  }

  /** Closes every registered resource, newest first; failures are logged, never thrown. */
  synchronized void complete() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Could not close " + resources.get(i), e);
      }
    }
    resources.clear();
  }
}
