package io.kindling.engine.task;

import io.kindling.Tuple2;
import io.kindling.engine.plan.StagePlanner;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.engine.storage.BlockId;
import io.kindling.engine.storage.BlockManager;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.storage.StorageLevel;
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
  private final LineageNode<?> root;
  private final NodeServices services;
  private final TaskEnv env;
  private final AccumulatorUpdates accumulators = new AccumulatorUpdates();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private volatile FetchFailedException fetchFailure;

  /** {@code root}: the dataset whose partition the task computes (the stage's last one). */
  NodeTaskContext(long jobId, int stageId, int partitionId, int attempt, LineageNode<?> root,
      NodeServices services, TaskEnv env) {
    this.jobId = jobId;
    this.stageId = stageId;
    this.partitionId = partitionId;
    this.attempt = attempt;
    this.root = root;
    this.services = services;
    this.env = env;
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

  /**
   * Reads a persisted partition from the node's block store (computing and storing it when it is not there), and
   * computes any other partition through its lineage. Armed faults of the partition fire first.
   */
  @Override
  public <T> Iterator<T> iterator(LineageNode<T> node, int partition) throws Exception {
    return iterator(node, partition, false);
  }

  /**
   * The input of a shuffle-map task: as {@link #iterator(LineageNode, int)}, but a copy of the partition that a
   * task on this node kept ({@link #retainForReuse}) is read instead of computing it. Only here: the records go
   * straight to the shuffle, which serializes them anyway, so no user function sees the copies.
   */
  <T> Iterator<T> shuffleMapInput(LineageNode<T> node, int partition) throws Exception {
    return iterator(node, partition, true);
  }

  private <T> Iterator<T> iterator(LineageNode<T> node, int partition, boolean retainedCopy) throws Exception {
    services.faults().beforeCompute(node.id(), partition, env.crashActor());
    StorageLevel level = env.persisted().get(node.id());
    if (level == null || level == StorageLevel.NONE) {
      Iterator<T> retained = retainedCopy ? services.shuffle().takeRetained(node.id(), partition) : null;
      return retained != null ? retained : node.compute(partition, this);
    }
    BlockManager blocks = services.blocks();
    BlockId id = new BlockId(node.id(), partition);
    if (blocks.contains(id)) {
      services.faults().onBlockRead(id, jobId, stageId, attempt, blocks);
      Iterator<T> cached = blocks.read(id);
      if (cached != null) {
        return cached;
      }
    }
    return blocks.store(id, level, node.compute(partition, this), node, env.persisted());
  }

  /** Persisted partitions are in the block store already: only others are kept. */
  @Override
  public <T> Iterator<T> retainForReuse(int nodeId, int partition, Iterator<T> records) {
    StorageLevel level = env.persisted().get(nodeId);
    return level == null || level == StorageLevel.NONE ? services.shuffle().retain(nodeId, partition, records)
        : records;
  }

  /** Reads a shuffle's map outputs; armed and scheduled drops of those outputs fire first. */
  @Override
  public <K, C> Iterator<Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> dependency, int reducePartition)
      throws Exception {
    int shuffleId = dependency.shuffleId();
    services.faults().onShuffleRead(jobId, stageId, env.stageAttempt(), attempt, shuffleId,
        dependency.parent().numPartitions(), reducePartition,
        () -> StagePlanner.shuffleReader(root, shuffleId).id(), services.shuffle());
    try {
      return services.shuffle().read(dependency, reducePartition, this);
    } catch (FetchFailedException e) {
      // Kept, so that user code catching it can't hide the loss: the task still ends as fetch-failed.
      fetchFailure = e;
      throw e;
    }
  }

  /** The fetch failure this task met while reading a shuffle, or null. */
  FetchFailedException fetchFailure() {
    return fetchFailure;
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

  TaskEnv env() {
    return env;
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
