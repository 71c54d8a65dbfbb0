package io.kindling.spi;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.PartitionFunction;

/**
 * One action's job: the final lineage node, which of its partitions to run, what to do with each, and the
 * action's name and call site (for progress and error messages).
 */
public record JobRequest<T, U>(
    LineageNode<T> node, int[] partitions, PartitionFunction<T, U> function, String action, String callSite) {

  public JobRequest {
    requireNonNull(node, "node is null");
    requireNonNull(partitions, "partitions is null");
    requireNonNull(function, "function is null");
    requireNonNull(action, "action is null");
    requireNonNull(callSite, "callSite is null");
    for (int p : partitions) {
      if (p < 0 || p >= node.numPartitions()) {
        throw new IllegalArgumentException(
            "partition " + p + " out of range for " + node.describe() + " with " + node.numPartitions()
                + " partitions");
      }
    }
  }

  /** {@code collect at WordCount.java:30}. */
  public String description() {
    return action + " at " + callSite;
  }
}
