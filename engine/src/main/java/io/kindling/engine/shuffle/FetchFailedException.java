package io.kindling.engine.shuffle;

import io.kindling.KindlingException;

/**
 * A reduce task could not get a map output it needs: the node that wrote it is gone, or the output was lost.
 * Not the user's fault and not the reduce partition's: the driver re-runs the lost map partition, then the
 * reduce partition (as Spark does on a FetchFailed).
 */
public final class FetchFailedException extends KindlingException {
  private static final long serialVersionUID = 1L;

  private final int shuffleId;
  private final int mapPartition;

  public FetchFailedException(int shuffleId, int mapPartition, String reason) {
    this(shuffleId, mapPartition, reason, null);
  }

  public FetchFailedException(int shuffleId, int mapPartition, String reason, Throwable cause) {
    super("Could not fetch the output of map partition " + mapPartition + " of shuffle " + shuffleId + ": "
        + reason, cause);
    this.shuffleId = shuffleId;
    this.mapPartition = mapPartition;
  }

  public int shuffleId() {
    return shuffleId;
  }

  public int mapPartition() {
    return mapPartition;
  }

  /** The fetch failure in {@code t}'s cause chain, or null. */
  public static FetchFailedException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FetchFailedException f) {
        return f;
      }
    }
    return null;
  }
}
