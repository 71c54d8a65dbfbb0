package io.kindling.shuffle.external;

/**
 * Keeps a running estimate of a growing collection's heap size without measuring it on every update: it
 * measures at exponentially spaced update counts and extrapolates the bytes per update in between, as Spark's
 * SizeTracker does.
 */
final class SizeTracker {
  private static final double SAMPLE_GROWTH = 1.1;

  private long updates;
  private long nextSampleAt;
  private long sampledBytes;
  private long sampledAt;
  private double bytesPerUpdate;

  SizeTracker() {
    reset();
  }

  /** Counts an update; true when the caller should measure now and call {@link #sampled}. */
  boolean update() {
    return ++updates >= nextSampleAt;
  }

  /** Records a measurement taken after the latest update. */
  void sampled(long bytes) {
    if (updates > sampledAt) {
      bytesPerUpdate = Math.max(0, (double) (bytes - sampledBytes) / (updates - sampledAt));
    }
    sampledBytes = bytes;
    sampledAt = updates;
    nextSampleAt = Math.max(updates + 1, (long) Math.ceil(updates * SAMPLE_GROWTH));
  }

  /** The current estimate in bytes. */
  long estimate() {
    return sampledBytes + (long) (bytesPerUpdate * (updates - sampledAt));
  }

  /** Forgets everything (the collection was emptied). */
  void reset() {
    updates = 0;
    nextSampleAt = 1;
    sampledBytes = 0;
    sampledAt = 0;
    bytesPerUpdate = 0;
  }
}
