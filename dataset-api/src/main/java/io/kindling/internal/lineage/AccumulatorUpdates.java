package io.kindling.internal.lineage;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The accumulator additions one task attempt made, by accumulator id. Applied on the driver only when the
 * attempt succeeds, once per partition, so retries never count twice.
 */
public final class AccumulatorUpdates implements Serializable {
  private static final long serialVersionUID = 1L;

  /** id → {sum, count} for long accumulators. */
  private final Map<Long, long[]> longs = new HashMap<>();
  /** id → {sum, count} for double accumulators (count stored as a double). */
  private final Map<Long, double[]> doubles = new HashMap<>();

  public synchronized void addLong(long id, long value) {
    long[] acc = longs.computeIfAbsent(id, k -> new long[2]);
    acc[0] += value;
    acc[1]++;
  }

  public synchronized void addDouble(long id, double value) {
    double[] acc = doubles.computeIfAbsent(id, k -> new double[2]);
    acc[0] += value;
    acc[1]++;
  }

  public synchronized Map<Long, long[]> longs() {
    return Map.copyOf(longs);
  }

  public synchronized Map<Long, double[]> doubles() {
    return Map.copyOf(doubles);
  }

  public synchronized boolean isEmpty() {
    return longs.isEmpty() && doubles.isEmpty();
  }
}
