package io.kindling.actors.node;

import static java.util.Objects.requireNonNull;

import io.kindling.JobListener;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.chaos.FaultKind;
import io.kindling.engine.event.NodeEvents;
import io.kindling.internal.ListenerBus;
import io.kindling.internal.SessionCounters;
import io.kindling.storage.StorageLevel;

/**
 * A local node's reports, delivered straight to its session (same JVM): fault and recovery events to the
 * listener bus (whose counters listener counts them), storage and shuffle volumes to the counters.
 */
public final class LocalNodeEvents implements NodeEvents {
  private final ListenerBus listeners;
  private final SessionCounters counters;

  public LocalNodeEvents(ListenerBus listeners, SessionCounters counters) {
    this.listeners = requireNonNull(listeners, "listeners is null");
    this.counters = requireNonNull(counters, "counters is null");
  }

  @Override
  public void faultInjected(FaultKind kind, int rddId, int partition, String detail) {
    listeners.faultInjected(new JobListener.FaultInjected(kind, rddId, partition, detail));
  }

  @Override
  public void partitionRecomputed(int rddId, int partition, RecomputeCause cause) {
    listeners.partitionRecomputed(new JobListener.PartitionRecomputed(rddId, partition, cause));
  }

  @Override
  public void blockRecovered(int rddId, int partition, boolean recomputed) {
    listeners.blockRecovered(new JobListener.BlockRecovered(rddId, partition, recomputed));
  }

  @Override
  public void blockEvicted(int rddId, int partition, StorageLevel level) {
    counters.addEviction();
  }

  @Override
  public void cachedBytes(StorageLevel level, long delta) {
    counters.addCachedBytes(level, delta);
  }

  @Override
  public void shuffleBytesWritten(long bytes) {
    counters.addShuffleBytesWritten(bytes);
  }

  @Override
  public void shuffleBytesRead(long bytes) {
    counters.addShuffleBytesRead(bytes);
  }
}
