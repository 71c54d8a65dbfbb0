package io.kindling.internal;

import io.kindling.DoubleAccumulator;
import io.kindling.LongAccumulator;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver-side accumulators of one session, by id; merges the updates of successful task attempts. Held
 * weakly, as Spark holds its accumulators: one that nothing references any more (a query's internal counter, or
 * a user's dropped accumulator) can't be read, so it is forgotten instead of kept for the session's lifetime, and
 * late updates for it are dropped.
 */
public final class AccumulatorRegistry {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final Map<Long, WeakReference<LongAccumulator>> longs = new ConcurrentHashMap<>();
  private final Map<Long, WeakReference<DoubleAccumulator>> doubles = new ConcurrentHashMap<>();

  public LongAccumulator newLong(String name) {
    forgetCollected();
    LongAccumulator acc = new LongAccumulator(NEXT_ID.incrementAndGet(), name);
    longs.put(acc.id(), new WeakReference<>(acc));
    return acc;
  }

  public DoubleAccumulator newDouble(String name) {
    forgetCollected();
    DoubleAccumulator acc = new DoubleAccumulator(NEXT_ID.incrementAndGet(), name);
    doubles.put(acc.id(), new WeakReference<>(acc));
    return acc;
  }

  /** Applies one successful attempt's updates. */
  public void merge(AccumulatorUpdates updates) {
    updates.longs().forEach((id, sumCount) -> {
      LongAccumulator acc = live(longs, id);
      if (acc != null) {
        acc.merge(sumCount[0], sumCount[1]);
      }
    });
    updates.doubles().forEach((id, sumCount) -> {
      DoubleAccumulator acc = live(doubles, id);
      if (acc != null) {
        acc.merge(sumCount[0], (long) sumCount[1]);
      }
    });
  }

  /** The accumulators still registered (reachable, or not yet noticed to be collected). */
  int size() {
    forgetCollected();
    return longs.size() + doubles.size();
  }

  private static <A> A live(Map<Long, WeakReference<A>> accumulators, long id) {
    WeakReference<A> ref = accumulators.get(id);
    return ref == null ? null : ref.get();
  }

  /** Drops the entries of collected accumulators; run at each registration, so the maps stay as large as needed. */
  private void forgetCollected() {
    longs.values().removeIf(ref -> ref.get() == null);
    doubles.values().removeIf(ref -> ref.get() == null);
  }
}
