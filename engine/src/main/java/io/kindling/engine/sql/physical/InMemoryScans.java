package io.kindling.engine.sql.physical;

/** Access to the cached batches of DataFrames from outside this package. */
public final class InMemoryScans {
  private InMemoryScans() {}

  /** Drops the stored batches of a cache entry's materialized node. */
  public static void uncache(Object materialized) {
    InMemoryScanExec.uncache(materialized);
  }
}
