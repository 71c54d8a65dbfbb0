package io.kindling.internal.sql.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.storage.StorageLevel;

/**
 * One cached DataFrame: its plan, the storage level, and what the engine materialized for it (set on first
 * use, shared by every later query that reads the cached plan).
 */
public final class CacheEntry {
  private final LogicalPlan plan;
  private final StorageLevel level;
  private volatile Object materialized;

  public CacheEntry(LogicalPlan plan, StorageLevel level) {
    this.plan = requireNonNull(plan, "plan is null");
    this.level = requireNonNull(level, "level is null");
  }

  /** The plan whose output is cached (analyzed, not yet optimized). */
  public LogicalPlan plan() {
    return plan;
  }

  public StorageLevel level() {
    return level;
  }

  /** The engine's handle on the stored batches, or null before the first use. */
  public Object materialized() {
    return materialized;
  }

  public void materialized(Object handle) {
    this.materialized = handle;
  }
}
