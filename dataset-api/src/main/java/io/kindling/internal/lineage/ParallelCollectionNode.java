package io.kindling.internal.lineage;

import io.kindling.internal.JavaSerialization;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A driver-side list cut into slices, one a partition ({@code parallelize}). Shipped with each slice serialized
 * on its own, so that a task deserializes only the slice it computes (tasks get their own copy of the
 * lineage, and would otherwise each read the whole list).
 */
public final class ParallelCollectionNode<T> extends LineageNode<T> {
  private static final long serialVersionUID = 1L;

  private final int numSlices;
  /** The slices, on the driver; null in a shipped copy. */
  private transient List<ArrayList<T>> slices;
  /** Each slice serialized, in a shipped copy. */
  private transient byte[][] shippedSlices;
  /** The hosts a slice prefers, asked on the driver only (a shipped copy has none). */
  private transient Function<List<T>, List<String>> locator;
  private transient Map<Integer, List<String>> locations;

  public ParallelCollectionNode(int id, String callSite, List<T> data, int numSlices) {
    this(id, callSite, data, numSlices, null);
  }

  /**
   * A parallel collection whose slices prefer hosts (as Spark's {@code makeRDD} with location preferences):
   * {@code locator} names them for a slice's elements, on the driver, the first time placement asks.
   */
  public ParallelCollectionNode(int id, String callSite, List<T> data, int numSlices,
      Function<List<T>, List<String>> locator) {
    super(id, callSite);
    this.locator = locator;
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
    this.numSlices = numSlices;
    this.slices = List.copyOf(cut);
  }

  @Override
  public String kind() {
    return "ParallelCollectionRDD";
  }

  @Override
  public int numPartitions() {
    return numSlices;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<T> compute(int partition, TaskContext context) throws IOException, ClassNotFoundException {
    if (slices != null) {
      return slices.get(partition).iterator();
    }
    return ((List<T>) JavaSerialization.fromBytes(shippedSlices[partition])).iterator();
  }

  @Override
  public List<String> preferredLocations(int partition) {
    Function<List<T>, List<String>> find = locator;
    if (find == null || slices == null) {
      return List.of();
    }
    synchronized (this) {
      if (locations == null) {
        locations = new ConcurrentHashMap<>();
      }
    }
    return locations.computeIfAbsent(partition, p -> List.copyOf(find.apply(slices.get(p))));
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    for (int i = 0; i < numSlices; i++) {
      out.writeObject(slices != null ? JavaSerialization.toBytes(slices.get(i)) : shippedSlices[i]);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    shippedSlices = new byte[numSlices][];
    for (int i = 0; i < numSlices; i++) {
      shippedSlices[i] = (byte[]) in.readObject();
    }
  }
}
