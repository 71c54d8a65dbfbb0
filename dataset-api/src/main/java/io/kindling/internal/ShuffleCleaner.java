package io.kindling.internal;

import java.lang.ref.Cleaner;

/**
 * Releases a shuffle's map outputs once the lineage node that reads it is garbage-collected on the driver (no
 * dataset can read it any more), as Spark's ContextCleaner does. One daemon thread per JVM.
 */
final class ShuffleCleaner {
  private static final Cleaner CLEANER = Cleaner.create(r -> {
    Thread t = new Thread(r, "kindling-shuffle-cleaner");
    t.setDaemon(true);
    return t;
  });

  private ShuffleCleaner() {}

  /** Runs {@code release} once {@code owner} is unreachable. {@code release} must not refer to {@code owner}. */
  static void register(Object owner, Runnable release) {
    CLEANER.register(owner, release);
  }
}
