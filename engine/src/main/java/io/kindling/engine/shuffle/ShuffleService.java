package io.kindling.engine.shuffle;

import io.kindling.Tuple2;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.InMemoryCombine;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.Iterator;

/** Writes and reads the map outputs of shuffles on one node. */
public interface ShuffleService extends AutoCloseable {

  /**
   * Writes map partition {@code mapPartition}'s records for {@code dependency}, partitioned (and pre-combined
   * when the dependency asks for it); returns the bytes written per reduce partition.
   */
  long[] write(ShuffleDependency<?, ?, ?> dependency, int mapPartition, Iterator<? extends Tuple2<?, ?>> records,
      TaskContext context) throws Exception;

  /**
   * The records of reduce partition {@code reducePartition}, combined when the dependency has an aggregator.
   * Fails with {@link FetchFailedException}, naming every missing one, when map outputs it needs are missing.
   */
  <K, C> Iterator<Tuple2<K, C>> read(ShuffleDependency<K, ?, C> dependency, int reducePartition,
      TaskContext context) throws Exception;

  /**
   * Every key of {@code records} once, with its values folded by {@code aggregator}, within the node's memory
   * budget (spilling when the service can). The default keeps everything on the heap.
   */
  default <K, V, C> Iterator<Tuple2<K, C>> combineByKey(Iterator<? extends Tuple2<K, V>> records,
      Aggregator<V, C> aggregator, TaskContext context) throws Exception {
    return InMemoryCombine.combine(records, aggregator);
  }

  /**
   * {@code records} (partition {@code partition} of lineage node {@code nodeId}) unchanged; the service may keep a
   * copy as they are read, which {@link #takeRetained} then returns once, so that the next shuffle-map task over
   * that partition on this node need not compute it again. The default keeps nothing.
   */
  default <T> Iterator<T> retain(int nodeId, int partition, Iterator<T> records) {
    return records;
  }

  /** The copy {@link #retain} kept of {@code partition} of lineage node {@code nodeId}, handed out once; or null. */
  default <T> Iterator<T> takeRetained(int nodeId, int partition) {
    return null;
  }

  /** The map partitions {@code 0 .. numMaps-1} of {@code shuffleId} whose output is not here, ascending. */
  int[] missingMapOutputs(int shuffleId, int numMaps);

  /** True when every map output of {@code shuffleId} ({@code numMaps} of them) is present. */
  default boolean isComplete(int shuffleId, int numMaps) {
    return missingMapOutputs(shuffleId, numMaps).length == 0;
  }

  /** Removes the output of one map partition (a lost output, or an injected fault); false when it was not here. */
  boolean dropMapOutput(int shuffleId, int mapPartition);

  /** Forgets a shuffle's outputs. */
  void remove(int shuffleId);

  @Override
  void close();

  /** A service for runtimes that don't support shuffles: every call fails clearly. */
  static ShuffleService unsupported() {
    return new ShuffleService() {
      @Override
      public long[] write(ShuffleDependency<?, ?, ?> dependency, int mapPartition,
          Iterator<? extends Tuple2<?, ?>> records, TaskContext context) {
        throw new UnsupportedOperationException("shuffles are not available in this runtime");
      }

      @Override
      public <K, C> Iterator<Tuple2<K, C>> read(ShuffleDependency<K, ?, C> dependency, int reducePartition,
          TaskContext context) {
        throw new UnsupportedOperationException("shuffles are not available in this runtime");
      }

      @Override
      public int[] missingMapOutputs(int shuffleId, int numMaps) {
        return java.util.stream.IntStream.range(0, numMaps).toArray();
      }

      @Override
      public boolean dropMapOutput(int shuffleId, int mapPartition) {
        return false;
      }

      @Override
      public void remove(int shuffleId) {}

      @Override
      public void close() {}
    };
  }
}
