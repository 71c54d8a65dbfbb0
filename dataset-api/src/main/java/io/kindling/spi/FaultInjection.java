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

  /** True when this backend runs on several JVMs and can kill them or cut links between them. */
  default boolean supportsNodeFaults() {
    return false;
  }

  /** Kills the worker JVM at {@code address} at once (as {@code kill -9} would). */
  default void killNode(String address) {
    throw new UnsupportedOperationException("killNode needs cluster mode");
  }

  /** Cuts the link between members {@code a} and {@code b}, both ways. */
  default void partitionNetwork(String a, String b) {
    throw new UnsupportedOperationException("partitionNetwork needs cluster mode");
  }

  /** Delays the link between members {@code a} and {@code b} by {@code delay}, both ways. */
  default void delayNetwork(String a, String b, java.time.Duration delay) {
    throw new UnsupportedOperationException("delayNetwork needs cluster mode");
  }

  /** Restores every link cut by {@link #partitionNetwork} or slowed by {@link #delayNetwork}. */
  default void healNetwork() {
    throw new UnsupportedOperationException("healNetwork needs cluster mode");
  }
}
