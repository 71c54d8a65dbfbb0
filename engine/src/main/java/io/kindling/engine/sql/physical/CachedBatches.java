package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.OneToOneDependency;
import io.kindling.internal.lineage.TaskContext;
import io.kindling.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stored column batches of a cached DataFrame, per partition, in this JVM: as batch objects for
 * {@code MEMORY_ONLY} (never serialized), encoded for the other levels. A partition not stored yet (or
 * dropped) is computed from the cached plan's lineage and stored on the way.
 */
final class CachedBatches {
  private static final Map<String, Object[]> STORE = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private CachedBatches() {}

  static String newKey() {
    return "df-cache-" + NEXT.incrementAndGet();
  }

  static void remove(String key) {
    STORE.keySet().removeIf(k -> k.startsWith(key + "/"));
  }

  /** The total number of stored partitions (for tests and metrics). */
  static int storedPartitions(String key) {
    int n = 0;
    for (String k : STORE.keySet()) {
      if (k.startsWith(key + "/")) {
        n++;
      }
    }
    return n;
  }

  /** The lineage node reading (or computing and storing) the cached partitions. */
  static final class Node extends LineageNode<ColumnBatch> {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final StorageLevel level;
    private final LineageNode<ColumnBatch> source;

    Node(int id, String callSite, String key, StorageLevel level, LineageNode<ColumnBatch> source) {
      super(id, callSite);
      this.key = key;
      this.level = level;
      this.source = source;
    }

    String key() {
      return key;
    }

    @Override
    public String kind() {
      return "InMemoryTableScan";
    }

    @Override
    public int numPartitions() {
      return source.numPartitions();
    }

    @Override
    public List<Dependency> dependencies() {
      return List.of(new OneToOneDependency(source));
    }

    @Override
    public Iterator<ColumnBatch> compute(int partition, TaskContext context) throws Exception {
      String k = key + "/" + partition;
      Object[] stored = STORE.get(k);
      if (stored == null) {
        List<Object> batches = new ArrayList<>();
        Iterator<ColumnBatch> it = context.iterator(source, partition);
        while (it.hasNext()) {
          ColumnBatch b = it.next();
          batches.add(level == StorageLevel.MEMORY_ONLY ? b : BatchCodec.encode(b));
        }
        stored = batches.toArray();
        STORE.put(k, stored);
      }
      Object[] items = stored;
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < items.length;
        }

        @Override
        public ColumnBatch next() {
          Object o = items[next++];
          if (o instanceof ColumnBatch b) {
            return b;
          }
          try {
            return BatchCodec.decode((byte[]) o);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }
}
