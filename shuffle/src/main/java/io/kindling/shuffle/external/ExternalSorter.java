package io.kindling.shuffle.external;

import io.kindling.Tuple2;
import io.kindling.engine.memory.SizeEstimator;
import io.kindling.internal.NaturalOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Sorts records by key within a memory budget: records are buffered on heap; when the buffer's estimated size
 * passes the budget it is sorted and spilled to a file as a run. The result merges the runs (and what is left
 * in memory) with a heap, so it completes however many records there are. Without spills nothing touches the
 * disk. Records with equal keys keep no particular order.
 */
public final class ExternalSorter<K, V> implements AutoCloseable {
  private static final int MIN_READ_BUFFER = 4 << 10;
  private static final int MAX_READ_BUFFER = 64 << 10;
  private static final int SAMPLE_RECORDS = 32;

  private final Comparator<Tuple2<K, V>> byKey;
  private final long budgetBytes;
  private final Supplier<Path> spillFiles;
  private final SizeTracker tracker = new SizeTracker();
  private final SplittableRandom random = new SplittableRandom(23);
  private final List<SpillFile> spills = new ArrayList<>();
  private final List<SpillFile.Reader> readers = new ArrayList<>();
  private final int naturalDirection;
  private Object[] buffer = new Object[1024];
  private int count;
  private KeyKind keyKind = KeyKind.NONE;
  private long spilledBytes;

  public ExternalSorter(Comparator<? super K> ordering, long budgetBytes, Supplier<Path> spillFiles) {
    this.byKey = (a, b) -> ordering.compare(a._1(), b._1());
    this.naturalDirection = ordering == NaturalOrder.ASCENDING ? 1 : ordering == NaturalOrder.DESCENDING ? -1 : 0;
    this.budgetBytes = budgetBytes;
    this.spillFiles = spillFiles;
  }

  public void insert(Tuple2<K, V> record) {
    if (keyKind != KeyKind.OTHER) {
      keyKind = keyKind.with(record._1(), count == 0);
    }
    if (count == buffer.length) {
      buffer = Arrays.copyOf(buffer, count * 2);
    }
    buffer[count++] = record;
    if (tracker.update()) {
      tracker.sampled(measure());
    }
    if (tracker.estimate() > budgetBytes && count > 1) {
      spill();
    }
  }

  public int spillCount() {
    return spills.size();
  }

  public long spilledBytes() {
    return spilledBytes;
  }

  private long measure() {
    long sampled = 0;
    int n = Math.min(count, SAMPLE_RECORDS);
    for (int i = 0; i < n; i++) {
      sampled += SizeEstimator.estimate(buffer[count <= SAMPLE_RECORDS ? i : random.nextInt(count)]);
    }
    return SizeEstimator.referenceArray(buffer.length) + (n == 0 ? 0 : sampled * count / n);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void sortBuffer() {
    if (naturalDirection != 0 && keyKind.isPrimitive() && count > 1) {
      sortPrimitiveKeys();
    } else {
      Arrays.sort(buffer, 0, count, (Comparator) byKey);
    }
  }

  /**
   * Natural order of long, int or double keys: sorts the keys as a primitive array with the record indexes
   * beside them, then permutes the records. Several times faster than comparing boxed keys.
   */
  @SuppressWarnings("unchecked")
  private void sortPrimitiveKeys() {
    long[] keys = new long[count];
    int[] index = new int[count];
    for (int i = 0; i < count; i++) {
      keys[i] = keyKind.sortable(((Tuple2<K, V>) buffer[i])._1());
      index[i] = i;
    }
    IndexSort.sort(keys, index, 0, count);
    Object[] sorted = new Object[buffer.length];
    for (int i = 0; i < count; i++) {
      sorted[i] = buffer[index[naturalDirection > 0 ? i : count - 1 - i]];
    }
    buffer = sorted;
  }

  /** The class of every key so far, when they are all boxed primitives of one kind. */
  private enum KeyKind {
    NONE, LONG, INT, DOUBLE, OTHER;

    KeyKind with(Object key, boolean first) {
      KeyKind k = key instanceof Long ? LONG : key instanceof Integer ? INT : key instanceof Double ? DOUBLE : OTHER;
      return first || k == this ? k : OTHER;
    }

    boolean isPrimitive() {
      return this == LONG || this == INT || this == DOUBLE;
    }

    /** A long whose signed order is the key's natural order. */
    long sortable(Object key) {
      if (this == DOUBLE) {
        long bits = Double.doubleToLongBits((Double) key);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
      }
      return ((Number) key).longValue();
    }
  }

  @SuppressWarnings("unchecked")
  private void spill() {
    sortBuffer();
    try (SpillFile.Writer writer = new SpillFile.Writer(spillFiles.get())) {
      for (int i = 0; i < count; i++) {
        Tuple2<K, V> t = (Tuple2<K, V>) buffer[i];
        writer.writePair(t._1(), t._2());
      }
      SpillFile file = writer.finish();
      spills.add(file);
      spilledBytes += file.bytes();
    }
    buffer = new Object[1024];
    count = 0;
    keyKind = KeyKind.NONE;
    tracker.reset();
  }

  /** The records in key order. Call once, after the last insert. */
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, V>> sorted() {
    sortBuffer();
    Object[] memory = buffer;
    int memoryCount = count;
    buffer = null;
    if (spills.isEmpty()) {
      return new Iterator<>() {
        private int pos;

        @Override
        public boolean hasNext() {
          return pos < memoryCount;
        }

        @Override
        public Tuple2<K, V> next() {
          if (pos >= memoryCount) {
            throw new NoSuchElementException();
          }
          Tuple2<K, V> t = (Tuple2<K, V>) memory[pos];
          memory[pos++] = null;
          return t;
        }
      };
    }
    int bufferBytes = (int) Math.max(MIN_READ_BUFFER,
        Math.min(MAX_READ_BUFFER, budgetBytes / 2 / (spills.size() + 1)));
    List<Source<K, V>> sources = new ArrayList<>();
    sources.add(new MemorySource<>(memory, memoryCount, 0));
    for (int i = 0; i < spills.size(); i++) {
      SpillFile.Reader reader = spills.get(i).open(bufferBytes);
      readers.add(reader);
      sources.add(new FileSource<>(reader, i + 1));
    }
    return new Merge<>(sources, byKey);
  }

  /** Deletes the spill files. */
  @Override
  public void close() {
    for (SpillFile.Reader r : readers) {
      r.close();
    }
    readers.clear();
    for (SpillFile s : spills) {
      s.delete();
    }
    spills.clear();
  }

  /** One sorted run being merged; {@code head} is its current record. */
  private abstract static class Source<K, V> {
    final int order;
    Tuple2<K, V> head;

    Source(int order) {
      this.order = order;
    }

    abstract boolean advance();
  }

  private static final class MemorySource<K, V> extends Source<K, V> {
    private final Object[] records;
    private final int count;
    private int pos = -1;

    MemorySource(Object[] records, int count, int order) {
      super(order);
      this.records = records;
      this.count = count;
    }

    @Override
    @SuppressWarnings("unchecked")
    boolean advance() {
      if (pos >= 0) {
        records[pos] = null;
      }
      if (++pos < count) {
        head = (Tuple2<K, V>) records[pos];
        return true;
      }
      head = null;
      return false;
    }
  }

  private static final class FileSource<K, V> extends Source<K, V> {
    private final SpillFile.Reader reader;

    FileSource(SpillFile.Reader reader, int order) {
      super(order);
      this.reader = reader;
    }

    @Override
    @SuppressWarnings("unchecked")
    boolean advance() {
      if (!reader.hasNext()) {
        head = null;
        reader.close();
        return false;
      }
      K key = (K) reader.read();
      V value = (V) reader.read();
      reader.consumed();
      head = Tuple2.of(key, value);
      return true;
    }
  }

  /** K-way merge of sorted sources; ties go to the earlier source. */
  private static final class Merge<K, V> implements Iterator<Tuple2<K, V>> {
    private final PriorityQueue<Source<K, V>> heap;

    Merge(List<Source<K, V>> sources, Comparator<Tuple2<K, V>> byKey) {
      Comparator<Source<K, V>> bySource = (a, b) -> {
        int c = byKey.compare(a.head, b.head);
        return c != 0 ? c : Integer.compare(a.order, b.order);
      };
      this.heap = new PriorityQueue<>(Math.max(1, sources.size()), bySource);
      for (Source<K, V> s : sources) {
        if (s.advance()) {
          heap.add(s);
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heap.isEmpty();
    }

    @Override
    public Tuple2<K, V> next() {
      Source<K, V> s = heap.poll();
      if (s == null) {
        throw new NoSuchElementException();
      }
      Tuple2<K, V> t = s.head;
      if (s.advance()) {
        heap.add(s);
      }
      return t;
    }
  }
}
