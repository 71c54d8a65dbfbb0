package io.kindling.engine.storage;

import io.kindling.JobListener.RecomputeCause;
import io.kindling.chaos.FaultKind;
import io.kindling.engine.event.NodeEvents;
import io.kindling.storage.StorageLevel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what a node reports, as strings, and sums the cached bytes per level and the shuffle bytes. */
public final class RecordingEvents implements NodeEvents {
  public final List<String> events = new CopyOnWriteArrayList<>();
  public final Map<StorageLevel, Long> cached = new ConcurrentHashMap<>();
  public final AtomicLong shuffleWritten = new AtomicLong();
  public final AtomicLong shuffleRead = new AtomicLong();

  @Override
  public void faultInjected(FaultKind kind, int rddId, int partition, String detail) {
    events.add("fault " + kind + " rdd_" + rddId + "_" + partition);
  }

  @Override
  public void partitionRecomputed(int rddId, int partition, RecomputeCause cause) {
    events.add("recomputed rdd_" + rddId + "_" + partition + " " + cause);
  }

  @Override
  public void blockRecovered(int rddId, int partition, boolean recomputed) {
    events.add("recovered rdd_" + rddId + "_" + partition + " " + recomputed);
  }

  @Override
  public void blockEvicted(int rddId, int partition, StorageLevel level) {
    events.add("evicted rdd_" + rddId + "_" + partition);
  }

  @Override
  public void cachedBytes(StorageLevel level, long delta) {
    cached.merge(level, delta, Long::sum);
  }

  @Override
  public void shuffleBytesWritten(long bytes) {
    shuffleWritten.addAndGet(bytes);
  }

  @Override
  public void shuffleBytesRead(long bytes) {
    shuffleRead.addAndGet(bytes);
  }
}
