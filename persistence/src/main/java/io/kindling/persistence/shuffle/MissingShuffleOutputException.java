package io.kindling.persistence.shuffle;

import io.kindling.KindlingException;

/** A map output that a reduce task needs is not in the store (removed, or lost with its node). */
public final class MissingShuffleOutputException extends KindlingException {
  private static final long serialVersionUID = 1L;

  private final int shuffleId;
  private final int mapPartition;

  public MissingShuffleOutputException(int shuffleId, int mapPartition) {
    super("Missing output of map partition " + mapPartition + " of shuffle " + shuffleId
        + ": it was removed or lost; the map stage must run again");
    this.shuffleId = shuffleId;
    this.mapPartition = mapPartition;
  }

  public int shuffleId() {
    return shuffleId;
  }

  public int mapPartition() {
    return mapPartition;
  }
}
