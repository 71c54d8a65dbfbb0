package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every pair of an element of the first dataset with an element of the second ({@code cartesian}): partition
 * {@code i * n2 + j} pairs partition {@code i} of the first with partition {@code j} of the second. Narrow: no
 * shuffle, but each task reads one partition of each parent.
 */
public final class CartesianNode<T, U> extends LineageNode<Tuple2<T, U>> {
  private static final long serialVersionUID = 1L;

  private final LineageNode<T> first;
  private final LineageNode<U> second;

  public CartesianNode(int id, String callSite, LineageNode<T> first, LineageNode<U> second) {
    super(id, callSite);
    this.first = requireNonNull(first, "first is null");
    this.second = requireNonNull(second, "second is null");
  }

  @Override
  public String kind() {
    return "CartesianRDD";
  }

  @Override
  public int numPartitions() {
    return first.numPartitions() * second.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    int n2 = second.numPartitions();
    return List.of(new CartesianDependency(first, n2, true), new CartesianDependency(second, n2, false));
  }

  @Override
  public Iterator<Tuple2<T, U>> compute(int partition, TaskContext context) throws Exception {
    int n2 = second.numPartitions();
    Iterator<T> left = context.iterator(first, partition / n2);
    if (!left.hasNext()) {
      return Collections.emptyIterator();
    }
    // The second partition is read once and kept, rather than recomputed for every left element.
    List<U> right = new ArrayList<>();
    Iterator<U> r = context.iterator(second, partition % n2);
    while (r.hasNext()) {
      right.add(r.next());
    }
    if (right.isEmpty()) {
      return Collections.emptyIterator();
    }
    return new Iterator<>() {
      private T current = left.next();
      private int index;

      @Override
      public boolean hasNext() {
        if (index == right.size()) {
          if (!left.hasNext()) {
            return false;
          }
          current = left.next();
          index = 0;
        }
        return true;
      }

      @Override
      public Tuple2<T, U> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return Tuple2.of(current, right.get(index++));
      }
    };
  }

  /** Partition {@code i} reads partition {@code i / n2} of the first parent or {@code i % n2} of the second. */
  public record CartesianDependency(LineageNode<?> parent, int secondPartitions, boolean isFirst)
      implements NarrowDependency, java.io.Serializable {

    @Override
    public int[] parentPartitions(int partition) {
      return new int[] {isFirst ? partition / secondPartitions : partition % secondPartitions};
    }
  }
}
