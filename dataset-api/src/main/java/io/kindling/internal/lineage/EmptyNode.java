package io.kindling.internal.lineage;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A dataset with no partitions ({@code emptyRDD}). */
public final class EmptyNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  public EmptyNode(int id, String callSite) {
    super(id, callSite);
  }

  @Override
  public String kind() {
    return "EmptyRDD";
  }

  @Override
  public int numPartitions() {
    return 0;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) {
    return Collections.emptyIterator();
  }
}
