package io.kindling.internal.lineage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A driver-side list cut into slices, one a partition ({@code parallelize}). */
public final class ParallelCollectionNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final List<ArrayList<T>> slices;

  public ParallelCollectionNode(int id, String callSite, List<T> data, int numSlices) {
    super(id, callSite);
    if (numSlices < 1) {
      throw new IllegalArgumentException("Positive number of partitions required: " + numSlices);
    }
    List<ArrayList<T>> cut = new ArrayList<>(numSlices);
    int length = data.size();
    for (int i = 0; i < numSlices; i++) {
      // The same boundaries as Spark's ParallelCollectionRDD.slice, so partition contents match.
      int start = (int) ((long) i * length / numSlices);
      int end = (int) ((long) (i + 1) * length / numSlices);
      cut.add(new ArrayList<>(data.subList(start, end)));
    }
    this.slices = List.copyOf(cut);
  }

  @Override
  public String kind() {
    return "ParallelCollectionRDD";
  }

  @Override
  public int numPartitions() {
    return slices.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  public Iterator<T> compute(int partition, TaskContext context) {
    return slices.get(partition).iterator();
  }
}
