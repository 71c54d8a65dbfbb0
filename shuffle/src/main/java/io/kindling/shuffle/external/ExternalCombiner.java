package io.kindling.shuffle.external;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Combines values by key within a memory budget. Records go into a {@link CombineMap}; when its estimated size
 * passes the budget, its entries are sorted by (partition, key hash) and spilled to a file, and the map starts
 * empty. The result merges the spilled runs with what is left in memory, folding the combiners of equal keys,
 * so it completes however many keys there are. Without spills nothing touches the disk.
 *
 * <p>Map-side combine uses the shuffle's partitioner as {@code partitionOf}, so the merged result comes out
 * grouped by reduce partition; a reduce side uses a constant partition.
 */
public final class ExternalCombiner<K, V, C> implements AutoCloseable {
  private static final int MIN_READ_BUFFER = 4 << 10;
  private static final int MAX_READ_BUFFER = 64 << 10;

  private final Merger<V, C> merger;
  private final ToIntFunction<Object> partitionOf;
  private final long budgetBytes;
  private final Supplier<Path> spillFiles;
  private final CombineMap<K, V, C> map;
  private final List<SpillFile> spills = new ArrayList<>();
  private final List<Run> openRuns = new ArrayList<>();
  private long spilledBytes;

  /**
   * @param partitionOf the partition of a key (null keys included)
   * @param budgetBytes heap bytes the in-memory map may use before it spills
   * @param spillFiles makes a new spill file path on each call
   */
  public ExternalCombiner(Merger<V, C> merger, ToIntFunction<Object> partitionOf, long budgetBytes,
      Supplier<Path> spillFiles) {
    this.merger = merger;
    this.partitionOf = partitionOf;
    this.budgetBytes = budgetBytes;
    this.spillFiles = spillFiles;
    this.map = new CombineMap<>(merger, 64);
  }

  /** Folds one record in; may spill. */
  public void insert(K key, V value) {
    map.insert(key, value);
    if (map.estimatedBytes() > budgetBytes && map.size() > 1) {
      spill();
    }
  }

  /** The number of spilled runs so far. */
  public int spillCount() {
    return spills.size();
  }

  /** Bytes written to spill files so far. */
  public long spilledBytes() {
    return spilledBytes;
  }

  private void spill() {
    CombineMap.SortedEntries<K, C> entries = map.drainSorted(partitionOf);
    try (SpillFile.Writer writer = new SpillFile.Writer(spillFiles.get())) {
      while (entries.next()) {
        writer.writeCombined(entries.sortKey(), entries.key(), entries.value());
      }
      SpillFile file = writer.finish();
      spills.add(file);
      spilledBytes += file.bytes();
    }
  }

  /**
   * Every (partition, key, combiner), each key once. Without spills the order is arbitrary; with spills it is
   * by partition, then key hash. Call once, after the last insert.
   */
  public Cursor<K, C> result() {
    if (spills.isEmpty()) {
      return map.cursor(partitionOf);
    }
    int buffer = (int) Math.max(MIN_READ_BUFFER,
        Math.min(MAX_READ_BUFFER, budgetBytes / 2 / (spills.size() + 1)));
    openRuns.add(map.drainSorted(partitionOf));
    for (SpillFile spill : spills) {
      openRuns.add(new SpilledRun(spill.open(buffer)));
    }
    return new MergingCursor<>(openRuns, merger);
  }

  /** Deletes the spill files. */
  @Override
  public void close() {
    for (Run run : openRuns) {
      run.close();
    }
    openRuns.clear();
    for (SpillFile spill : spills) {
      spill.delete();
    }
    spills.clear();
  }

  /** A spilled run read back from its file. */
  private static final class SpilledRun implements Run {
    private final SpillFile.Reader reader;
    private long sortKey;
    private Object key;
    private Object value;

    SpilledRun(SpillFile.Reader reader) {
      this.reader = reader;
    }

    @Override
    public boolean next() {
      if (!reader.hasNext()) {
        key = null;
        value = null;
        reader.close();
        return false;
      }
      sortKey = reader.readLong();
      key = reader.read();
      value = reader.read();
      reader.consumed();
      return true;
    }

    @Override
    public long sortKey() {
      return sortKey;
    }

    @Override
    public Object key() {
      return key;
    }

    @Override
    public Object value() {
      return value;
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  /**
   * Merges runs sorted by (partition, hash): takes every entry sharing the smallest sort key from all runs,
   * folds those with equal keys, and hands them out one by one.
   */
  private static final class MergingCursor<K, V, C> implements Cursor<K, C> {
    private final Merger<V, C> merger;
    private final PriorityQueue<Run> heap = new PriorityQueue<>((a, b) -> Long.compare(a.sortKey(), b.sortKey()));
    private final List<Object> groupKeys = new ArrayList<>();
    private final List<Object> groupValues = new ArrayList<>();
    private int groupPos;
    private int partition;

    MergingCursor(List<Run> runs, Merger<V, C> merger) {
      this.merger = merger;
      for (Run run : runs) {
        if (run.next()) {
          heap.add(run);
        }
      }
    }

    @Override
    public boolean next() {
      if (++groupPos < groupKeys.size()) {
        return true;
      }
      groupKeys.clear();
      groupValues.clear();
      groupPos = 0;
      if (heap.isEmpty()) {
        return false;
      }
      long sortKey = heap.peek().sortKey();
      partition = CombineMap.SortedEntries.partitionOf(sortKey);
      while (!heap.isEmpty() && heap.peek().sortKey() == sortKey) {
        Run run = heap.poll();
        boolean more;
        do {
          add(run.key(), run.value());
          more = run.next();
        } while (more && run.sortKey() == sortKey);
        if (more) {
          heap.add(run);
        }
      }
      return true;
    }

    @SuppressWarnings("unchecked")
    private void add(Object key, Object value) {
      for (int i = 0; i < groupKeys.size(); i++) {
        Object k = groupKeys.get(i);
        if (k == null ? key == null : k.equals(key)) {
          groupValues.set(i, merger.merge((C) groupValues.get(i), (C) value));
          return;
        }
      }
      groupKeys.add(key);
      groupValues.add(value);
    }

    @Override
    public int partition() {
      return partition;
    }

    @Override
    @SuppressWarnings("unchecked")
    public K key() {
      return (K) groupKeys.get(groupPos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public C value() {
      return (C) groupValues.get(groupPos);
    }
  }
}
