package io.kindling.actors.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's record of which shuffles have every map output written, so a later job reuses them instead of
 * running the map stage again.
 */
public final class MapOutputTracker {
  private final Map<Integer, long[][]> complete = new ConcurrentHashMap<>();

  /** Records that every map output of {@code shuffleId} exists; {@code sizes[map][reduce]} in bytes. */
  public void registerComplete(int shuffleId, long[][] sizes) {
    complete.put(shuffleId, sizes);
  }

  public boolean isComplete(int shuffleId) {
    return complete.containsKey(shuffleId);
  }

  /** Forgets a shuffle whose outputs were lost or removed. */
  public void unregister(int shuffleId) {
    complete.remove(shuffleId);
  }
}
