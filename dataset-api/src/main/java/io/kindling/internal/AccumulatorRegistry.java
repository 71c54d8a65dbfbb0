package io.kindling.internal;

import io.kindling.DoubleAccumulator;
import io.kindling.LongAccumulator;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The driver-side accumulators of one session, by id; merges the updates of successful task attempts. */
public final class AccumulatorRegistry {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final Map<Long, LongAccumulator> longs = new ConcurrentHashMap<>();
  private final Map<Long, DoubleAccumulator> doubles = new ConcurrentHashMap<>();

  public LongAccumulator newLong(String name) {
    LongAccumulator acc = new LongAccumulator(NEXT_ID.incrementAndGet(), name);
    longs.put(acc.id(), acc);
    return acc;
  }

  public DoubleAccumulator newDouble(String name) {
    DoubleAccumulator acc = new DoubleAccumulator(NEXT_ID.incrementAndGet(), name);
    doubles.put(acc.id(), acc);
    return acc;
  }

  /** Applies one successful attempt's updates. */
  public void merge(AccumulatorUpdates updates) {
    updates.longs().forEach((id, sumCount) -> {
      LongAccumulator acc = longs.get(id);
      if (acc != null) {
        acc.merge(sumCount[0], sumCount[1]);
      }
    });
    updates.doubles().forEach((id, sumCount) -> {
      DoubleAccumulator acc = doubles.get(id);
      if (acc != null) {
        acc.merge(sumCount[0], (long) sumCount[1]);
      }
    });
  }
}
