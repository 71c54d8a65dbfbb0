package io.kindling.internal.lineage;

import java.util.Iterator;

/**
 * What a running task can ask of the node that runs it. Implemented by the engine; lineage nodes use it to
 * read their parents (through the cache when a parent is persisted) and their shuffle inputs.
 */
public interface TaskContext {

  /** The job this task belongs to. */
  long jobId();

  /** The stage this task belongs to. */
  int stageId();

  /** The partition being computed (of the stage's final node). */
  int partitionId();

  /** 0 for the first attempt, 1 for the first retry, and so on. */
  int attemptNumber();

  /**
   * The elements of {@code partition} of {@code node}: read from the node's block store when the node is
   * persisted and the block is there, otherwise computed (and stored, when persisted).
   */
  <T> Iterator<T> iterator(LineageNode<T> node, int partition) throws Exception;

  /** Shuffle output for reduce partition {@code reducePartition} of {@code dependency}: the combined pairs. */
  <K, C> Iterator<io.kindling.Tuple2<K, C>> readShuffle(ShuffleDependency<K, ?, C> dependency, int reducePartition)
      throws Exception;

  /**
   * Every key of {@code records} once, with its values folded by {@code aggregator}: combining in place within
   * the node's memory budget, spilling to disk when it must ({@code cogroup}, co-partitioned {@code reduceByKey}).
   * The default keeps everything on the heap.
   */
  default <K, V, C> Iterator<io.kindling.Tuple2<K, C>> combineByKey(
      Iterator<? extends io.kindling.Tuple2<K, V>> records, Aggregator<V, C> aggregator) throws Exception {
    return InMemoryCombine.combine(records, aggregator);
  }

  /**
   * {@code records}, the elements of {@code partition} of lineage node {@code nodeId}, unchanged; the node may keep
   * a copy as they are read (when they are read to the end), so that the next shuffle-map task over that partition
   * on this node writes the copy to its shuffle instead of computing the partition again, as the shuffle after
   * {@code sortByKey}'s sampling job does. The default keeps nothing.
   */
  default <T> Iterator<T> retainForReuse(int nodeId, int partition, Iterator<T> records) {
    return records;
  }

  /**
   * Closes {@code resource} when the task ends, however it ends (a task may stop reading an input early, as
   * {@code take} does).
   */
  void onTaskCompletion(AutoCloseable resource);

  /** This task's accumulator updates, reported back to the driver when the task succeeds. */
  AccumulatorUpdates accumulatorUpdates();

  /** The context of the task running on this thread, or null outside a task. */
  static TaskContext get() {
    return TaskContextHolder.CURRENT.get();
  }
}
