package io.kindling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.DoubleAccumulator;
import io.kindling.LongAccumulator;
import io.kindling.internal.lineage.AccumulatorUpdates;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccumulatorRegistryTest {

  @Test
  void merge_addsUpdatesToTheRegisteredAccumulators() {
    AccumulatorRegistry registry = new AccumulatorRegistry();
    LongAccumulator rows = registry.newLong("rows");
    DoubleAccumulator total = registry.newDouble("total");
    AccumulatorUpdates updates = new AccumulatorUpdates();
    updates.addLong(rows.id(), 5);
    updates.addLong(rows.id(), 2);
    updates.addDouble(total.id(), 1.5);
    registry.merge(updates);
    assertThat(rows.sum()).isEqualTo(7);
    assertThat(rows.count()).isEqualTo(2);
    assertThat(total.sum()).isEqualTo(1.5);
  }

  @Test
  void anAccumulatorNothingReferences_isForgotten_andItsLateUpdatesDropped() throws InterruptedException {
    AccumulatorRegistry registry = new AccumulatorRegistry();
    LongAccumulator kept = registry.newLong("kept");
    WeakReference<LongAccumulator> dropped = new WeakReference<>(registry.newLong("dropped"));
    long droppedId = dropped.get() == null ? -1 : dropped.get().id();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (dropped.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(dropped.get()).as("collected within 30 s").isNull();
    registry.newDouble("next");  // registration forgets collected entries
    assertThat(registry.size()).isEqualTo(2);

    AccumulatorUpdates late = new AccumulatorUpdates();
    late.addLong(droppedId, 3);
    late.addLong(kept.id(), 4);
    registry.merge(late);
    assertThat(kept.sum()).isEqualTo(4);
  }
}
