package io.kindling.engine.event;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.chaos.FaultKind;
import io.kindling.storage.StorageLevel;

/**
 * What a node reports about faults, recoveries and its block stores. In local mode it goes straight to the
 * session's listener bus and counters. Called from compute threads and actors: implementations are thread-safe
 * and never block.
 */
public interface NodeEvents {

  /** An injected fault fired on partition {@code partition} of dataset {@code rddId}. */
  void faultInjected(FaultKind kind, int rddId, int partition, String detail);

  /** A partition that had been materialized was lost and computed again. */
  void partitionRecomputed(int rddId, int partition, RecomputeCause cause);

  /** A restarted block owner checked ({@code recomputed} false) or recomputed its block. */
  void blockRecovered(int rddId, int partition, boolean recomputed);

  /** A cached block was evicted to make room. */
  void blockEvicted(int rddId, int partition, StorageLevel level);

  /** The bytes cached at {@code level} changed by {@code delta}. */
  void cachedBytes(StorageLevel level, long delta);

  /** Reports nothing. */
  NodeEvents NONE = new NodeEvents() {
    @Override
    public void faultInjected(FaultKind kind, int rddId, int partition, String detail) {}

    @Override
    public void partitionRecomputed(int rddId, int partition, RecomputeCause cause) {}

    @Override
    public void blockRecovered(int rddId, int partition, boolean recomputed) {}

    @Override
    public void blockEvicted(int rddId, int partition, StorageLevel level) {}

    @Override
    public void cachedBytes(StorageLevel level, long delta) {}
  };
}
