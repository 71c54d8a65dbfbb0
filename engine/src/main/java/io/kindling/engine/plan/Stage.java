package io.kindling.engine.plan;

import static java.util.Objects.requireNonNull;

import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.ShuffleDependency;
import java.io.Serializable;
import java.util.List;

/**
 * A set of tasks that run the same pipeline of narrow transformations, one per partition of {@link #node()}.
 * A shuffle-map stage writes its output for {@link #shuffleDependency()}; the result stage (shuffle dependency
 * null) hands each partition to the action's function.
 */
public record Stage(int id, LineageNode<?> node, List<Stage> parents, ShuffleDependency<?, ?, ?> shuffleDependency)
    implements Serializable {

  public Stage {
    requireNonNull(node, "node is null");
    parents = List.copyOf(parents);
  }

  public boolean isShuffleMap() {
    return shuffleDependency != null;
  }

  public int numPartitions() {
    return node.numPartitions();
  }

  /** {@code reduceByKey at WordCount.java:12}: the call site of the stage's last dataset. */
  public String name() {
    return node.callSite();
  }

  @Override
  public String toString() {
    return (isShuffleMap() ? "ShuffleMapStage " : "ResultStage ") + id + " (" + name() + ")";
  }
}
