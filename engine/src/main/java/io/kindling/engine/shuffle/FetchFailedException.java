package io.kindling.engine.shuffle;

import io.kindling.KindlingException;
import java.util.Arrays;
import java.util.List;

/**
 * A reduce task could not read its input: map outputs of a shuffle it needs are missing (lost with their node,
 * dropped, or removed). Not the user's fault and not the reduce partition's, and not retried like a user error:
 * the driver runs the missing map partitions again, then the reduce task (as Spark does on a FetchFailed).
 */
public final class FetchFailedException extends KindlingException {
  private static final long serialVersionUID = 1L;

  private final int shuffleId;
  private final int[] mapPartitions;
  private final int reducePartition;

  /** Map output {@code mapPartition} of {@code shuffleId} could not be fetched, for {@code reason}. */
  public FetchFailedException(int shuffleId, int mapPartition, String reason) {
    this(shuffleId, mapPartition, reason, null);
  }

  /** Map output {@code mapPartition} of {@code shuffleId} could not be fetched, for {@code reason}. */
  public FetchFailedException(int shuffleId, int mapPartition, String reason, Throwable cause) {
    super("Could not fetch the output of map partition " + mapPartition + " of shuffle " + shuffleId + ": "
        + reason, cause);
    this.shuffleId = shuffleId;
    this.mapPartitions = new int[] {mapPartition};
    this.reducePartition = -1;
  }

  /** Reduce partition {@code reducePartition} found map outputs {@code mapPartitions} of {@code shuffleId} gone. */
  public FetchFailedException(int shuffleId, int[] mapPartitions, int reducePartition) {
    super(missingMessage(shuffleId, mapPartitions, reducePartition));
    this.shuffleId = shuffleId;
    this.mapPartitions = mapPartitions.clone();
    this.reducePartition = reducePartition;
  }

  private static String missingMessage(int shuffleId, int[] mapPartitions, int reducePartition) {
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

  /** The (first) missing map partition. */
  public int mapPartition() {
    return mapPartitions[0];
  }

  /** Every missing map partition found, ascending. */
  public List<Integer> mapPartitions() {
    return Arrays.stream(mapPartitions).boxed().toList();
  }

  /** The reduce partition that could not read them, or -1 when not known. */
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
