package io.kindling.engine.storage;

import java.io.Serializable;

/** A cached block: partition {@code partition} of dataset {@code rddId}, on one node of one session. */
public record BlockId(int rddId, int partition) implements Serializable {

  public BlockId {
    if (rddId < 0 || partition < 0) {
      throw new IllegalArgumentException("rddId and partition must not be negative: " + rddId + ", " + partition);
    }
  }

  /** {@code rdd_3_1}, as Spark names blocks. */
  @Override
  public String toString() {
    return "rdd_" + rddId + "_" + partition;
  }
}
