package io.kindling.engine.shuffle;

import io.kindling.Tuple2;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A node's map outputs as a set of map partitions (of whatever shuffle is asked about): reads find no records,
 * or fail as a fetch failure naming the missing outputs. Nothing can be written.
 */
public final class TestingShuffleService implements ShuffleService {
  public final Set<Integer> present = ConcurrentHashMap.newKeySet();

  @Override
  public long[] write(ShuffleDependency<?, ?, ?> dependency, int mapPartition,
      Iterator<? extends Tuple2<?, ?>> records, TaskContext context) {
    throw new UnsupportedOperationException("a testing shuffle service holds no records");
  }

  @Override
  public <K, C> Iterator<Tuple2<K, C>> read(ShuffleDependency<K, ?, C> dependency, int reducePartition,
      TaskContext context) {
    int[] missing = missingMapOutputs(dependency.shuffleId(), dependency.parent().numPartitions());
    if (missing.length > 0) {
      throw new FetchFailedException(dependency.shuffleId(), missing, reducePartition);
    }
    return Collections.emptyIterator();
  }

  @Override
  public int[] missingMapOutputs(int shuffleId, int numMaps) {
    return IntStream.range(0, numMaps).filter(m -> !present.contains(m)).toArray();
  }

  @Override
  public boolean dropMapOutput(int shuffleId, int mapPartition) {
    return present.remove(mapPartition);
  }

  @Override
  public void remove(int shuffleId) {
    present.clear();
  }

  @Override
  public void close() {}
}
