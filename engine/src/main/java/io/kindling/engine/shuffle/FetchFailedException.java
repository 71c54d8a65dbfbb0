package io.kindling.engine.shuffle;

import io.kindling.KindlingException;
import java.util.Arrays;
import java.util.List;

/**
 * A reduce task could not read its input: map outputs of a shuffle it needs are missing (lost with their node,
 * dropped, or removed). Not the user's fault and not retried like a user error: the driver runs the missing map
 * partitions again and then the reduce task (as Spark does on a {@code FetchFailedException}).
 */
public final class FetchFailedException extends KindlingException {
  private static final long serialVersionUID = 1L;

  private final int shuffleId;
  private final int[] mapPartitions;
  private final int reducePartition;

  /** {@code mapPartitions}: the missing map outputs of {@code shuffleId}, at least one. */
  public FetchFailedException(int shuffleId, int[] mapPartitions, int reducePartition) {
    super(message(shuffleId, mapPartitions, reducePartition));
    this.shuffleId = shuffleId;
    this.mapPartitions = mapPartitions.clone();
    this.reducePartition = reducePartition;
  }

  private static String message(int shuffleId, int[] mapPartitions, int reducePartition) {
    if (mapPartitions.length == 0) {
      throw new IllegalArgumentException("a fetch failure names at least one missing map output");
    }
    return "Fetch failed: shuffle " + shuffleId + " is missing the output of map partition"
        + (mapPartitions.length == 1 ? " " + mapPartitions[0] : "s " + Arrays.toString(mapPartitions))
        + " needed by reduce partition " + reducePartition + " (lost or removed); the map stage runs "
        + (mapPartitions.length == 1 ? "it" : "them") + " again";
  }

  public int shuffleId() {
    return shuffleId;
  }

  /** The missing map partitions, ascending. */
  public List<Integer> mapPartitions() {
    return Arrays.stream(mapPartitions).boxed().toList();
  }

  public int reducePartition() {
    return reducePartition;
  }

  /** The fetch failure among {@code t} and its causes (user code may have wrapped it), or null. */
  public static FetchFailedException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FetchFailedException f) {
        return f;
      }
    }
    return null;
  }
}
