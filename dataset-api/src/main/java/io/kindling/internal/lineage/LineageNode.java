package io.kindling.internal.lineage;

import io.kindling.Partitioner;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One immutable node of the lineage graph: how to compute each of its partitions from its dependencies.
 * Serializable with its whole ancestry, so a job's lineage can be shipped to the nodes that run it.
 */
public abstract class LineageNode<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private final String callSite;

  protected LineageNode(int id, String callSite) {
    this.id = id;
    this.callSite = callSite == null ? "unknown" : callSite;
  }

  /** Unique within the session. */
  public final int id() {
    return id;
  }

  /** Where the user made this node, as Spark prints it: {@code map at WordCount.java:23}. */
  public final String callSite() {
    return callSite;
  }

  /** Spark's class name for this kind of node, used by {@code toDebugString()}: {@code MapPartitionsRDD}. */
  public abstract String kind();

  /** A prefix {@code toDebugString()} prints before the kind (textFile prints the path); empty by default. */
  public String label() {
    return "";
  }

  public abstract int numPartitions();

  public abstract List<Dependency> dependencies();

  /** Computes one partition; reads parents through {@code context} so caches and shuffles are honoured. */
  public abstract Iterator<T> compute(int partition, TaskContext context) throws Exception;

  /** How this node's elements are partitioned by key, when they are. */
  public Optional<Partitioner> partitioner() {
    return Optional.empty();
  }

  /** Hosts that hold this partition's input, best first; empty when it does not matter. */
  public List<String> preferredLocations(int partition) {
    return List.of();
  }

  /** A name for messages: {@code MapPartitionsRDD[3] at map at WordCount.java:23}. */
  public String describe() {
    return kind() + "[" + id + "] at " + callSite;
  }

  @Override
  public String toString() {
    return describe();
  }
}
