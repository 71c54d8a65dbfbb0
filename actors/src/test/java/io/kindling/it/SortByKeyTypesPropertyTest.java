package io.kindling.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.Tuple2;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code sortBy} and {@code sortByKey} over Long, Integer, Double and String keys (the types the shuffle encodes
 * compactly, and the natural-order sorts it does on primitive keys) against plain Java: NaN, -0.0 and the extremes
 * placed as {@code Double.compare} places them (as Spark orders them), duplicates, ascending and descending, empty
 * input partitions and more output partitions than keys, with a memory budget small enough to spill.
 */
class SortByKeyTypesPropertyTest {
  private static KindlingSession session;

  @BeforeContainer
  static void start() {
    session = KindlingSession.builder().appName("sort-key-types").master("local[2]")
        .config("kindling.shuffle.memory-budget", "64k").create();
  }

  @AfterContainer
  static void stop() {
    session.close();
  }

  @Provide
  Arbitrary<List<Object>> keys() {
    Arbitrary<Object> longs = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 3),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE)).map(x -> (Object) x);
    Arbitrary<Object> ints = Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-3, 3))
        .map(x -> (Object) x);
    Arbitrary<Object> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0, -1.0))
        .map(x -> (Object) x);
    Arbitrary<Object> strings = Arbitraries.strings().ofMaxLength(5).map(x -> (Object) x);
    return Arbitraries.oneOf(longs.list().ofMaxSize(4000), ints.list().ofMaxSize(4000),
        doubles.list().ofMaxSize(4000), strings.list().ofMaxSize(1500));
  }

  @Property(tries = 25, seed = "880001")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void sortBy_identity_matchesListSort(@ForAll("keys") List<Object> keys, @ForAll boolean ascending,
      @ForAll @IntRange(min = 1, max = 6) int inputPartitions, @ForAll @IntRange(min = 1, max = 9) int outputs) {
    Comparator<Object> order = ascending ? (Comparator) Comparator.naturalOrder()
        : (Comparator) Comparator.reverseOrder();
    List<Object> expected = new ArrayList<>(keys);
    expected.sort(order);

    RDD<Object> sorted = session.parallelize(keys, inputPartitions).sortBy(x -> x, ascending, outputs);
    assertThat(sorted.collect()).isEqualTo(expected);

    // Pairs whose value is not the key: each value stays with its key.
    List<Tuple2<Object, Object>> pairs = session.parallelize(keys, inputPartitions)
        .mapToPair(k -> Tuple2.of(k, (Object) String.valueOf(k))).sortByKey(ascending, outputs).collect();
    assertThat(pairs.stream().map(Tuple2::_1).toList()).isEqualTo(expected);
    for (Tuple2<Object, Object> t : pairs) {
      assertThat(t._2()).isEqualTo(String.valueOf(t._1()));
    }
  }

  @Example
  void sortBy_overEmptyAndOneElementPartitions_isGloballyOrdered() {
    List<List<Long>> parts = List.of(List.of(), List.of(5L), List.of(), List.of(-5L, 3L), List.of());
    List<Long> sorted = session.parallelize(parts, parts.size()).flatMap(List::iterator)
        .sortBy(x -> x, false, 8).collect();
    assertThat(sorted).containsExactly(5L, 3L, -5L);
  }

  @Example
  void sortBy_computesItsInputOnce_whenTheSamplingJobKeepsIt() throws IOException {
    Path file = Files.createTempFile("numbers", ".txt");
    try {
      List<String> lines = LongStream.range(0, 20_000).map(i -> (i * 7_919) % 20_011 - 10_000)
          .mapToObj(Long::toString).toList();
      Files.write(file, lines);
      try (KindlingSession s = KindlingSession.builder().appName("once").master("local[2]").create()) {
        LongAccumulator parsed = s.longAccumulator("parsed");
        List<Long> sorted = s.textFile(file.toString(), 3).map(line -> {
          parsed.add(1);
          return Long.parseLong(line);
        }).sortBy(x -> x, true, 4).collect();
        List<Long> expected = lines.stream().map(Long::parseLong).sorted().toList();
        assertThat(sorted).isEqualTo(expected);
        assertThat(parsed.value()).as("each line parsed by the sampling job only").isEqualTo(lines.size());
      }
    } finally {
      Files.delete(file);
    }
  }

  @Example
  void sortByKey_keptCopies_goOnlyToTheShuffle_notToOtherJobsOverTheSameDataset() {
    try (KindlingSession s = KindlingSession.builder().appName("kept").master("local[2]").create()) {
      LongAccumulator computed = s.longAccumulator("computed");
      List<Integer> data = java.util.stream.IntStream.range(0, 5_000).map(i -> (i * 37) % 1_001).boxed().toList();
      io.kindling.rdd.PairRDD<Integer, String> pairs = s.parallelize(data, 3).mapToPair(i -> {
        computed.add(1);
        return Tuple2.of(i, "v" + i);
      });
      io.kindling.rdd.PairRDD<Integer, String> sorted = pairs.sortByKey(false, 4);
      assertThat(computed.value()).as("the sampling job").isEqualTo(data.size());
      assertThat(pairs.count()).isEqualTo(data.size());
      assertThat(computed.value()).as("count computes the pairs: the kept copies are for a shuffle")
          .isEqualTo(2L * data.size());
      List<Integer> keys = sorted.collect().stream().map(Tuple2::_1).toList();
      assertThat(keys).isEqualTo(data.stream().sorted(Comparator.reverseOrder()).toList());
      assertThat(computed.value()).as("the shuffle reads the kept copies").isEqualTo(2L * data.size());
    }
  }
}
