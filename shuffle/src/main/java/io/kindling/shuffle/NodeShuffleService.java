package io.kindling.shuffle;

import static java.util.Objects.requireNonNull;

import io.kindling.KindlingException;
import io.kindling.Partitioner;
import io.kindling.Tuple2;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.engine.shuffle.ShuffleService;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.persistence.WorkDirectory;
import io.kindling.persistence.shuffle.MapOutputWriter;
import io.kindling.persistence.shuffle.MissingShuffleOutputException;
import io.kindling.persistence.shuffle.ShuffleStore;
import io.kindling.shuffle.external.Cursor;
import io.kindling.shuffle.external.ExternalCombiner;
import io.kindling.shuffle.external.ExternalSorter;
import io.kindling.shuffle.external.Merger;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * A node's shuffle service: map tasks write their partitioned (and, when asked, pre-combined) output into the
 * node's {@link ShuffleStore}, reduce tasks read it back, combined or sorted within the memory budget.
 *
 * <p>Creating the service costs nothing: the work directory, the Chronicle Map store and Kryo are made on the
 * first shuffle write, never on session start-up.
 */
public final class NodeShuffleService implements ShuffleService {
  private final ShuffleSettings settings;
  private final WorkDirectory workDirectory;
  private final Supplier<Path> spillFiles;
  private final NodeEvents events;
  private final AtomicLong bytesWritten = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final RemoteMapOutputs remote;
  private final RetainedPartitions retained;
  private volatile ShuffleStore store;
  private volatile boolean closed;

  public NodeShuffleService(ShuffleSettings settings, String nodeName) {
    this(settings, nodeName, NodeEvents.NONE);
  }

  /** A service that reports the bytes it writes and reads to {@code events}. */
  public NodeShuffleService(ShuffleSettings settings, String nodeName, NodeEvents events) {
    this(settings, nodeName, events, null);
  }

  /**
   * A node's shuffle service whose reduce tasks also read the map outputs other nodes wrote, through
   * {@code remote} (cluster mode); null reads only this node's store.
   */
  public NodeShuffleService(ShuffleSettings settings, String nodeName, NodeEvents events, RemoteMapOutputs remote) {
    this.remote = remote;
    this.settings = requireNonNull(settings, "settings is null");
    this.workDirectory = new WorkDirectory(settings.localDir(), requireNonNull(nodeName, "nodeName is null"));
    this.spillFiles = () -> workDirectory.newFile("spill", ".kryo");
    this.events = requireNonNull(events, "events is null");
    this.retained = new RetainedPartitions(settings.memoryBudgetBytes());
  }

  public ShuffleSettings settings() {
    return settings;
  }

  private ShuffleStore store() {
    ShuffleStore s = store;
    if (s == null) {
      synchronized (this) {
        if (closed) {
          throw new KindlingException("The shuffle service was closed (session stopped)");
        }
        s = store;
        if (s == null) {
          s = new ShuffleStore(workDirectory, settings.store());
          store = s;
        }
      }
    }
    return s;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public long[] write(ShuffleDependency<?, ?, ?> dependency, int mapPartition,
      Iterator<? extends Tuple2<?, ?>> records, TaskContext context) throws Exception {
    Partitioner partitioner = dependency.partitioner();
    int reducers = partitioner.numPartitions();
    MapOutputWriter out = store().newMapOutput(dependency.shuffleId(), mapPartition, reducers);
    try {
      PartitionedBlockWriter blocks = new PartitionedBlockWriter(out, settings.chunkBytes(),
          settings.memoryBudgetBytes() / 4);
      if (dependency.mapSideCombine()) {
        ToIntFunction<Object> partitionOf = reducers == 1 ? k -> 0
            : k -> PartitionedBlockWriter.partitionOf(partitioner, k, reducers);
        try (ExternalCombiner<Object, Object, Object> combiner = new ExternalCombiner<>(
            Mergers.ofValues((Aggregator<Object, Object>) dependency.aggregator()), partitionOf,
            settings.memoryBudgetBytes(), spillFiles)) {
          while (records.hasNext()) {
            Tuple2<?, ?> t = records.next();
            combiner.insert(t._1(), t._2());
          }
          Cursor<Object, Object> cursor = combiner.result();
          while (cursor.next()) {
            blocks.write(cursor.partition(), cursor.key(), cursor.value());
          }
        }
      } else if (reducers == 1) {
        while (records.hasNext()) {
          Tuple2<?, ?> t = records.next();
          blocks.write(0, t._1(), t._2());
        }
      } else {
        while (records.hasNext()) {
          Tuple2<?, ?> t = records.next();
          blocks.write(PartitionedBlockWriter.partitionOf(partitioner, t._1(), reducers), t._1(), t._2());
        }
      }
      blocks.flushAll();
      long[] sizes = out.commit();
      long total = Arrays.stream(sizes).sum();
      bytesWritten.addAndGet(total);
      events.shuffleBytesWritten(total);
      return sizes;
    } catch (Exception | Error e) {
      out.abort();
      throw e;
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <K, C> Iterator<Tuple2<K, C>> read(ShuffleDependency<K, ?, C> dependency, int reducePartition,
      TaskContext context) throws Exception {
    int numMaps = dependency.parent().numPartitions();
    Iterator<Tuple2<K, C>> records;
    if (numMaps == 0) {
      records = Collections.emptyIterator();
    } else {
      ShuffleStore s = store();
      int shuffleId = dependency.shuffleId();
      if (remote != null) {
        return combineAndSort(dependency, mixedRead(s, shuffleId, numMaps, reducePartition, context), context);
      }
      int[] missing = s.missing(shuffleId, numMaps);
      if (missing.length > 0) {
        throw new FetchFailedException(shuffleId, missing, reducePartition);
      }
      long bytes = 0;
      try {
        for (int m = 0; m < numMaps; m++) {
          bytes += s.sizes(shuffleId, m)[reducePartition];
        }
      } catch (MissingShuffleOutputException e) {
        throw lostWhileReading(s, shuffleId, numMaps, reducePartition, e);
      }
      bytesRead.addAndGet(bytes);
      events.shuffleBytesRead(bytes);
      records = new BlockRecordIterator<>(s, shuffleId, numMaps, reducePartition);
    }
    return combineAndSort(dependency, records, context);
  }

  /**
   * The records of a reduce partition in cluster mode: this node's own map outputs from its store, the others
   * fetched from the nodes that wrote them.
   */
  private <K, C> Iterator<Tuple2<K, C>> mixedRead(ShuffleStore s, int shuffleId, int numMaps, int reducePartition,
      TaskContext context) throws Exception {
    List<Integer> elsewhere = new ArrayList<>();
    for (int m = 0; m < numMaps; m++) {
      if (!s.hasMapOutput(shuffleId, m)) {
        elsewhere.add(m);
      }
    }
    Map<Integer, RemoteMapOutputs.RemoteBlock> fetched = elsewhere.isEmpty() ? Map.of()
        : remote.locate(shuffleId, reducePartition, elsewhere.stream().mapToInt(Integer::intValue).toArray(),
            context);
    List<BlockRecordIterator.Block> blocks = new ArrayList<>(numMaps);
    long bytes = 0;
    try {
      for (int m = 0; m < numMaps; m++) {
        RemoteMapOutputs.RemoteBlock r = fetched.get(m);
        BlockRecordIterator.Block block = r != null ? new BlockRecordIterator.Block(r.size(), r.open())
            : BlockRecordIterator.local(s, shuffleId, m, reducePartition, s.sizes(shuffleId, m)[reducePartition]);
        bytes += block.size();
        blocks.add(block);
      }
    } catch (MissingShuffleOutputException e) {
      throw lostWhileReading(s, shuffleId, numMaps, reducePartition, e);
    }
    bytesRead.addAndGet(bytes);
    events.shuffleBytesRead(bytes);
    return new BlockRecordIterator<>(blocks,
        e -> lostWhileReading(s, shuffleId, numMaps, reducePartition, e));
  }

  /** Combines (when the dependency has an aggregator) and sorts (when it has an ordering) a reduce input. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private <K, C> Iterator<Tuple2<K, C>> combineAndSort(ShuffleDependency<K, ?, C> dependency,
      Iterator<Tuple2<K, C>> input, TaskContext context) throws Exception {
    Iterator<Tuple2<K, C>> records = input;
    Aggregator<?, C> aggregator = dependency.aggregator();
    if (aggregator != null) {
      ExternalCombiner<K, Object, C> combiner = new ExternalCombiner<>(
          dependency.mapSideCombine() ? (Merger) Mergers.ofCombiners(aggregator)
              : (Merger) Mergers.ofValues(aggregator),
          k -> 0, settings.memoryBudgetBytes(), spillFiles);
      context.onTaskCompletion(combiner);
      while (records.hasNext()) {
        Tuple2<K, ?> t = (Tuple2<K, ?>) (Tuple2) records.next();
        combiner.insert(t._1(), t._2());
      }
      records = new CursorIterator<>(combiner.result());
    }
    Comparator<K> ordering = dependency.keyOrdering();
    if (ordering != null) {
      ExternalSorter<K, C> sorter = new ExternalSorter<>(ordering, settings.memoryBudgetBytes(), spillFiles);
      context.onTaskCompletion(sorter);
      if (records instanceof BlockRecordIterator<K, C> blocks) {
        blocks.drainInto(sorter);
      } else {
        while (records.hasNext()) {
          sorter.insert(records.next());
        }
      }
      records = sorter.sorted();
    }
    return records;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V, C> Iterator<Tuple2<K, C>> combineByKey(Iterator<? extends Tuple2<K, V>> records,
      Aggregator<V, C> aggregator, TaskContext context) {
    ExternalCombiner<K, V, C> combiner = new ExternalCombiner<>(Mergers.ofValues(aggregator), k -> 0,
        settings.memoryBudgetBytes(), spillFiles);
    context.onTaskCompletion(combiner);
    while (records.hasNext()) {
      Tuple2<K, V> t = records.next();
      combiner.insert(t._1(), t._2());
    }
    return new CursorIterator<>(combiner.result());
  }

  /** Keeps a copy within one task's memory budget (in all, for the node); see {@link RetainedPartitions}. */
  @Override
  public <T> Iterator<T> retain(int nodeId, int partition, Iterator<T> records) {
    return closed ? records : retained.retain(nodeId, partition, records);
  }

  @Override
  public <T> Iterator<T> takeRetained(int nodeId, int partition) {
    return retained.take(nodeId, partition);
  }

  @Override
  public int[] missingMapOutputs(int shuffleId, int numMaps) {
    ShuffleStore s = store;
    return s == null ? IntStream.range(0, numMaps).toArray() : s.missing(shuffleId, numMaps);
  }

  @Override
  public boolean dropMapOutput(int shuffleId, int mapPartition) {
    ShuffleStore s = store;
    return s != null && s.removeMapOutput(shuffleId, mapPartition);
  }

  /**
   * The bytes map partition {@code mapPartition} of {@code shuffleId} wrote on this node for
   * {@code reducePartition} (served to other nodes' reduce tasks); fails when that output is not here.
   */
  public InputStream openBlock(int shuffleId, int mapPartition, int reducePartition) {
    ShuffleStore s = store;
    if (s == null || !s.hasMapOutput(shuffleId, mapPartition)) {
      throw new FetchFailedException(shuffleId, mapPartition, "it is not on this node");
    }
    return s.openBlock(shuffleId, mapPartition, reducePartition);
  }

  /** The size of what {@link #openBlock} returns, or -1 when that output is not here. */
  public long blockSize(int shuffleId, int mapPartition, int reducePartition) {
    ShuffleStore s = store;
    if (s == null || !s.hasMapOutput(shuffleId, mapPartition)) {
      return -1;
    }
    return s.sizes(shuffleId, mapPartition)[reducePartition];
  }

  /** One map output on this node: its shuffle, map partition and bytes per reduce partition. */
  public record MapOutputInfo(int shuffleId, int mapPartition, long[] sizes) {}

  /** Every map output committed on this node (a node leaving the cluster hands them over). */
  public List<MapOutputInfo> mapOutputs() {
    ShuffleStore s = store;
    List<MapOutputInfo> infos = new ArrayList<>();
    if (s != null) {
      for (int shuffleId : s.shuffleIds()) {
        for (int m : s.mapPartitions(shuffleId)) {
          infos.add(new MapOutputInfo(shuffleId, m, s.sizes(shuffleId, m)));
        }
      }
    }
    return infos;
  }

  /**
   * Stores a map output another node wrote: {@code numReducers} blocks, block {@code r} read from
   * {@code blocks.apply(r)}; returns the bytes per reduce partition. Nothing is visible until all are copied.
   */
  public long[] importMapOutput(int shuffleId, int mapPartition, int numReducers,
      java.util.function.IntFunction<InputStream> blocks) throws java.io.IOException {
    MapOutputWriter out = store().newMapOutput(shuffleId, mapPartition, numReducers);
    try {
      byte[] buffer = new byte[64 << 10];
      for (int r = 0; r < numReducers; r++) {
        try (InputStream in = blocks.apply(r)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            out.append(r, buffer, 0, n);
          }
        }
      }
      return out.commit();
    } catch (java.io.IOException | RuntimeException | Error e) {
      out.abort();
      throw e;
    }
  }

  /** A map output went missing after the read started: names every output missing now. */
  static FetchFailedException lostWhileReading(ShuffleStore store, int shuffleId, int numMaps,
      int reducePartition, MissingShuffleOutputException e) {
    int[] missing = store.missing(shuffleId, numMaps);
    FetchFailedException failure = new FetchFailedException(shuffleId,
        missing.length > 0 ? missing : new int[] {e.mapPartition()}, reducePartition);
    failure.initCause(e);
    return failure;
  }

  @Override
  public void remove(int shuffleId) {
    ShuffleStore s = store;
    if (s != null) {
      s.removeShuffle(shuffleId);
    }
  }

  /** The shuffles with outputs on this node (for tests and metrics). */
  public Set<Integer> shuffleIds() {
    ShuffleStore s = store;
    return s == null ? Set.of() : s.shuffleIds();
  }

  /** Serialized bytes of map output committed on this node since it started. */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  /** Serialized bytes of map output read by reduce tasks on this node since it started. */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** The node's work directory (made on the first shuffle). */
  public WorkDirectory workDirectory() {
    return workDirectory;
  }

  /** Closes the store and deletes the work directory with everything in it; idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    retained.clear();
    try {
      ShuffleStore s = store;
      if (s != null) {
        s.close();
      }
    } finally {
      store = null;
      workDirectory.close();
    }
  }

  /** A combiner's result as pairs. */
  private static final class CursorIterator<K, C> implements Iterator<Tuple2<K, C>> {
    private final Cursor<K, C> cursor;
    private boolean ready;
    private boolean done;

    CursorIterator(Cursor<K, C> cursor) {
      this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
      if (!ready && !done) {
        ready = cursor.next();
        done = !ready;
      }
      return ready;
    }

    @Override
    public Tuple2<K, C> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = false;
      return Tuple2.of(cursor.key(), cursor.value());
    }
  }
}
