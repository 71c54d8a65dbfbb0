package io.kindling.internal.lineage;

import static java.util.Objects.requireNonNull;

import io.kindling.Partitioner;
import io.kindling.Tuple2;
import io.kindling.function.Function;
import io.kindling.function.Function2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

  /** A value and the index of the parent it came from. */
  public record Tagged(int source, Object value) {}

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Iterator<Tuple2<K, List<Object>[]>> compute(int partition, TaskContext context) throws Exception {
    int n = dependencies.size();
    List<Iterator<Tuple2<K, Tagged>>> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Dependency d = dependencies.get(i);
      Iterator<? extends Tuple2<K, ?>> records = d instanceof ShuffleDependency s
          ? context.readShuffle(s, partition)
          : context.iterator((LineageNode<Tuple2<K, ?>>) d.parent(), partition);
      int source = i;
      inputs.add(new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public Tuple2<K, Tagged> next() {
          Tuple2<K, ?> t = records.next();
          return Tuple2.of(t._1(), new Tagged(source, t._2()));
        }
      });
    }
    // Grouped by the node's combine (within its memory budget, spilling when needed), not a plain hash map.
    return context.combineByKey(CoalesceNode.concat(inputs), groups(n));
  }

  /** Folds tagged values into one list per parent. */
  @SuppressWarnings("unchecked")
  private static Aggregator<Tagged, List<Object>[]> groups(int n) {
    Function<Tagged, List<Object>[]> create = t -> {
      List<Object>[] g = new List[n];
      for (int j = 0; j < n; j++) {
        g[j] = new ArrayList<>(1);
      }
      g[t.source()].add(t.value());
      return g;
    };
    Function2<List<Object>[], Tagged, List<Object>[]> add = (g, t) -> {
      g[t.source()].add(t.value());
      return g;
    };
    Function2<List<Object>[], List<Object>[], List<Object>[]> merge = (a, b) -> {
      for (int j = 0; j < n; j++) {
        a[j].addAll(b[j]);
      }
      return a;
    };
    return new Aggregator<>(create, add, merge);
  }
}
