package io.kindling.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.HashPartitioner;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every by-key operation and every shuffling RDD operation against a plain-Java reference, on random data:
 * skewed keys, empty partitions, a single key, more partitions than keys.
 */
class PairOperationsPropertyTest {
  private static KindlingSession session;

  @BeforeContainer
  static void start() {
    session = KindlingSession.builder().appName("pair-properties").master("local[2]")
        .config("kindling.shuffle.memory-budget", "64k").create();
  }

  @AfterContainer
  static void stop() {
    session.close();
  }

  /** Input partitions exactly as given (empty ones included) and the partition count for the shuffle. */
  record Data(List<List<Tuple2<Integer, Integer>>> partitions, int shufflePartitions) {
    List<Tuple2<Integer, Integer>> all() {
      List<Tuple2<Integer, Integer>> all = new ArrayList<>();
      partitions.forEach(all::addAll);
      return all;
    }

    PairRDD<Integer, Integer> rdd() {
      return session.parallelize(partitions, partitions.size()).flatMapToPair(List::iterator);
    }

    @Override
    public String toString() {
      return "Data(" + partitions + ", shufflePartitions=" + shufflePartitions + ")";
    }
  }

  @Provide
  Arbitrary<Data> data() {
    Arbitrary<Integer> skewed = Arbitraries.integers().between(0, 40).withDistribution(RandomDistribution.biased());
    Arbitrary<Integer> oneKey = Arbitraries.just(7);
    Arbitrary<Integer> fewKeys = Arbitraries.integers().between(-1, 1);
    Arbitrary<Integer> wide = Arbitraries.integers().between(-5000, 5000);
    // One key shape per dataset, so that "one key only" and "more partitions than keys" really happen.
    return Arbitraries.of(List.of(skewed, oneKey, fewKeys, wide)).flatMap(keyShape -> {
      Arbitrary<Tuple2<Integer, Integer>> record = Combinators.combine(keyShape,
          Arbitraries.integers().between(-100, 100)).as(Tuple2::of);
      Arbitrary<List<Tuple2<Integer, Integer>>> partition = Arbitraries.oneOf(
          Arbitraries.just(List.of()), record.list().ofMaxSize(60));
      return Combinators.combine(partition.list().ofMinSize(1).ofMaxSize(5),
          Arbitraries.integers().between(1, 8)).as(Data::new);
    });
  }

  private static <K, V> Map<K, List<V>> grouped(List<Tuple2<K, V>> records) {
    Map<K, List<V>> groups = new HashMap<>();
    for (Tuple2<K, V> t : records) {
      groups.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
    }
    return groups;
  }

  private static <V extends Comparable<V>> Map<Integer, List<V>> sortedGroups(
      List<? extends Tuple2<Integer, ? extends Iterable<V>>> records) {
    Map<Integer, List<V>> out = new HashMap<>();
    for (Tuple2<Integer, ? extends Iterable<V>> t : records) {
      List<V> values = new ArrayList<>();
      t._2().forEach(values::add);
      Collections.sort(values);
      assertThat(out.put(t._1(), values)).as("key %s once", t._1()).isNull();
    }
    return out;
  }

  private static Map<Integer, List<Integer>> sortedReference(List<Tuple2<Integer, Integer>> records) {
    Map<Integer, List<Integer>> groups = grouped(records);
    groups.values().forEach(Collections::sort);
    return groups;
  }

  private static <K, V> Map<K, V> asMap(List<Tuple2<K, V>> records) {
    Map<K, V> map = new HashMap<>();
    for (Tuple2<K, V> t : records) {
      assertThat(map.put(t._1(), t._2())).as("key %s once", t._1()).isNull();
    }
    return map;
  }

  @Property(tries = 30, seed = "1001")
  void aggregations_matchReference(@ForAll("data") Data data) {
    List<Tuple2<Integer, Integer>> all = data.all();
    int n = data.shufflePartitions();
    Map<Integer, Long> sums = new HashMap<>();
    all.forEach(t -> sums.merge(t._1(), (long) t._2(), Long::sum));
    Map<Integer, Integer> intSums = new HashMap<>();
    all.forEach(t -> intSums.merge(t._1(), t._2(), Integer::sum));
    PairRDD<Integer, Integer> rdd = data.rdd();

    PairRDD<Integer, Integer> reduced = rdd.reduceByKey(Integer::sum, n);
    assertThat(reduced.getNumPartitions()).isEqualTo(n);
    assertThat(asMap(reduced.collect())).isEqualTo(intSums);
    assertThat(asMap(rdd.reduceByKey(Integer::sum).collect())).isEqualTo(intSums);
    assertThat(asMap(rdd.foldByKey(0, n, Integer::sum).collect())).isEqualTo(intSums);
    assertThat(asMap(rdd.combineByKey(v -> (long) v, (c, v) -> c + v, Long::sum, n).collect()))
        .isEqualTo(sums);
    assertThat(asMap(rdd.combineByKey(v -> (long) v, (c, v) -> c + v, Long::sum, new HashPartitioner(n), false)
        .collect())).isEqualTo(sums);
    // A mutable zero value: each key must start from its own copy.
    PairRDD<Integer, ArrayList<Integer>> lists = rdd.aggregateByKey(new ArrayList<Integer>(), n,
        (acc, v) -> {
          acc.add(v);
          return acc;
        },
        (a, b) -> {
          a.addAll(b);
          return a;
        });
    assertThat(sortedGroups(lists.collect())).isEqualTo(sortedReference(all));
    assertThat(sortedGroups(rdd.groupByKey(n).collect())).isEqualTo(sortedReference(all));
    assertThat(sortedGroups(rdd.groupByKey().collect())).isEqualTo(sortedReference(all));

    Map<Integer, Long> counts = new HashMap<>();
    all.forEach(t -> counts.merge(t._1(), 1L, Long::sum));
    assertThat(rdd.countByKey()).isEqualTo(counts);
  }

  @Property(tries = 30, seed = "1002")
  void perValueOperationsAndLookups_matchReference(@ForAll("data") Data data) {
    List<Tuple2<Integer, Integer>> all = data.all();
    int n = data.shufflePartitions();
    PairRDD<Integer, Integer> rdd = data.rdd();

    assertThat(rdd.mapValues(v -> v * 2).collect())
        .containsExactlyInAnyOrderElementsOf(all.stream().map(t -> Tuple2.of(t._1(), t._2() * 2)).toList());
    assertThat(rdd.flatMapValues(v -> List.of(v, -v).iterator()).collect())
        .containsExactlyInAnyOrderElementsOf(all.stream()
            .flatMap(t -> List.of(Tuple2.of(t._1(), t._2()), Tuple2.of(t._1(), -t._2())).stream()).toList());
    assertThat(rdd.keys().collect()).containsExactlyInAnyOrderElementsOf(all.stream().map(Tuple2::_1).toList());
    assertThat(rdd.values().collect()).containsExactlyInAnyOrderElementsOf(all.stream().map(Tuple2::_2).toList());

    HashPartitioner partitioner = new HashPartitioner(n);
    PairRDD<Integer, Integer> partitioned = rdd.partitionBy(partitioner);
    assertThat(partitioned.partitionBy(new HashPartitioner(n))).isSameAs(partitioned);
    List<List<Tuple2<Integer, Integer>>> glommed = partitioned.glom().collect();
    assertThat(glommed).hasSize(n);
    for (int p = 0; p < n; p++) {
      for (Tuple2<Integer, Integer> t : glommed.get(p)) {
        assertThat(partitioner.getPartition(t._1())).isEqualTo(p);
      }
    }
    assertThat(partitioned.collect()).containsExactlyInAnyOrderElementsOf(all);

    Map<Integer, List<Integer>> groups = sortedReference(all);
    Set<Integer> probes = new LinkedHashSet<>(groups.keySet().stream().limit(3).toList());
    probes.add(123_456);
    for (int key : probes) {
      List<Integer> expected = groups.getOrDefault(key, List.of());
      List<Integer> viaPartitioner = new ArrayList<>(partitioned.lookup(key));
      List<Integer> viaScan = new ArrayList<>(rdd.lookup(key));
      Collections.sort(viaPartitioner);
      Collections.sort(viaScan);
      assertThat(viaPartitioner).isEqualTo(expected);
      assertThat(viaScan).isEqualTo(expected);
    }

    Map<Integer, Integer> lastWins = new HashMap<>();
    all.forEach(t -> lastWins.put(t._1(), t._2()));
    assertThat(rdd.collectAsMap()).isEqualTo(lastWins);
  }

  @Property(tries = 30, seed = "1003")
  void joins_matchReference(@ForAll("data") Data left, @ForAll("data") Data right) {
    int n = left.shufflePartitions();
    List<Tuple2<Integer, Integer>> ls = left.all();
    List<Tuple2<Integer, Integer>> rs = right.all();
    Map<Integer, List<Integer>> lg = grouped(ls);
    Map<Integer, List<Integer>> rg = grouped(rs);
    List<Tuple2<Integer, Tuple2<Integer, Integer>>> inner = new ArrayList<>();
    List<Tuple2<Integer, Tuple2<Integer, Optional<Integer>>>> leftOuter = new ArrayList<>();
    List<Tuple2<Integer, Tuple2<Optional<Integer>, Integer>>> rightOuter = new ArrayList<>();
    List<Tuple2<Integer, Tuple2<Optional<Integer>, Optional<Integer>>>> fullOuter = new ArrayList<>();
    List<Tuple2<Integer, Integer>> subtracted = new ArrayList<>();
    for (Tuple2<Integer, Integer> l : ls) {
      List<Integer> matches = rg.getOrDefault(l._1(), List.of());
      for (int w : matches) {
        inner.add(Tuple2.of(l._1(), Tuple2.of(l._2(), w)));
        leftOuter.add(Tuple2.of(l._1(), Tuple2.of(l._2(), Optional.of(w))));
        rightOuter.add(Tuple2.of(l._1(), Tuple2.of(Optional.of(l._2()), w)));
        fullOuter.add(Tuple2.of(l._1(), Tuple2.of(Optional.of(l._2()), Optional.of(w))));
      }
      if (matches.isEmpty()) {
        leftOuter.add(Tuple2.of(l._1(), Tuple2.of(l._2(), Optional.empty())));
        fullOuter.add(Tuple2.of(l._1(), Tuple2.of(Optional.of(l._2()), Optional.empty())));
        subtracted.add(l);
      }
    }
    for (Tuple2<Integer, Integer> r : rs) {
      if (!lg.containsKey(r._1())) {
        rightOuter.add(Tuple2.of(r._1(), Tuple2.of(Optional.empty(), r._2())));
        fullOuter.add(Tuple2.of(r._1(), Tuple2.of(Optional.empty(), Optional.of(r._2()))));
      }
    }
    PairRDD<Integer, Integer> a = left.rdd();
    PairRDD<Integer, Integer> b = right.rdd();
    assertThat(a.join(b).collect()).containsExactlyInAnyOrderElementsOf(inner);
    assertThat(a.join(b, n).collect()).containsExactlyInAnyOrderElementsOf(inner);
    assertThat(a.leftOuterJoin(b, n).collect()).containsExactlyInAnyOrderElementsOf(leftOuter);
    assertThat(a.rightOuterJoin(b, n).collect()).containsExactlyInAnyOrderElementsOf(rightOuter);
    assertThat(a.fullOuterJoin(b, n).collect()).containsExactlyInAnyOrderElementsOf(fullOuter);
    assertThat(a.subtractByKey(b).collect()).containsExactlyInAnyOrderElementsOf(subtracted);
    assertThat(a.subtractByKey(b, n).collect()).containsExactlyInAnyOrderElementsOf(subtracted);

    Set<Integer> keys = new LinkedHashSet<>(lg.keySet());
    keys.addAll(rg.keySet());
    List<Tuple2<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>>> cogrouped = a.cogroup(b, n).collect();
    Map<Integer, Tuple2<List<Integer>, List<Integer>>> actual = new HashMap<>();
    for (Tuple2<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>> t : cogrouped) {
      List<Integer> vs = new ArrayList<>();
      List<Integer> ws = new ArrayList<>();
      t._2()._1().forEach(vs::add);
      t._2()._2().forEach(ws::add);
      Collections.sort(vs);
      Collections.sort(ws);
      assertThat(actual.put(t._1(), Tuple2.of(vs, ws))).isNull();
    }
    Map<Integer, Tuple2<List<Integer>, List<Integer>>> expected = new HashMap<>();
    for (int k : keys) {
      List<Integer> vs = new ArrayList<>(lg.getOrDefault(k, List.of()));
      List<Integer> ws = new ArrayList<>(rg.getOrDefault(k, List.of()));
      Collections.sort(vs);
      Collections.sort(ws);
      expected.put(k, Tuple2.of(vs, ws));
    }
    assertThat(actual).isEqualTo(expected);

    // Co-partitioned inputs join without a new shuffle and give the same answer.
    HashPartitioner p = new HashPartitioner(n);
    assertThat(a.partitionBy(p).join(b.partitionBy(p)).collect()).containsExactlyInAnyOrderElementsOf(inner);
  }

  @Property(tries = 30, seed = "1004")
  void sorting_matchesReference(@ForAll("data") Data data, @ForAll boolean ascending) {
    List<Tuple2<Integer, Integer>> all = data.all();
    int n = data.shufflePartitions();
    PairRDD<Integer, Integer> rdd = data.rdd();

    PairRDD<Integer, Integer> sorted = rdd.sortByKey(ascending, n);
    assertThat(sorted.getNumPartitions()).isBetween(1, n);
    List<Tuple2<Integer, Integer>> out = sorted.collect();
    Comparator<Integer> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
    List<Integer> expectedKeys = new ArrayList<>(all.stream().map(Tuple2::_1).toList());
    expectedKeys.sort(order);
    assertThat(out.stream().map(Tuple2::_1).toList()).isEqualTo(expectedKeys);
    assertThat(out).containsExactlyInAnyOrderElementsOf(all);

    RDD<Tuple2<Integer, Integer>> byValue = rdd.sortBy(Tuple2::_2, ascending, n);
    List<Integer> expectedValues = new ArrayList<>(all.stream().map(Tuple2::_2).toList());
    expectedValues.sort(order);
    assertThat(byValue.collect().stream().map(Tuple2::_2).toList()).isEqualTo(expectedValues);

    assertThat(rdd.sortByKey(Comparator.<Integer>reverseOrder(), ascending, n).collect().stream().map(Tuple2::_1)
        .toList()).isEqualTo(expectedKeys.stream().sorted(ascending ? Comparator.reverseOrder()
            : Comparator.naturalOrder()).toList());
  }

  @Property(tries = 30, seed = "1005")
  void elementShuffles_matchReference(@ForAll("data") Data data, @ForAll("data") Data other) {
    int n = data.shufflePartitions();
    RDD<Integer> xs = data.rdd().keys();
    RDD<Integer> ys = other.rdd().keys();
    List<Integer> xl = data.all().stream().map(Tuple2::_1).toList();
    List<Integer> yl = other.all().stream().map(Tuple2::_1).toList();

    assertThat(xs.distinct().collect()).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(xl));
    assertThat(xs.distinct(n).getNumPartitions()).isEqualTo(n);
    assertThat(xs.distinct(n).collect()).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(xl));

    Set<Integer> both = new LinkedHashSet<>(xl);
    both.retainAll(new LinkedHashSet<>(yl));
    assertThat(xs.intersection(ys).collect()).containsExactlyInAnyOrderElementsOf(both);
    assertThat(xs.intersection(ys, n).collect()).containsExactlyInAnyOrderElementsOf(both);

    Set<Integer> ySet = new LinkedHashSet<>(yl);
    List<Integer> minus = xl.stream().filter(x -> !ySet.contains(x)).toList();
    assertThat(xs.subtract(ys).collect()).containsExactlyInAnyOrderElementsOf(minus);
    assertThat(xs.subtract(ys, n).collect()).containsExactlyInAnyOrderElementsOf(minus);

    Map<Integer, List<Integer>> byParity = new TreeMap<>();
    for (int x : xl) {
      byParity.computeIfAbsent(Math.floorMod(x, 3), k -> new ArrayList<>()).add(x);
    }
    byParity.values().forEach(Collections::sort);
    assertThat(sortedGroups(xs.groupBy(x -> Math.floorMod(x, 3)).collect())).isEqualTo(byParity);
    assertThat(sortedGroups(xs.groupBy(x -> Math.floorMod(x, 3), n).collect())).isEqualTo(byParity);

    RDD<Integer> repartitioned = xs.repartition(n);
    assertThat(repartitioned.getNumPartitions()).isEqualTo(n);
    assertThat(repartitioned.collect()).containsExactlyInAnyOrderElementsOf(xl);
    assertThat(xs.coalesce(n, true).getNumPartitions()).isEqualTo(n);

    List<Integer> xsmall = xl.subList(0, Math.min(xl.size(), 20));
    List<Integer> ysmall = yl.subList(0, Math.min(yl.size(), 20));
    List<Tuple2<Integer, Integer>> product = new ArrayList<>();
    for (int x : xsmall) {
      for (int y : ysmall) {
        product.add(Tuple2.of(x, y));
      }
    }
    RDD<Integer> xr = session.parallelize(xsmall, data.partitions().size());
    RDD<Integer> yr = session.parallelize(ysmall, other.partitions().size());
    PairRDD<Integer, Integer> cart = xr.cartesian(yr);
    assertThat(cart.getNumPartitions()).isEqualTo(data.partitions().size() * other.partitions().size());
    assertThat(cart.collect()).containsExactlyInAnyOrderElementsOf(product);
  }
}
