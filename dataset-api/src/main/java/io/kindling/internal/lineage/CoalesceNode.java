package io.kindling.internal.lineage;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Fewer partitions made by concatenating neighbouring parent partitions, without a shuffle ({@code coalesce}).
 */
public final class CoalesceNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final LineageNode<T> parent;
  private final int maxPartitions;
  /** Parent partitions of each partition; cut on first use (the parent's partitions may need a file listing). */
  private int[][] groups;

  public CoalesceNode(int id, String callSite, LineageNode<T> parent, int maxPartitions) {
    super(id, callSite);
    if (maxPartitions < 1) {
      throw new IllegalArgumentException(
          "Number of partitions (" + maxPartitions + ") must be positive.");
    }
    this.parent = parent;
    this.maxPartitions = maxPartitions;
  }

  private synchronized int[][] groups() {
    if (groups == null) {
      int n = parent.numPartitions();
      int k = Math.min(maxPartitions, n);
      int[][] cut = new int[k][];
      for (int i = 0; i < k; i++) {
        int start = (int) ((long) i * n / k);
        int end = (int) ((long) (i + 1) * n / k);
        cut[i] = new int[end - start];
        for (int j = start; j < end; j++) {
          cut[i][j - start] = j;
        }
      }
      groups = cut;
    }
    return groups;
  }

  @Override
  public String kind() {
    return "CoalescedRDD";
  }

  @Override
  public int numPartitions() {
    return groups().length;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new GroupDependency(parent, groups()));
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) throws Exception {
    List<Iterator<T>> parts = new ArrayList<>();
    for (int p : groups()[partition]) {
      parts.add(context.iterator(parent, p));
    }
    return concat(parts);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    groups();
    out.defaultWriteObject();
  }

  static <T> Iterator<T> concat(List<Iterator<T>> parts) {
    return new Iterator<>() {
      private int index;

      @Override
      public boolean hasNext() {
        while (index < parts.size()) {
          if (parts.get(index).hasNext()) {
            return true;
          }
          index++;
        }
        return false;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return parts.get(index).next();
      }
    };
  }
}
