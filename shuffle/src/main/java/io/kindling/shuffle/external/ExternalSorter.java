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
 *
 * <p>In natural order (ascending or descending), while every key is a Long, every key an Integer or every key a
 * Double, the keys are kept as a {@code long[]} (values beside them, or not at all when each value is its key)
 * and radix-sorted; the records are boxed again only as the result is read. The first key of another class
 * (or null) turns the buffer back into records sorted by the comparator, so any mix of keys sorts, or fails,
 * exactly as it would by comparing them.
 */
public final class ExternalSorter<K, V> implements AutoCloseable {
  private static final int MIN_READ_BUFFER = 4 << 10;
  private static final int MAX_READ_BUFFER = 64 << 10;
  private static final int SAMPLE_RECORDS = 32;
  private static final int INITIAL_CAPACITY = 1024;
  /** In {@link #values}: this record's value is its key. */
  private static final Object KEY = new Object();

  private final Comparator<Tuple2<K, V>> byKey;
  private final long budgetBytes;
  private final Supplier<Path> spillFiles;
  private final SizeTracker tracker = new SizeTracker();
  private final SplittableRandom random = new SplittableRandom(23);
  private final List<SpillFile> spills = new ArrayList<>();
  private final List<SpillFile.Reader> readers = new ArrayList<>();
  private final int naturalDirection;
  // The records as Tuple2 (kind OTHER).
  private Object[] buffer;
  private int count;
  // The records as sortable keys and values (kind NONE, LONG, INT or DOUBLE); values null while each is its key.
  private KeyKind kind;
  private long[] keys;
  private Object[] values;
  private long spilledBytes;

  public ExternalSorter(Comparator<? super K> ordering, long budgetBytes, Supplier<Path> spillFiles) {
    this.byKey = (a, b) -> ordering.compare(a._1(), b._1());
    this.naturalDirection = ordering == NaturalOrder.ASCENDING ? 1 : ordering == NaturalOrder.DESCENDING ? -1 : 0;
    this.budgetBytes = budgetBytes;
    this.spillFiles = spillFiles;
    emptyBuffers();
  }

  private void emptyBuffers() {
    count = 0;
    values = null;
    if (naturalDirection != 0) {
      kind = KeyKind.NONE;
      keys = new long[INITIAL_CAPACITY];
      buffer = null;
    } else {
      kind = KeyKind.OTHER;
      keys = null;
      buffer = new Object[INITIAL_CAPACITY];
    }
    tracker.reset();
  }

  public void insert(Tuple2<K, V> record) {
    if (kind != KeyKind.OTHER) {
      Object key = record._1();
      KeyKind k = KeyKind.of(key);
      if (k != KeyKind.OTHER && (kind == k || kind == KeyKind.NONE)) {
        Object value = record._2();
        add(k, k.sortable(key), value, value == key);
        return;
      }
      toRecords();
    }
    if (count == buffer.length) {
      buffer = Arrays.copyOf(buffer, count * 2);
    }
    buffer[count++] = record;
    afterInsert();
  }

  /** Inserts a record whose key is the Long {@code key}; when {@code valueIsKey}, its value is that Long too. */
  public void insertLong(long key, V value, boolean valueIsKey) {
    if (kind == KeyKind.LONG || kind == KeyKind.NONE) {
      add(KeyKind.LONG, key, value, valueIsKey);
    } else {
      insertBoxed(Long.valueOf(key), value, valueIsKey);
    }
  }

  /** Inserts a record whose key is the Integer {@code key}; when {@code valueIsKey}, its value is that Integer. */
  public void insertInt(int key, V value, boolean valueIsKey) {
    if (kind == KeyKind.INT || kind == KeyKind.NONE) {
      add(KeyKind.INT, key, value, valueIsKey);
    } else {
      insertBoxed(Integer.valueOf(key), value, valueIsKey);
    }
  }

  /** Inserts a record whose key is the Double {@code key}; when {@code valueIsKey}, its value is that Double. */
  public void insertDouble(double key, V value, boolean valueIsKey) {
    if (kind == KeyKind.DOUBLE || kind == KeyKind.NONE) {
      add(KeyKind.DOUBLE, NaturalOrder.sortableDouble(key), value, valueIsKey);
    } else {
      insertBoxed(Double.valueOf(key), value, valueIsKey);
    }
  }

  @SuppressWarnings("unchecked")
  private void insertBoxed(Object key, V value, boolean valueIsKey) {
    insert(Tuple2.of((K) key, valueIsKey ? (V) key : value));
  }

  private void add(KeyKind k, long sortable, Object value, boolean valueIsKey) {
    kind = k;
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      if (values != null) {
        values = Arrays.copyOf(values, count * 2);
      }
    }
    if (!valueIsKey && values == null) {
      values = new Object[keys.length];
      Arrays.fill(values, 0, count, KEY);
    }
    if (values != null) {
      values[count] = valueIsKey ? KEY : value;
    }
    keys[count++] = sortable;
    afterInsert();
  }

  private void afterInsert() {
    if (tracker.update()) {
      tracker.sampled(measure());
    }
    if (tracker.estimate() > budgetBytes && count > 1) {
      spill();
    }
  }

  /** Leaves the primitive form: the buffered keys become records again, to be sorted by the comparator. */
  private void toRecords() {
    Object[] records = new Object[Math.max(INITIAL_CAPACITY, keys.length)];
    for (int i = 0; i < count; i++) {
      records[i] = record(i);
    }
    buffer = records;
    keys = null;
    values = null;
    kind = KeyKind.OTHER;
    tracker.sampled(measure());
  }

  /** Record {@code i} of the primitive form, boxed. */
  @SuppressWarnings("unchecked")
  private Tuple2<K, V> record(int i) {
    Object key = kind.box(keys[i]);
    Object value = values == null ? key : values[i];
    return Tuple2.of((K) key, (V) (value == KEY ? key : value));
  }

  public int spillCount() {
    return spills.size();
  }

  public long spilledBytes() {
    return spilledBytes;
  }

  private long measure() {
    if (kind != KeyKind.OTHER) {
      long bytes = 8L * keys.length + 16;
      if (values != null) {
        long sampled = 0;
        int n = Math.min(count, SAMPLE_RECORDS);
        for (int i = 0; i < n; i++) {
          Object v = values[count <= SAMPLE_RECORDS ? i : random.nextInt(count)];
          sampled += v == KEY ? 0 : SizeEstimator.estimate(v);
        }
        bytes += SizeEstimator.referenceArray(values.length) + (n == 0 ? 0 : sampled * count / n);
      }
      return bytes;
    }
    long sampled = 0;
    int n = Math.min(count, SAMPLE_RECORDS);
    for (int i = 0; i < n; i++) {
      sampled += SizeEstimator.estimate(buffer[count <= SAMPLE_RECORDS ? i : random.nextInt(count)]);
    }
    return SizeEstimator.referenceArray(buffer.length) + (n == 0 ? 0 : sampled * count / n);
  }

  /** Sorts what is buffered, in whichever form it is. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void sortBuffer() {
    if (kind == KeyKind.OTHER) {
      Arrays.sort(buffer, 0, count, (Comparator) byKey);
    } else {
      LongRadixSort.sort(keys, values, count);
    }
  }

  /** Record {@code i} in the sorted order of the primitive form (read backwards when descending). */
  private Tuple2<K, V> sortedRecord(int i) {
    return record(naturalDirection > 0 ? i : count - 1 - i);
  }

  /** The class of every key so far, when they are all boxed primitives of one kind. */
  private enum KeyKind {
    NONE, LONG, INT, DOUBLE, OTHER;

    static KeyKind of(Object key) {
      return key instanceof Long ? LONG : key instanceof Integer ? INT : key instanceof Double ? DOUBLE : OTHER;
    }

    /** A long whose signed order is the key's natural order. */
    long sortable(Object key) {
      return this == DOUBLE ? NaturalOrder.sortableDouble((Double) key) : ((Number) key).longValue();
    }

    Object box(long sortable) {
      return switch (this) {
        case LONG -> Long.valueOf(sortable);
        case INT -> Integer.valueOf((int) sortable);
        case DOUBLE -> NaturalOrder.doubleOf(sortable);
        default -> throw new IllegalStateException("no primitive keys: " + this);
      };
    }
  }

  @SuppressWarnings("unchecked")
  private void spill() {
    sortBuffer();
    try (SpillFile.Writer writer = new SpillFile.Writer(spillFiles.get())) {
      for (int i = 0; i < count; i++) {
        Tuple2<K, V> t = kind == KeyKind.OTHER ? (Tuple2<K, V>) buffer[i] : sortedRecord(i);
        writer.writeRecord(t._1(), t._2());
      }
      SpillFile file = writer.finish();
      spills.add(file);
      spilledBytes += file.bytes();
    }
    emptyBuffers();
  }

  /** The records in key order. Call once, after the last insert. */
  @SuppressWarnings("unchecked")
  public Iterator<Tuple2<K, V>> sorted() {
    sortBuffer();
    if (kind != KeyKind.OTHER && spills.isEmpty()) {
      return new Iterator<>() {
        private int pos;

        @Override
        public boolean hasNext() {
          return pos < count;
        }

        @Override
        public Tuple2<K, V> next() {
          if (pos >= count) {
            throw new NoSuchElementException();
          }
          int i = naturalDirection > 0 ? pos : count - 1 - pos;
          pos++;
          Tuple2<K, V> t = record(i);
          if (values != null) {
            values[i] = null;
          }
          return t;
        }
      };
    }
    Object[] memory;
    if (kind == KeyKind.OTHER) {
      memory = buffer;
    } else {
      memory = new Object[count];
      for (int i = 0; i < count; i++) {
        memory[i] = sortedRecord(i);
      }
    }
    int memoryCount = count;
    buffer = null;
    keys = null;
    values = null;
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
      Object[] pair = reader.readRecord();
      reader.consumed();
      head = Tuple2.of((K) pair[0], (V) pair[1]);
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
