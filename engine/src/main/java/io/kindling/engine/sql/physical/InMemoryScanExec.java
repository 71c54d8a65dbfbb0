package io.kindling.engine.sql.physical;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.sql.QueryExecution;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.internal.sql.plan.CacheEntry;
import io.kindling.internal.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cached DataFrame's batches. The first query that needs them builds the cached plan's lineage once
 * (kept in the cache entry) and persists it in the block stores, so each partition is stored as it is first
 * computed; later queries read the stored batches (and recompute lost ones from the lineage).
 */
public final class InMemoryScanExec extends PhysicalPlan {
  private final CacheEntry entry;
  private final List<AttributeRef> output;

  public InMemoryScanExec(CacheEntry entry, List<AttributeRef> output) {
    this.entry = entry;
    this.output = List.copyOf(output);
  }

  @Override
  public List<AttributeRef> output() {
    return output;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public String nodeName() {
    return "InMemoryTableScan";
  }

  @Override
  public String argString() {
    return LogicalPlan.list(output) + ", " + entry.level();
  }

  @Override
  protected LineageNode<ColumnBatch> build(ExecContext context) {
    CachedPlan cached;
    synchronized (entry) {
      cached = (CachedPlan) entry.materialized();
      if (cached == null) {
        LogicalPlan optimized = QueryExecution.optimizedForCaching(context.sql(), entry);
        PhysicalPlan physical = new PhysicalPlanner(context.sql()).plan(optimized);
        LineageNode<ColumnBatch> source = new ExecContext(context.sql()).lineage(physical);
        List<AttributeRef> produced = physical.output();
        if (!produced.equals(entry.plan().output())) {
          source = reorder(context, source, produced, entry.plan().output());
        }
        cached = CachedPlan.persist(context, source, entry.level());
        entry.materialized(cached);
      }
    }
    LineageNode<ColumnBatch> node = cached.reader();
    List<AttributeRef> stored = entry.plan().output();
    if (stored.equals(output)) {
      return node;
    }
    return reorder(context, node, stored, output);
  }

  /** Picks the columns {@code wanted} (by id) out of batches with columns {@code have}. */
  private static LineageNode<ColumnBatch> reorder(ExecContext context, LineageNode<ColumnBatch> source,
      List<AttributeRef> have, List<AttributeRef> wanted) {
    List<Integer> idx = new ArrayList<>();
    for (AttributeRef a : wanted) {
      idx.add(have.indexOf(a));
    }
    int[] ordinals = idx.stream().mapToInt(Integer::intValue).toArray();
    return Lineages.map(context, source, "select", (p, it) -> Lineages.mapNonNull(it, b -> b.project(ordinals)));
  }

  static void uncache(Object materialized) {
    if (materialized instanceof CachedPlan c) {
      c.unpersist();
    }
  }
}
