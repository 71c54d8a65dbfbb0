package io.kindling;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.SessionCounters;
import io.kindling.storage.StorageLevel;

/**
 * A session's counters since it started (from {@code session.metrics()}), read live: recovery shows in them,
 * so a test or an operator can tell that a fault fired and was repaired.
 */
public final class SessionMetrics {
  private final SessionCounters counters;

  /** Internal: made by the session. */
  public SessionMetrics(SessionCounters counters) {
    this.counters = requireNonNull(counters, "counters is null");
  }

  /** Partitions that had been materialized (cached, written as shuffle output), were lost and were recomputed. */
  public long recomputedPartitions() {
    return counters.recomputedPartitions();
  }

  /** Task attempts retried after a failed attempt. */
  public long taskRetries() {
    return counters.taskRetries();
  }

  /** Faults injected through {@code session.faults()} (explicit or scheduled) that fired. */
  public long faultsInjected() {
    return counters.faultsInjected();
  }

  /** Cached partitions evicted to make room for others. */
  public long evictions() {
    return counters.evictions();
  }

  /**
   * Bytes of cached blocks held now at {@code level}: serialized bytes for the serialized levels, an estimate of
   * the objects' heap size for {@link StorageLevel#MEMORY_ONLY}.
   */
  public long cachedBytes(StorageLevel level) {
    return counters.cachedBytes(requireNonNull(level, "level is null"));
  }

  /** Bytes of shuffle map output written. */
  public long shuffleBytesWritten() {
    return counters.shuffleBytesWritten();
  }

  /** Bytes of shuffle map output read by reduce tasks. */
  public long shuffleBytesRead() {
    return counters.shuffleBytesRead();
  }

  /**
   * Parquet row groups read by DataFrame scans (a row group is Parquet's unit of skipping: with a filter pushed
   * into the scan, row groups whose statistics rule it out are not read).
   */
  public long rowGroupsRead() {
    return counters.rowGroupsRead();
  }

  /** Parquet row groups that DataFrame scans skipped because their statistics ruled out the query's filters. */
  public long rowGroupsSkipped() {
    return counters.rowGroupsSkipped();
  }

  @Override
  public String toString() {
    StringBuilder cached = new StringBuilder();
    for (StorageLevel level : StorageLevel.values()) {
      long bytes = cachedBytes(level);
      if (bytes != 0) {
        cached.append(cached.length() == 0 ? "" : ", ").append(level).append('=').append(bytes);
      }
    }
    return "SessionMetrics(recomputedPartitions=" + recomputedPartitions() + ", taskRetries=" + taskRetries()
        + ", faultsInjected=" + faultsInjected() + ", evictions=" + evictions() + ", cachedBytes={" + cached
        + "}, shuffleBytesWritten=" + shuffleBytesWritten() + ", shuffleBytesRead=" + shuffleBytesRead() + ", rowGroupsRead=" + rowGroupsRead()
        + ", rowGroupsSkipped=" + rowGroupsSkipped() + ")";
  }
}
