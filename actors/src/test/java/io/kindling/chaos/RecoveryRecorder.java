package io.kindling.chaos;

import io.kindling.JobListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Records fault and recovery events; waits (polling, with a generous timeout) for those that come later. */
public final class RecoveryRecorder implements JobListener {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public final List<FaultInjected> faults = new CopyOnWriteArrayList<>();
  public final List<PartitionRecomputed> recomputed = new CopyOnWriteArrayList<>();
  public final List<BlockRecovered> recovered = new CopyOnWriteArrayList<>();
  public final List<PartitionFailed> failed = new CopyOnWriteArrayList<>();

  @Override
  public void onFaultInjected(FaultInjected event) {
    faults.add(event);
  }

  @Override
  public void onPartitionRecomputed(PartitionRecomputed event) {
    recomputed.add(event);
  }

  @Override
  public void onBlockRecovered(BlockRecovered event) {
    recovered.add(event);
  }

  @Override
  public void onPartitionFailed(PartitionFailed event) {
    failed.add(event);
  }

  /** True once some element of {@code events} matches; false if none does within the timeout. */
  public static <E> boolean eventually(List<E> events, Predicate<E> condition) {
    return eventually(() -> events.stream().anyMatch(condition));
  }

  /** True once {@code condition} holds; false if it does not within the timeout. */
  public static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  public void clear() {
    faults.clear();
    recomputed.clear();
    recovered.clear();
    failed.clear();
  }
}
