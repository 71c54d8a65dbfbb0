package io.kindling.shuffle.external;

import io.kindling.engine.memory.SizeEstimator;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * An open-addressing hash map (linear probing, power-of-two capacity) that folds values into per-key combiners
 * in place, with a running estimate of its heap size. Faster than {@code HashMap.merge} for map-side combine:
 * no entry objects, the hash kept beside the key, one probe sequence per record. Null keys are allowed.
 */
final class CombineMap<K, V, C> {
  private static final int MAX_CAPACITY = 1 << 29;
  private static final double LOAD_FACTOR = 0.7;
  private static final int SAMPLE_ENTRIES = 32;

  private final Merger<V, C> merger;
  private final SizeTracker tracker = new SizeTracker();
  private final SplittableRandom random = new SplittableRandom(17);
  private final int initialCapacity;
  /** Key at {@code 2 * slot}, its combiner at {@code 2 * slot + 1}: a hit touches one cache line. */
  private Object[] data;
  private int[] hashes;
  private int mask;
  private int size;
  private int growAt;
  private boolean hasNullKey;
  private Object nullValue;

  CombineMap(Merger<V, C> merger, int initialCapacity) {
    this.merger = merger;
    this.initialCapacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
    allocate(this.initialCapacity);
  }

  private void allocate(int capacity) {
    data = new Object[2 * capacity];
    hashes = new int[capacity];
    mask = capacity - 1;
    growAt = (int) (capacity * LOAD_FACTOR);
  }

  static int hash(Object key) {
    if (key == null) {
      return 0;
    }
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  int size() {
    return size + (hasNullKey ? 1 : 0);
  }

  /** Folds {@code value} into {@code key}'s combiner. */
  @SuppressWarnings("unchecked")
  void insert(K key, V value) {
    if (key == null) {
      nullValue = hasNullKey ? merger.add((C) nullValue, value) : merger.first(value);
      hasNullKey = true;
    } else {
      int h = hash(key);
      int pos = h & mask;
      while (true) {
        Object k = data[2 * pos];
        if (k == null) {
          data[2 * pos] = key;
          data[2 * pos + 1] = merger.first(value);
          hashes[pos] = h;
          if (++size > growAt) {
            grow();
          }
          break;
        }
        if (hashes[pos] == h && (k == key || k.equals(key))) {
          data[2 * pos + 1] = merger.add((C) data[2 * pos + 1], value);
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
    if (tracker.update()) {
      tracker.sampled(measure());
    }
  }

  /** The estimated heap bytes of the map and everything in it. */
  long estimatedBytes() {
    return tracker.estimate();
  }

  private long measure() {
    long arrays = SizeEstimator.referenceArray(data.length) + SizeEstimator.intArray(hashes.length);
    int live = size();
    if (live == 0) {
      return arrays;
    }
    long sampled = 0;
    int found = 0;
    if (hasNullKey) {
      sampled += SizeEstimator.estimate(nullValue);
      found++;
    }
    int tries = 0;
    while (found < SAMPLE_ENTRIES && tries < SAMPLE_ENTRIES * 8 && size > 0) {
      int pos = random.nextInt(hashes.length);
      tries++;
      if (data[2 * pos] != null) {
        sampled += SizeEstimator.estimate(data[2 * pos]) + SizeEstimator.estimate(data[2 * pos + 1]);
        found++;
      }
    }
    return arrays + (found == 0 ? 0 : sampled * live / found);
  }

  private void grow() {
    if (hashes.length >= MAX_CAPACITY) {
      throw new IllegalStateException("combine map cannot grow past " + MAX_CAPACITY + " slots");
    }
    Object[] oldData = data;
    int[] oldHashes = hashes;
    allocate(oldHashes.length * 2);
    for (int i = 0; i < oldHashes.length; i++) {
      Object k = oldData[2 * i];
      if (k != null) {
        int pos = oldHashes[i] & mask;
        while (data[2 * pos] != null) {
          pos = (pos + 1) & mask;
        }
        data[2 * pos] = k;
        data[2 * pos + 1] = oldData[2 * i + 1];
        hashes[pos] = oldHashes[i];
      }
    }
  }

  /**
   * A cursor over the entries in no particular order; {@code partitionOf} gives each key's partition. The map
   * must not change while the cursor is used.
   */
  @SuppressWarnings("unchecked")
  Cursor<K, C> cursor(ToIntFunction<Object> partitionOf) {
    return new Cursor<>() {
      private int pos = hasNullKey ? -2 : -1;
      private int partition;

      @Override
      public boolean next() {
        if (pos == -2) {
          pos = -1;
          partition = partitionOf.applyAsInt(null);
          return true;
        }
        while (++pos < hashes.length) {
          if (data[2 * pos] != null) {
            partition = partitionOf.applyAsInt(data[2 * pos]);
            return true;
          }
        }
        return false;
      }

      @Override
      public int partition() {
        return partition;
      }

      @Override
      public K key() {
        return pos < 0 ? null : (K) data[2 * pos];
      }

      @Override
      public C value() {
        return (C) (pos < 0 ? nullValue : data[2 * pos + 1]);
      }
    };
  }

  /**
   * Empties the map into a cursor sorted by (partition, hash); the map is reset and may be reused once the
   * cursor is exhausted.
   */
  SortedEntries<K, C> drainSorted(ToIntFunction<Object> partitionOf) {
    int n = size();
    Object[] k = new Object[n];
    Object[] v = new Object[n];
    int[] h = new int[n];
    long[] order = new long[n];
    int[] index = new int[n];
    int at = 0;
    if (hasNullKey) {
      k[0] = null;
      v[0] = nullValue;
      h[0] = 0;
      at = 1;
    }
    for (int i = 0; i < hashes.length; i++) {
      if (data[2 * i] != null) {
        k[at] = data[2 * i];
        v[at] = data[2 * i + 1];
        h[at] = hashes[i];
        at++;
      }
    }
    for (int i = 0; i < n; i++) {
      order[i] = SortedEntries.sortKey(partitionOf.applyAsInt(k[i]), h[i]);
      index[i] = i;
    }
    clear();
    IndexSort.sort(order, index, 0, n);
    return new SortedEntries<>(k, v, order, index);
  }

  /** Removes every entry, shrinking back to the initial capacity. */
  void clear() {
    allocate(initialCapacity);
    size = 0;
    hasNullKey = false;
    nullValue = null;
    tracker.reset();
  }

  /** Entries drained from the map, in (partition, hash) order. */
  static final class SortedEntries<K, C> implements Run {
    private final Object[] keys;
    private final Object[] values;
    private final long[] order;
    private final int[] index;
    private int pos = -1;

    SortedEntries(Object[] keys, Object[] values, long[] order, int[] index) {
      this.keys = keys;
      this.values = values;
      this.order = order;
      this.index = index;
    }

    /** Partition in the high 32 bits, the hash (as unsigned) in the low ones: sorts by partition, then hash. */
    static long sortKey(int partition, int hash) {
      return ((long) partition << 32) | (hash & 0xffffffffL);
    }

    int length() {
      return keys.length;
    }

    @Override
    public void close() {}

    @Override
    public boolean next() {
      if (pos >= 0) {
        keys[index[pos]] = null;
        values[index[pos]] = null;
      }
      return ++pos < keys.length;
    }

    @Override
    public long sortKey() {
      return order[pos];
    }

    @Override
    @SuppressWarnings("unchecked")
    public K key() {
      return (K) keys[index[pos]];
    }

    @Override
    @SuppressWarnings("unchecked")
    public C value() {
      return (C) values[index[pos]];
    }

    static int partitionOf(long sortKey) {
      return (int) (sortKey >>> 32);
    }

    static int hashOf(long sortKey) {
      return (int) sortKey;
    }
  }
}
