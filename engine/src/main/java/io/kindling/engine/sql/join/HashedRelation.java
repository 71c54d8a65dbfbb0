package io.kindling.engine.sql.join;

import io.kindling.engine.sql.eval.Keys;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.LongVector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The build side of a join: all its rows in one batch, indexed by key. Rows with equal keys are chained
 * ({@link #next}); rows with a null key are not indexed (they never match). With no key columns every row
 * matches every probe row (a nested-loop join).
 */
public final class HashedRelation {
  private final ColumnBatch rows;
  private final int[] next;
  private final Index index;

  private HashedRelation(ColumnBatch rows, int[] next, Index index) {
    this.rows = rows;
    this.next = next;
    this.index = index;
  }

  /** Indexes {@code rows} by {@code keys} (vectors over those rows). */
  public static HashedRelation build(ColumnBatch rows, ColumnVector[] keys) {
    int n = rows.numRows();
    int[] next = new int[n];
    Arrays.fill(next, -1);
    if (keys.length == 0) {
      for (int i = 0; i < n - 1; i++) {
        next[i] = i + 1;
      }
      return new HashedRelation(rows, next, new AllRows(n));
    }
    Index index;
    if (keys.length == 1 && keys[0] instanceof IntVector iv) {
      index = IntIndex.build(iv, n, next);
    } else if (keys.length == 1 && keys[0] instanceof LongVector lv) {
      index = LongIndex.build(lv, n, next);
    } else {
      index = GenericIndex.build(keys, n, next);
    }
    return new HashedRelation(rows, next, index);
  }

  public ColumnBatch rows() {
    return rows;
  }

  public int numRows() {
    return rows.numRows();
  }

  /** The first build row matching probe row {@code i} of {@code keys}, or -1. */
  public int first(ColumnVector[] keys, int i) {
    return index.first(keys, i);
  }

  /** {@link #first} of probe rows {@code 0..n-1} into {@code out}. */
  public void firstOfEach(ColumnVector[] keys, int n, int[] out) {
    index.firstOfEach(keys, n, out);
  }

  /** The next build row with the same key as {@code row}, or -1. */
  public int next(int row) {
    return next[row];
  }

  /** Looks up the chain heads of probe rows. */
  interface Index {
    int first(ColumnVector[] keys, int i);

    default void firstOfEach(ColumnVector[] keys, int n, int[] out) {
      for (int i = 0; i < n; i++) {
        out[i] = first(keys, i);
      }
    }
  }

  private record AllRows(int n) implements Index {
    @Override
    public int first(ColumnVector[] keys, int i) {
      return n == 0 ? -1 : 0;
    }
  }

  /** Open addressing over int keys; chains keep build order. */
  private static final class IntIndex implements Index {
    private final int[] slotKeys;
    private final int[] slotHeads;
    private final int mask;

    private IntIndex(int capacity) {
      slotKeys = new int[capacity];
      slotHeads = new int[capacity];
      Arrays.fill(slotHeads, -1);
      mask = capacity - 1;
    }

    static IntIndex build(IntVector keys, int n, int[] next) {
      IntIndex idx = new IntIndex(Integer.highestOneBit(Math.max(n, 1) * 2 + 1) * 2);
      int[] values = keys.values();
      int[] tails = new int[idx.slotHeads.length];
      for (int r = 0; r < n; r++) {
        if (keys.isNull(r)) {
          continue;
        }
        int k = values[r];
        int pos = mix(k) & idx.mask;
        while (idx.slotHeads[pos] >= 0 && idx.slotKeys[pos] != k) {
          pos = (pos + 1) & idx.mask;
        }
        if (idx.slotHeads[pos] < 0) {
          idx.slotHeads[pos] = r;
          idx.slotKeys[pos] = k;
        } else {
          next[tails[pos]] = r;
        }
        tails[pos] = r;
      }
      return idx;
    }

    @Override
    public void firstOfEach(ColumnVector[] keys, int n, int[] out) {
      IntVector v = (IntVector) keys[0];
      int[] values = v.values();
      boolean nulls = v.hasNulls();
      int[] heads = slotHeads;
      int[] slotKeyArray = slotKeys;
      int m = mask;
      for (int i = 0; i < n; i++) {
        if (nulls && v.isNull(i)) {
          out[i] = -1;
          continue;
        }
        int k = values[i];
        int pos = mix(k) & m;
        int found;
        while (true) {
          int head = heads[pos];
          if (head < 0 || slotKeyArray[pos] == k) {
            found = head;
            break;
          }
          pos = (pos + 1) & m;
        }
        out[i] = found;
      }
    }

    @Override
    public int first(ColumnVector[] keys, int i) {
      IntVector v = (IntVector) keys[0];
      if (v.isNull(i)) {
        return -1;
      }
      int k = v.getInt(i);
      int pos = mix(k) & mask;
      while (true) {
        int head = slotHeads[pos];
        if (head < 0) {
          return -1;
        }
        if (slotKeys[pos] == k) {
          return head;
        }
        pos = (pos + 1) & mask;
      }
    }
  }

  /** Open addressing over long keys. */
  private static final class LongIndex implements Index {
    private final long[] slotKeys;
    private final int[] slotHeads;
    private final int mask;

    private LongIndex(int capacity) {
      slotKeys = new long[capacity];
      slotHeads = new int[capacity];
      Arrays.fill(slotHeads, -1);
      mask = capacity - 1;
    }

    static LongIndex build(LongVector keys, int n, int[] next) {
      LongIndex idx = new LongIndex(Integer.highestOneBit(Math.max(n, 1) * 2 + 1) * 2);
      long[] values = keys.values();
      int[] tails = new int[idx.slotHeads.length];
      for (int r = 0; r < n; r++) {
        if (keys.isNull(r)) {
          continue;
        }
        long k = values[r];
        int pos = mix(Long.hashCode(k)) & idx.mask;
        while (idx.slotHeads[pos] >= 0 && idx.slotKeys[pos] != k) {
          pos = (pos + 1) & idx.mask;
        }
        if (idx.slotHeads[pos] < 0) {
          idx.slotHeads[pos] = r;
          idx.slotKeys[pos] = k;
        } else {
          next[tails[pos]] = r;
        }
        tails[pos] = r;
      }
      return idx;
    }

    @Override
    public int first(ColumnVector[] keys, int i) {
      LongVector v = (LongVector) keys[0];
      if (v.isNull(i)) {
        return -1;
      }
      long k = v.getLong(i);
      int pos = mix(Long.hashCode(k)) & mask;
      while (true) {
        int head = slotHeads[pos];
        if (head < 0) {
          return -1;
        }
        if (slotKeys[pos] == k) {
          return head;
        }
        pos = (pos + 1) & mask;
      }
    }
  }

  /** A hash map of normalized key values, for any key types. */
  private static final class GenericIndex implements Index {
    private final Map<Object, Integer> heads = new HashMap<>();

    static GenericIndex build(ColumnVector[] keys, int n, int[] next) {
      GenericIndex idx = new GenericIndex();
      Map<Object, Integer> tails = new HashMap<>();
      for (int r = 0; r < n; r++) {
        Object k = key(keys, r);
        if (k == null) {
          continue;
        }
        Integer tail = tails.put(k, r);
        if (tail == null) {
          idx.heads.put(k, r);
        } else {
          next[tail] = r;
        }
      }
      return idx;
    }

    @Override
    public int first(ColumnVector[] keys, int i) {
      Object k = key(keys, i);
      if (k == null) {
        return -1;
      }
      Integer head = heads.get(k);
      return head == null ? -1 : head;
    }

    private static Object key(ColumnVector[] keys, int r) {
      if (keys.length == 1) {
        Object v = keys[0].get(r);
        return v == null ? null : Keys.normalize(v);
      }
      Object[] values = new Object[keys.length];
      for (int k = 0; k < keys.length; k++) {
        Object v = keys[k].get(r);
        if (v == null) {
          return null;
        }
        values[k] = Keys.normalize(v);
      }
      return new Keys.Composite(values);
    }
  }

  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
