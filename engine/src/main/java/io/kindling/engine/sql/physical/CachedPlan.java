package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.BatchCodec;
import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.CallSites;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;

/**
 * What a cached DataFrame materialized: its batches' lineage, persisted in the session's block stores like an
 * RDD's partitions. {@code MEMORY_ONLY} keeps the batch objects on the heap (never serialized); the other
 * levels store each batch in its binary form and decode it when read.
 */
final class CachedPlan {
  private final RDD<?> persisted;
  private final LineageNode<ColumnBatch> reader;

  private CachedPlan(RDD<?> persisted, LineageNode<ColumnBatch> reader) {
    this.persisted = persisted;
    this.reader = reader;
  }

  static CachedPlan persist(ExecContext context, LineageNode<ColumnBatch> source, StorageLevel level) {
    if (level == StorageLevel.MEMORY_ONLY) {
      LineageNode<ColumnBatch> stored = new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("cache"), source,
          (p, it) -> it, true, "InMemoryTableScan");
      RDD<ColumnBatch> rdd = new RDD<>(context.session(), stored);
      rdd.persist(level);
      return new CachedPlan(rdd, stored);
    }
    LineageNode<byte[]> encoded = new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("cache"), source,
        (p, it) -> Lineages.mapNonNull(it, BatchCodec::encode), true, "InMemoryTableScan");
    RDD<byte[]> rdd = new RDD<>(context.session(), encoded);
    rdd.persist(level);
    LineageNode<ColumnBatch> decoded = new MapPartitionsNode<>(context.nextNodeId(), CallSites.of("cache"), encoded,
        (p, it) -> Lineages.mapNonNull(it, bytes -> {
          try {
            return BatchCodec.decode(bytes);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }), true, "MapPartitionsRDD");
    return new CachedPlan(rdd, decoded);
  }

  /** The node reading the cached batches (computing and storing partitions not stored yet). */
  LineageNode<ColumnBatch> reader() {
    return reader;
  }

  /** Drops the stored partitions. */
  void unpersist() {
    persisted.unpersist();
  }
}
