package io.kindling.shuffle;

import io.kindling.Tuple2;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.internal.lineage.AccumulatorUpdates;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A task context for running shuffle writes and reads without a runtime; closes resources on {@link #finish}. */
final class TestingTaskContext implements TaskContext {
  private final ShuffleService shuffle;
  private final int partition;
  private final List<AutoCloseable> resources = new ArrayList<>();

  TestingTaskContext(ShuffleService shuffle, int partition) {
    this.shuffle = shuffle;
    this.partition = partition;
  }

  @Override
  public long jobId() {
    return 1;
  }

  @Override
  public int stageId() {
    return 0;
  }

  @Override
  public int partitionId() {
    return partition;
  }

  @Override
  public int attemptNumber() {
    return 0;
  }

  @Override
  public <T> Iterator<T> iterator(LineageNode<T> node, int p) throws Exception {
    return node.compute(p, this);
  }

  @Override
  public <K, C> Iterator<Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> dependency, int reducePartition)
      throws Exception {
    return shuffle.read(dependency, reducePartition, this);
  }

  @Override
  public void onTaskCompletion(AutoCloseable resource) {
    resources.add(resource);
  }

  @Override
  public AccumulatorUpdates accumulatorUpdates() {
    return new AccumulatorUpdates();
  }

  void finish() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
    resources.clear();
  }
}
