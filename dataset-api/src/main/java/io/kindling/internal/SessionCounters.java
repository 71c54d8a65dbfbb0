package io.kindling.internal;

import io.kindling.JobListener;
import io.kindling.LongAccumulator;
import io.kindling.storage.StorageLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@code session.metrics()}. Faults, recomputations and retries are counted from the
 * listener events the runtime posts (this object listens on the session's bus), so a counter moves exactly
 * when a listener hears about it; storage and shuffle volumes are added directly by the runtime.
 */
public final class SessionCounters implements JobListener {
  private final LongAdder recomputedPartitions = new LongAdder();
  private final LongAdder taskRetries = new LongAdder();
  private final LongAdder faultsInjected = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder shuffleBytesWritten = new LongAdder();
  private final LongAdder shuffleBytesRead = new LongAdder();
  private final Map<StorageLevel, AtomicLong> cachedBytes = new EnumMap<>(StorageLevel.class);
  private final LongAccumulator rowGroupsRead;
  private final LongAccumulator rowGroupsSkipped;

  /** Counters whose task-side ones (row groups) are plain driver-side sums: for backends without tasks. */
  public SessionCounters() {
    this(new LongAccumulator(0, "internal.metrics.rowGroupsRead"),
        new LongAccumulator(0, "internal.metrics.rowGroupsSkipped"));
  }

  /**
   * Counters whose task-side ones travel as accumulators (registered with the session, so that a task's
   * additions reach the driver once, from whichever node ran it).
   */
  public SessionCounters(AccumulatorRegistry accumulators) {
    this(accumulators.newLong("internal.metrics.rowGroupsRead"),
        accumulators.newLong("internal.metrics.rowGroupsSkipped"));
  }

  private SessionCounters(LongAccumulator rowGroupsRead, LongAccumulator rowGroupsSkipped) {
    this.rowGroupsRead = rowGroupsRead;
    this.rowGroupsSkipped = rowGroupsSkipped;
    for (StorageLevel level : StorageLevel.values()) {
      cachedBytes.put(level, new AtomicLong());
    }
  }

  @Override
  public void onPartitionFailed(PartitionFailed event) {
    if (event.willRetry()) {
      taskRetries.increment();
    }
  }

  @Override
  public void onFaultInjected(FaultInjected event) {
    faultsInjected.increment();
  }

  @Override
  public void onPartitionRecomputed(PartitionRecomputed event) {
    recomputedPartitions.increment();
  }

  /** A cached partition was evicted to make room. */
  public void addEviction() {
    evictions.increment();
  }

  /** Bytes cached at {@code level} grew (or, negative, shrank) by {@code delta}. */
  public void addCachedBytes(StorageLevel level, long delta) {
    cachedBytes.get(level).addAndGet(delta);
  }

  public void addShuffleBytesWritten(long bytes) {
    shuffleBytesWritten.add(bytes);
  }

  public void addShuffleBytesRead(long bytes) {
    shuffleBytesRead.add(bytes);
  }

  public long recomputedPartitions() {
    return recomputedPartitions.sum();
  }

  public long taskRetries() {
    return taskRetries.sum();
  }

  public long faultsInjected() {
    return faultsInjected.sum();
  }

  public long evictions() {
    return evictions.sum();
  }

  public long cachedBytes(StorageLevel level) {
    return cachedBytes.get(level).get();
  }

  public long shuffleBytesWritten() {
    return shuffleBytesWritten.sum();
  }

  public long shuffleBytesRead() {
    return shuffleBytesRead.sum();
  }

  /** What file scans add the Parquet row groups they read to, in their tasks. */
  public LongAccumulator rowGroupsReadAccumulator() {
    return rowGroupsRead;
  }

  /** What file scans add the Parquet row groups their filters skipped to, in their tasks. */
  public LongAccumulator rowGroupsSkippedAccumulator() {
    return rowGroupsSkipped;
  }

  public long rowGroupsRead() {
    return rowGroupsRead.sum();
  }

  public long rowGroupsSkipped() {
    return rowGroupsSkipped.sum();
  }
}
