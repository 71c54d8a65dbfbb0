package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups the values of several pair datasets by key ({@code cogroup}, and through it the joins): each element
 * is {@code (key, groups)} where {@code groups[i]} holds the values of parent {@code i} for that key. A parent
 * already partitioned by the same partitioner is read in place (a narrow dependency: co-partitioned joins do
 * not shuffle); the others are shuffled by it.
 */
public final class CoGroupedNode<K> extends LineageNode<Tuple2<K, List<Object>[]>> {
  private static final long serialVersionUID = 1L;

  private final Partitioner partitioner;
  private final List<Dependency> dependencies;

  /**
   * @param shuffleIds one per parent: used when that parent must be shuffled
   */
  public CoGroupedNode(int id, String callSite, List<? extends LineageNode<? extends Tuple2<K, ?>>> parents,
      Partitioner partitioner, int[] shuffleIds) {
    super(id, callSite);
    this.partitioner = requireNonNull(partitioner, "partitioner is null");
    if (parents.isEmpty() || shuffleIds.length != parents.size()) {
      throw new IllegalArgumentException("cogroup needs parents and one shuffle id per parent");
    }
    List<Dependency> deps = new ArrayList<>();
    for (int i = 0; i < parents.size(); i++) {
      LineageNode<? extends Tuple2<K, ?>> parent = parents.get(i);
      if (parent.partitioner().equals(Optional.of(partitioner))) {
        deps.add(new OneToOneDependency(parent));
      } else {
        deps.add(new ShuffleDependency<>(parent, shuffleIds[i], partitioner, null, false, null));
      }
    }
    this.dependencies = List.copyOf(deps);
  }

  /** The shuffle ids of the parents that are shuffled. */
  public List<Integer> shuffleIds() {
    List<Integer> ids = new ArrayList<>();
    for (Dependency d : dependencies) {
      if (d instanceof ShuffleDependency<?, ?, ?> s) {
        ids.add(s.shuffleId());
      }
    }
    return ids;
  }

  @Override
  public String kind() {
    return "CoGroupedRDD";
  }

  @Override
  public int numPartitions() {
    return partitioner.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return dependencies;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.of(partitioner);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Iterator<Tuple2<K, List<Object>[]>> compute(int partition, TaskContext context) throws Exception {
    int n = dependencies.size();
    Map<K, List<Object>[]> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Dependency d = dependencies.get(i);
      Iterator<? extends Tuple2<K, ?>> records = d instanceof ShuffleDependency s
          ? context.readShuffle(s, partition)
          : context.iterator((LineageNode<Tuple2<K, ?>>) d.parent(), partition);
      while (records.hasNext()) {
        Tuple2<K, ?> t = records.next();
        List<Object>[] g = groups.get(t._1());
        if (g == null) {
          g = new List[n];
          for (int j = 0; j < n; j++) {
            g[j] = new ArrayList<>(1);
          }
          groups.put(t._1(), g);
        }
        g[i].add(t._2());
      }
    }
    Iterator<Map.Entry<K, List<Object>[]>> entries = groups.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Tuple2<K, List<Object>[]> next() {
        Map.Entry<K, List<Object>[]> e = entries.next();
        return Tuple2.of(e.getKey(), e.getValue());
      }
    };
  }
}
