package io.kindling.spi;

import io.kindling.chaos.FaultSchedule;

/** A backend's fault injector, behind {@code session.faults()}. */
public interface FaultInjection {

  /**
   * Arms {@code request}, or fires it at once when what it targets exists (a cached block, its owner); returns
   * when the fault is armed or has fired.
   */
  void inject(FaultRequest request);

  /** Adds random faults from {@code schedule} to every later job (replacing an earlier schedule). */
  void schedule(FaultSchedule schedule);

  /** Disarms every armed fault and the schedule. */
  void clear();
}
