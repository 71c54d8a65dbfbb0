package io.kindling.rdd;

import static java.util.Objects.requireNonNull;

import io.kindling.HashPartitioner;
import io.kindling.Partitioner;
import io.kindling.RangePartitioner;
import io.kindling.Tuple2;
import io.kindling.function.FlatMapFunction;
import io.kindling.function.Function;
import io.kindling.function.Function2;
import io.kindling.internal.CallSites;
import io.kindling.internal.Iterators;
import io.kindling.internal.NaturalOrder;
import io.kindling.internal.SessionContext;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.MapPartitionsNode;
import io.kindling.internal.lineage.PartitionTransform;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset of key-value pairs, with the by-key operations. The {@link RDD} methods that keep the element
 * type return a {@code PairRDD} here, as in Spark's {@code JavaPairRDD}.
 *
 * <p>The by-key operations shuffle: records move between partitions so that equal keys meet. A dataset
 * already partitioned by an equal {@link Partitioner} (the output of a shuffle, or of {@link #partitionBy}) is
 * not shuffled again, and joining two datasets partitioned alike is narrow.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairRDD<K, V> extends RDD<Tuple2<K, V>> {

  /** Internal: pair datasets are made by transformations. */
  public PairRDD(SessionContext context, LineageNode<Tuple2<K, V>> node) {
    super(context, node);
  }

  /** Views a dataset of pairs as a {@code PairRDD}. */
  public static <K, V> PairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
    return rdd instanceof PairRDD<K, V> p ? p : new PairRDD<>(rdd.context, rdd.node);
  }

  @Override
  public PairRDD<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairRDD<K, V> persist(StorageLevel level) {
    super.persist(level);
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist() {
    super.unpersist();
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist(boolean blocking) {
    super.unpersist(blocking);
    return this;
  }

  @Override
  public PairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return fromRDD(super.filter(f));
  }

  @Override
  public PairRDD<K, V> union(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.union(other));
  }

  @Override
  public PairRDD<K, V> sample(boolean withReplacement, double fraction, long seed) {
    return fromRDD(super.sample(withReplacement, fraction, seed));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions) {
    return fromRDD(super.coalesce(numPartitions));
  }

  // ---------------------------------------------------------------- element-preserving shuffles

  @Override
  public PairRDD<K, V> coalesce(int numPartitions, boolean shuffle) {
    return fromRDD(super.coalesce(numPartitions, shuffle));
  }

  @Override
  public PairRDD<K, V> repartition(int numPartitions) {
    return fromRDD(super.repartition(numPartitions));
  }

  @Override
  public PairRDD<K, V> distinct() {
    return fromRDD(super.distinct());
  }

  @Override
  public PairRDD<K, V> distinct(int numPartitions) {
    return fromRDD(super.distinct(numPartitions));
  }

  @Override
  public PairRDD<K, V> intersection(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.intersection(other));
  }

  @Override
  public PairRDD<K, V> intersection(RDD<Tuple2<K, V>> other, int numPartitions) {
    return fromRDD(super.intersection(other, numPartitions));
  }

  @Override
  public PairRDD<K, V> subtract(RDD<Tuple2<K, V>> other) {
    return fromRDD(super.subtract(other));
  }

  @Override
  public PairRDD<K, V> subtract(RDD<Tuple2<K, V>> other, int numPartitions) {
    return fromRDD(super.subtract(other, numPartitions));
  }

  @Override
  public PairRDD<K, V> subtract(RDD<Tuple2<K, V>> other, Partitioner partitioner) {
    return fromRDD(super.subtract(other, partitioner));
  }

  // ---------------------------------------------------------------- aggregation by key

  /**
   * Combines the values of each key with three functions: {@code createCombiner} starts a combiner from a
   * key's first value, {@code mergeValue} folds another value in, {@code mergeCombiners} merges combiners
   * built in different partitions. Lazy; shuffles (with map-side combine) unless already partitioned by the
   * default partitioner.
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, Shuffles.defaultPartitioner(this));
  }

  /** {@link #combineByKey(Function, Function2, Function2)} into {@code numPartitions} hash partitions. */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, int numPartitions) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions));
  }

  /** {@link #combineByKey(Function, Function2, Function2)} into the partitions of {@code partitioner}. */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /**
   * {@link #combineByKey(Function, Function2, Function2)} into the partitions of {@code partitioner};
   * {@code mapSideCombine} false sends every value through the shuffle uncombined.
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
    requireNonNull(partitioner, "partitioner is null");
    return Shuffles.combineByKey(this, new Aggregator<>(createCombiner, mergeValue, mergeCombiners),
        partitioner, mapSideCombine, "combineByKey");
  }

  /**
   * Merges the values of each key with an associative, commutative {@code f}, first within each partition
   * (map-side combine), then across. Lazy; shuffles into the default partitioner's partitions unless already
   * partitioned by it.
   */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
    return reduceByKey(Shuffles.defaultPartitioner(this), f);
  }

  /** {@link #reduceByKey(Function2)} into {@code numPartitions} hash partitions. Lazy; shuffles. */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return reduceByKey(new HashPartitioner(numPartitions), f);
  }

  /** {@link #reduceByKey(Function2)} into the partitions of {@code partitioner}. Lazy; shuffles unless so partitioned. */
  public PairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
    requireNonNull(f, "f is null");
    requireNonNull(partitioner, "partitioner is null");
    Function<V, V> identity = v -> v;
    return Shuffles.combineByKey(this, new Aggregator<>(identity, f, f), partitioner, true, "reduceByKey");
  }

  /**
   * Groups the values of each key into one {@code Iterable} (no particular order). Lazy; shuffles every value
   * (there is nothing to combine on the map side). To aggregate, {@link #reduceByKey} or
   * {@link #aggregateByKey} move far less data.
   */
  public PairRDD<K, Iterable<V>> groupByKey() {
    return groupByKey(Shuffles.defaultPartitioner(this));
  }

  /** {@link #groupByKey()} into {@code numPartitions} hash partitions. */
  public PairRDD<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(new HashPartitioner(numPartitions));
  }

  /** {@link #groupByKey()} into the partitions of {@code partitioner}. */
  public PairRDD<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    requireNonNull(partitioner, "partitioner is null");
    Function<V, ArrayList<V>> create = v -> {
      ArrayList<V> list = new ArrayList<>(2);
      list.add(v);
      return list;
    };
    Function2<ArrayList<V>, V, ArrayList<V>> add = (list, v) -> {
      list.add(v);
      return list;
    };
    Function2<ArrayList<V>, ArrayList<V>, ArrayList<V>> merge = (a, b) -> {
      a.addAll(b);
      return a;
    };
    PairRDD<K, ArrayList<V>> grouped = Shuffles.combineByKey(this, new Aggregator<>(create, add, merge),
        partitioner, false, "groupByKey");
    @SuppressWarnings({"unchecked", "rawtypes"})
    PairRDD<K, Iterable<V>> typed = (PairRDD) grouped;
    return typed;
  }

  /**
   * Aggregates the values of each key, starting each key (in each partition) from a copy of
   * {@code zeroValue}: {@code seqOp} folds a value into the aggregate, {@code combOp} merges aggregates.
   * Lazy; shuffles (with map-side combine).
   */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    return aggregateByKey(zeroValue, Shuffles.defaultPartitioner(this), seqOp, combOp);
  }

  /** {@link #aggregateByKey(Object, Function2, Function2)} into {@code numPartitions} hash partitions. */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, int numPartitions, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    return aggregateByKey(zeroValue, new HashPartitioner(numPartitions), seqOp, combOp);
  }

  /** {@link #aggregateByKey(Object, Function2, Function2)} into the partitions of {@code partitioner}. */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Partitioner partitioner, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    requireNonNull(seqOp, "seqOp is null");
    requireNonNull(combOp, "combOp is null");
    requireNonNull(partitioner, "partitioner is null");
    Function<V, U> create = v -> seqOp.call(Shuffles.copyOf(zeroValue), v);
    return Shuffles.combineByKey(this, new Aggregator<>(create, seqOp, combOp), partitioner, true,
        "aggregateByKey");
  }

  /**
   * Folds the values of each key with {@code f}, starting each key (in each partition) from a copy of
   * {@code zeroValue}, which must be an identity of {@code f}. Lazy; shuffles (with map-side combine).
   */
  public PairRDD<K, V> foldByKey(V zeroValue, Function2<V, V, V> f) {
    return foldByKey(zeroValue, Shuffles.defaultPartitioner(this), f);
  }

  /** {@link #foldByKey(Object, Function2)} into {@code numPartitions} hash partitions. */
  public PairRDD<K, V> foldByKey(V zeroValue, int numPartitions, Function2<V, V, V> f) {
    return foldByKey(zeroValue, new HashPartitioner(numPartitions), f);
  }

  /** {@link #foldByKey(Object, Function2)} into the partitions of {@code partitioner}. */
  public PairRDD<K, V> foldByKey(V zeroValue, Partitioner partitioner, Function2<V, V, V> f) {
    requireNonNull(f, "f is null");
    requireNonNull(partitioner, "partitioner is null");
    Function<V, V> create = v -> f.call(Shuffles.copyOf(zeroValue), v);
    return Shuffles.combineByKey(this, new Aggregator<>(create, f, f), partitioner, true, "foldByKey");
  }

  /**
   * How many pairs each key has. Action: counts with a {@code reduceByKey} (a shuffle) and brings the counts to
   * the driver, which must have room for one entry per distinct key.
   */
  public Map<K, Long> countByKey() {
    Function<V, Long> one = v -> 1L;
    Function2<Long, Long, Long> sum = Long::sum;
    Map<K, Long> counts = new HashMap<>();
    for (Tuple2<K, Long> t : mapValues(one, "countByKey").reduceByKey(sum).collect()) {
      counts.put(t._1(), t._2());
    }
    return counts;
  }

  // ---------------------------------------------------------------- per-value transformations

  /** Applies {@code f} to each value, keeping the keys (and the partitioner). Lazy; no shuffle. */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    return mapValues(f, "mapValues");
  }

  /** {@link #mapValues(Function)} named after the operation that uses it, as Spark names its steps. */
  <U> PairRDD<K, U> mapValues(Function<V, U> f, String operation) {
    requireNonNull(f, "f is null");
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation), node,
        (PartitionTransform<Tuple2<K, V>, Tuple2<K, U>>) (p, it) ->
            Iterators.map(it, t -> Tuple2.of(t._1(), f.call(t._2()))), true, "MapPartitionsRDD"));
  }

  /** Pairs each key with every value {@code f} makes of its value, keeping the partitioner. Lazy; no shuffle. */
  public <U> PairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    return flatMapValues(f, "flatMapValues");
  }

  /** {@link #flatMapValues(FlatMapFunction)} named after the operation that uses it. */
  <U> PairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f, String operation) {
    requireNonNull(f, "f is null");
    return new PairRDD<>(context, new MapPartitionsNode<>(context.nextNodeId(), CallSites.of(operation),
        node, (PartitionTransform<Tuple2<K, V>, Tuple2<K, U>>) (p, it) -> Iterators.flatMap(it, t -> {
          Iterator<U> values = f.call(t._2());
          return values == null ? null : Iterators.map(values, u -> Tuple2.of(t._1(), u));
        }), true, "MapPartitionsRDD"));
  }

  /** The keys. Lazy; no shuffle. */
  public RDD<K> keys() {
    return keys("keys");
  }

  RDD<K> keys(String operation) {
    return derive(operation, (p, it) -> Iterators.map(it, Tuple2::_1));
  }

  /** The values. Lazy; no shuffle. */
  public RDD<V> values() {
    return values("values");
  }

  RDD<V> values(String operation) {
    return derive(operation, (p, it) -> Iterators.map(it, Tuple2::_2));
  }

  // ---------------------------------------------------------------- joins

  /**
   * For each key of either dataset, the values it has in this one and in {@code other}. Lazy; shuffles the
   * inputs not already partitioned by the default partitioner (co-partitioned inputs are read in place).
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other) {
    return cogroup(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #cogroup(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, int numPartitions) {
    return cogroup(other, new HashPartitioner(numPartitions));
  }

  /** {@link #cogroup(PairRDD)} into the partitions of {@code partitioner}. */
  @SuppressWarnings("unchecked")
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
    requireNonNull(other, "other is null");
    requireNonNull(partitioner, "partitioner is null");
    PairRDD<K, List<Object>[]> grouped = Shuffles.cogroup(List.of(this, other), partitioner, "cogroup");
    return grouped.mapValues(g -> Tuple2.of((Iterable<V>) (List<?>) g[0], (Iterable<W>) (List<?>) g[1]),
        "cogroup");
  }

  /**
   * Every {@code (k, (v, w))} with {@code (k, v)} here and {@code (k, w)} in {@code other} (an inner join).
   * Lazy; shuffles like {@link #cogroup(PairRDD)}.
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
    return join(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #join(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
    return join(other, new HashPartitioner(numPartitions));
  }

  /** {@link #join(PairRDD)} into the partitions of {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, Partitioner partitioner) {
    return joined(other, partitioner, false, false, "join", (v, w) -> Tuple2.of(v.get(), w.get()));
  }

  /**
   * Every {@code (k, (v, Optional.of(w)))} of the inner join, plus {@code (k, (v, Optional.empty()))} for
   * each {@code (k, v)} whose key is not in {@code other}. Lazy; shuffles like {@link #cogroup(PairRDD)}.
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other) {
    return leftOuterJoin(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #leftOuterJoin(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return leftOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** {@link #leftOuterJoin(PairRDD)} into the partitions of {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return joined(other, partitioner, false, true, "leftOuterJoin", (v, w) -> Tuple2.of(v.get(), w));
  }

  /**
   * Every {@code (k, (Optional.of(v), w))} of the inner join, plus {@code (k, (Optional.empty(), w))} for each
   * {@code (k, w)} of {@code other} whose key is not here. Lazy; shuffles like {@link #cogroup(PairRDD)}.
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
    return rightOuterJoin(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #rightOuterJoin(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return rightOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** {@link #rightOuterJoin(PairRDD)} into the partitions of {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    return joined(other, partitioner, true, false, "rightOuterJoin", (v, w) -> Tuple2.of(v, w.get()));
  }

  /**
   * The inner join plus the unmatched pairs of both sides, with {@code Optional.empty()} for the missing side.
   * Lazy; shuffles like {@link #cogroup(PairRDD)}.
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other) {
    return fullOuterJoin(other, Shuffles.defaultPartitioner(this, other));
  }

  /** {@link #fullOuterJoin(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, int numPartitions) {
    return fullOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /** {@link #fullOuterJoin(PairRDD)} into the partitions of {@code partitioner}. */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other,
      Partitioner partitioner) {
    return joined(other, partitioner, true, true, "fullOuterJoin", Tuple2::of);
  }

  /**
   * The pairs whose key is not in {@code other}. Lazy; shuffles both inputs into this dataset's partitioner,
   * or hash partitions as many as this dataset has.
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
    return subtractByKey(other, node.partitioner().orElseGet(() -> new HashPartitioner(getNumPartitions())));
  }

  /** {@link #subtractByKey(PairRDD)} into {@code numPartitions} hash partitions. */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, int numPartitions) {
    return subtractByKey(other, new HashPartitioner(numPartitions));
  }

  /** {@link #subtractByKey(PairRDD)} into the partitions of {@code partitioner}. */
  @SuppressWarnings("unchecked")
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, Partitioner partitioner) {
    requireNonNull(other, "other is null");
    requireNonNull(partitioner, "partitioner is null");
    PairRDD<K, List<Object>[]> grouped = Shuffles.cogroup(List.of(this, other), partitioner, "subtractByKey");
    FlatMapFunction<List<Object>[], V> left = g -> g[1].isEmpty() ? ((List<V>) (List<?>) g[0]).iterator() : null;
    return grouped.flatMapValues(left, "subtractByKey");
  }

  /** A join's pairs for one key: every combination of the two sides' values, empty sides as Optional.empty(). */
  @SuppressWarnings("unchecked")
  private <W, R> PairRDD<K, R> joined(PairRDD<K, W> other, Partitioner partitioner, boolean keepUnmatchedLeft,
      boolean keepUnmatchedRight, String operation, Function2<Optional<V>, Optional<W>, R> combine) {
    requireNonNull(other, "other is null");
    requireNonNull(partitioner, "partitioner is null");
    PairRDD<K, List<Object>[]> grouped = Shuffles.cogroup(List.of(this, other), partitioner, operation);
    FlatMapFunction<List<Object>[], R> pairs = g -> {
      List<V> vs = (List<V>) (List<?>) g[0];
      List<W> ws = (List<W>) (List<?>) g[1];
      List<R> out = new ArrayList<>();
      if (vs.isEmpty()) {
        if (keepUnmatchedLeft) {
          for (W w : ws) {
            out.add(combine.call(Optional.empty(), Optional.ofNullable(w)));
          }
        }
      } else if (ws.isEmpty()) {
        if (keepUnmatchedRight) {
          for (V v : vs) {
            out.add(combine.call(Optional.ofNullable(v), Optional.empty()));
          }
        }
      } else {
        for (V v : vs) {
          for (W w : ws) {
            out.add(combine.call(Optional.ofNullable(v), Optional.ofNullable(w)));
          }
        }
      }
      return out.iterator();
    };
    return grouped.flatMapValues(pairs, operation);
  }

  // ---------------------------------------------------------------- partitioning and sorting

  /**
   * The same pairs, partitioned by {@code partitioner}. Lazy; shuffles unless already partitioned by an equal
   * partitioner (then it returns this dataset).
   */
  public PairRDD<K, V> partitionBy(Partitioner partitioner) {
    requireNonNull(partitioner, "partitioner is null");
    if (node.partitioner().equals(Optional.of(partitioner))) {
      return this;
    }
    return Shuffles.<K, V, V>shuffled(this, partitioner, null, false, null, "partitionBy");
  }

  /** Sorted by key in natural order, ascending. See {@link #sortByKey(Comparator, boolean, int)}. */
  public PairRDD<K, V> sortByKey() {
    return sortByKey(true);
  }

  /** Sorted by key in natural order. See {@link #sortByKey(Comparator, boolean, int)}. */
  public PairRDD<K, V> sortByKey(boolean ascending) {
    return sortByKey(ascending, getNumPartitions());
  }

  /** Sorted by key in natural order into about {@code numPartitions} partitions. */
  public PairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
    return sortByKey(NaturalOrder.get(), ascending, numPartitions);
  }

  /** Sorted by key with {@code comparator}, ascending. */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator) {
    return sortByKey(comparator, true);
  }

  /** Sorted by key with {@code comparator}. */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator, boolean ascending) {
    return sortByKey(comparator, ascending, getNumPartitions());
  }

  /**
   * Sorted by key with {@code comparator} (which must be serializable): partition {@code i}'s keys all come
   * before partition {@code i+1}'s, and each partition is sorted, so {@code collect()} returns the pairs in
   * order. Runs a job at once to sample the keys for a {@link RangePartitioner} (as Spark does), then is lazy;
   * shuffles. There may be fewer than {@code numPartitions} partitions when there are few distinct keys.
   */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator, boolean ascending, int numPartitions) {
    requireNonNull(comparator, "comparator is null");
    RangePartitioner<K> partitioner = new RangePartitioner<>(numPartitions, this, ascending, comparator);
    Comparator<K> ordering = ascending ? comparator : comparator.reversed();
    return Shuffles.<K, V, V>shuffled(this, partitioner, null, false, ordering, "sortByKey");
  }

  // ---------------------------------------------------------------- actions

  /**
   * The values of {@code key}. Action: when the dataset's partitioner is known only the partition that can hold
   * the key is read; otherwise every partition is scanned.
   */
  public List<V> lookup(K key) {
    Optional<Partitioner> partitioner = node.partitioner();
    if (partitioner.isPresent()) {
      int p = partitioner.get().getPartition(key);
      List<List<V>> found = context.runJob(node, new int[] {p}, (ctx, it) -> valuesOf(it, key), "lookup");
      return found.get(0);
    }
    return flatten(context.runJob(node, (ctx, it) -> valuesOf(it, key), "lookup"));
  }

  private static <K, V> List<V> valuesOf(Iterator<Tuple2<K, V>> it, K key) {
    List<V> values = new ArrayList<>();
    while (it.hasNext()) {
      Tuple2<K, V> t = it.next();
      if (key == null ? t._1() == null : key.equals(t._1())) {
        values.add(t._2());
      }
    }
    return values;
  }

  /**
   * The pairs as a map; when a key occurs more than once, the last of its pairs in partition order wins.
   * Action: every pair travels to the driver.
   */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new HashMap<>();
    for (Tuple2<K, V> t : collect()) {
      map.put(t._1(), t._2());
    }
    return map;
  }
}
