package io.kindling.engine.event;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.chaos.FaultKind;
import io.kindling.storage.StorageLevel;

/**
 * What a node reports about faults, recoveries, its block stores and its shuffle traffic. In local mode it goes
 * straight to the session's listener bus and counters. Called from compute threads and actors: implementations
 * are thread-safe and never block. Each report is ignored unless an implementation overrides it.
 */
public interface NodeEvents {

  /** An injected fault fired on partition {@code partition} of dataset {@code rddId}. */
  default void faultInjected(FaultKind kind, int rddId, int partition, String detail) {}

  /** A partition that had been materialized was lost and computed again. */
  default void partitionRecomputed(int rddId, int partition, RecomputeCause cause) {}

  /** A restarted block owner checked ({@code recomputed} false) or recomputed its block. */
  default void blockRecovered(int rddId, int partition, boolean recomputed) {}

  /** A cached block was evicted to make room. */
  default void blockEvicted(int rddId, int partition, StorageLevel level) {}

  /** The bytes cached at {@code level} changed by {@code delta}. */
  default void cachedBytes(StorageLevel level, long delta) {}

  /** A map task committed {@code bytes} of shuffle output. */
  default void shuffleBytesWritten(long bytes) {}

  /** A reduce task read {@code bytes} of shuffle output. */
  default void shuffleBytesRead(long bytes) {}

  /** Reports nothing. */
  NodeEvents NONE = new NodeEvents() {};
}
