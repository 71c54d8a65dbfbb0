package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every narrow transformation of the RDD API on real data, end to end through the actors runtime. */
class TransformationsTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("transformations").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void parallelize_defaultSlices_isDefaultParallelism() {
    RDD<Integer> rdd = session.parallelize(range(0, 10));
    assertThat(rdd.getNumPartitions()).isEqualTo(session.defaultParallelism()).isEqualTo(2);
    assertThat(rdd.collect()).isEqualTo(range(0, 10));
  }

  @Test
  void parallelize_slicesAsSparkDoes() {
    assertThat(session.parallelize(range(1, 11), 3).glom().collect())
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9, 10));
  }

  @Test
  void parallelize_zeroSlices_fails() {
    assertThatThrownBy(() -> session.parallelize(range(0, 3), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void map_appliesToEachElementInOrder() {
    assertThat(session.parallelize(range(0, 100), 7).map(x -> x * x).collect())
        .isEqualTo(range(0, 100).stream().map(x -> x * x).collect(Collectors.toList()));
  }

  @Test
  void map_canChangeTheType() {
    assertThat(session.parallelize(List.of(1, 22, 333), 2).map(x -> "n" + x).collect())
        .containsExactly("n1", "n22", "n333");
  }

  @Test
  void flatMap_flattensAndAllowsEmptyResults() {
    RDD<String> words = session.parallelize(List.of("a b", "", "c d e"), 2)
        .flatMap(line -> line.isEmpty() ? List.<String>of().iterator() : Arrays.asList(line.split(" ")).iterator());
    assertThat(words.collect()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void filter_keepsMatchingElements() {
    assertThat(session.parallelize(range(0, 20), 3).filter(x -> x % 3 == 0).collect())
        .containsExactly(0, 3, 6, 9, 12, 15, 18);
  }

  @Test
  void filter_nothingMatches_isEmpty() {
    assertThat(session.parallelize(range(0, 20), 3).filter(x -> x > 100).collect()).isEmpty();
  }

  @Test
  void mapPartitions_seesWholePartitions() {
    List<Integer> sums = session.parallelize(range(1, 11), 3).mapPartitions(it -> {
      int s = 0;
      while (it.hasNext()) {
        s += it.next();
      }
      return List.of(s).iterator();
    }).collect();
    assertThat(sums).containsExactly(6, 15, 34);
  }

  @Test
  void mapPartitions_preservesPartitioningFlag_isAccepted() {
    assertThat(session.parallelize(range(0, 4), 2).mapPartitions(it -> it, true).count()).isEqualTo(4);
  }

  @Test
  void mapPartitionsWithIndex_passesEachPartitionsIndex() {
    List<String> tagged = session.parallelize(List.of("a", "b", "c", "d"), 3)
        .mapPartitionsWithIndex((index, it) -> {
          List<String> out = new ArrayList<>();
          it.forEachRemaining(x -> out.add(index + ":" + x));
          return out.iterator();
        }).collect();
    assertThat(tagged).containsExactly("0:a", "1:b", "2:c", "2:d");
  }

  @Test
  void mapPartitionsWithIndex_preservesFlag_isAccepted() {
    assertThat(session.parallelize(range(0, 3), 3).mapPartitionsWithIndex((i, it) -> it, true).collect())
        .containsExactly(0, 1, 2);
  }

  @Test
  void mapToPair_makesPairs() {
    PairRDD<String, Integer> pairs = session.parallelize(List.of("a", "bb", "ccc"), 2)
        .mapToPair(s -> Tuple2.of(s, s.length()));
    assertThat(pairs.collect()).containsExactly(Tuple2.of("a", 1), Tuple2.of("bb", 2), Tuple2.of("ccc", 3));
  }

  @Test
  void flatMapToPair_makesZeroOrMorePairsEach() {
    PairRDD<Integer, Integer> pairs = session.parallelize(List.of(0, 1, 2), 2)
        .flatMapToPair(n -> IntStream.range(0, n).mapToObj(i -> Tuple2.of(n, i)).iterator());
    assertThat(pairs.collect()).containsExactly(Tuple2.of(1, 0), Tuple2.of(2, 0), Tuple2.of(2, 1));
  }

  @Test
  void keyBy_pairsTheKeyWithTheElement() {
    assertThat(session.parallelize(List.of("apple", "fig"), 2).keyBy(String::length).collect())
        .containsExactly(Tuple2.of(5, "apple"), Tuple2.of(3, "fig"));
  }

  @Test
  void pairRdd_filterUnionSampleCoalesce_stayPairRdds() {
    PairRDD<String, Integer> pairs = session.parallelize(List.of("a", "b", "c"), 3).mapToPair(s -> Tuple2.of(s, 1));
    PairRDD<String, Integer> chained = pairs.filter(t -> !t._1().equals("b")).union(pairs).sample(false, 1.0, 1)
        .coalesce(2);
    assertThat(chained.collect()).containsExactly(Tuple2.of("a", 1), Tuple2.of("c", 1), Tuple2.of("a", 1),
        Tuple2.of("b", 1), Tuple2.of("c", 1));
    assertThat(PairRDD.fromRDD(chained)).isSameAs(chained);
  }

  @Test
  void union_concatenatesPartitionsKeepingDuplicates() {
    RDD<Integer> a = session.parallelize(List.of(1, 2, 3), 2);
    RDD<Integer> b = session.parallelize(List.of(3, 4), 3);
    RDD<Integer> u = a.union(b);
    assertThat(u.getNumPartitions()).isEqualTo(5);
    assertThat(u.collect()).containsExactly(1, 2, 3, 3, 4);
  }

  @Test
  void union_withItself_doublesEverything() {
    RDD<Integer> a = session.parallelize(List.of(1, 2), 2).map(x -> x * 10);
    assertThat(a.union(a).collect()).containsExactly(10, 20, 10, 20);
  }

  @Test
  void union_ofDatasetsFromAnotherSession_fails() {
    try (KindlingSession other = KindlingSession.builder().master("local[1]").create()) {
      RDD<Integer> mine = session.parallelize(List.of(1), 1);
      RDD<Integer> theirs = other.parallelize(List.of(2), 1);
      assertThatThrownBy(() -> mine.union(theirs)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different sessions");
    }
  }

  @Test
  void coalesce_mergesNeighbouringPartitionsWithoutReordering() {
    RDD<Integer> c = session.parallelize(range(0, 10), 5).coalesce(2);
    assertThat(c.getNumPartitions()).isEqualTo(2);
    assertThat(c.glom().collect()).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7, 8, 9));
  }

  @Test
  void coalesce_toMorePartitions_keepsTheCount() {
    assertThat(session.parallelize(range(0, 10), 3).coalesce(10).getNumPartitions()).isEqualTo(3);
  }

  @Test
  void coalesce_toOne_givesEverythingInOrder() {
    assertThat(session.parallelize(range(0, 10), 4).coalesce(1).glom().collect()).containsExactly(range(0, 10));
  }

  @Test
  void zipWithIndex_numbersAcrossPartitionsInOrder() {
    List<Tuple2<String, Long>> zipped = session.parallelize(List.of("a", "b", "c", "d", "e"), 3)
        .zipWithIndex().collect();
    assertThat(zipped).containsExactly(Tuple2.of("a", 0L), Tuple2.of("b", 1L), Tuple2.of("c", 2L),
        Tuple2.of("d", 3L), Tuple2.of("e", 4L));
  }

  @Test
  void zipWithIndex_afterFilterWithEmptyPartitions_countsCorrectly() {
    List<Tuple2<Integer, Long>> zipped = session.parallelize(range(0, 30), 6).filter(x -> x >= 12 && x % 2 == 0)
        .zipWithIndex().collect();
    assertThat(zipped).extracting(Tuple2::_2).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(zipped).extracting(Tuple2::_1).containsExactly(12, 14, 16, 18, 20, 22, 24, 26, 28);
  }

  @Test
  void glom_givesOneListPerPartition() {
    assertThat(session.parallelize(range(0, 5), 2).glom().collect())
        .containsExactly(List.of(0, 1), List.of(2, 3, 4));
  }

  @Test
  void sample_withoutReplacement_isDeterministicPerSeed() {
    RDD<Integer> data = session.parallelize(range(0, 10_000), 4);
    List<Integer> first = data.sample(false, 0.1, 42).collect();
    assertThat(data.sample(false, 0.1, 42).collect()).isEqualTo(first);
    assertThat(data.sample(false, 0.1, 43).collect()).isNotEqualTo(first);
    assertThat(first).isSorted().doesNotHaveDuplicates();
    assertThat(first.size()).isBetween(800, 1200);
    assertThat(range(0, 10_000)).containsAll(first);
  }

  @Test
  void sample_withReplacement_isDeterministicPerSeedAndRepeats() {
    RDD<Integer> data = session.parallelize(range(0, 10_000), 4);
    List<Integer> first = data.sample(true, 0.5, 7).collect();
    assertThat(data.sample(true, 0.5, 7).collect()).isEqualTo(first);
    assertThat(data.sample(true, 0.5, 8).collect()).isNotEqualTo(first);
    assertThat(first.size()).isBetween(4_500, 5_500);
    assertThat(first.stream().distinct().count()).isLessThan(first.size());
  }

  @Test
  void sample_withReplacement_fractionAboveOne_oversamples() {
    long n = session.parallelize(range(0, 1000), 2).sample(true, 3.0, 5).count();
    assertThat(n).isBetween(2_700L, 3_300L);
  }

  @Test
  void sample_fractionZero_isEmpty_andOne_isAll() {
    RDD<Integer> data = session.parallelize(range(0, 100), 3);
    assertThat(data.sample(false, 0.0, 3).collect()).isEmpty();
    assertThat(data.sample(false, 1.0, 3).collect()).isEqualTo(range(0, 100));
  }

  @Test
  void sample_badFraction_failsAtOnce() {
    RDD<Integer> data = session.parallelize(range(0, 10), 2);
    assertThatThrownBy(() -> data.sample(false, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> data.sample(true, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closures_eachTaskGetsItsOwnCopyOfCapturedState() {
    // As in Spark, a function's captured objects are deserialized per task: state never leaks between
    // partitions (nor back to the driver), and non-thread-safe captured objects are safe to use.
    int[] seen = new int[1];
    List<Integer> perPartition = session.parallelize(range(0, 8), 4).mapPartitions(it -> {
      seen[0]++;
      return List.of(seen[0]).iterator();
    }).collect();
    assertThat(perPartition).containsExactly(1, 1, 1, 1);
    assertThat(seen[0]).isZero();
  }

  @Test
  void closures_nonThreadSafeCapturedObject_isNotSharedBetweenTasks() {
    StringBuilder buffer = new StringBuilder();
    List<String> joined = session.parallelize(range(0, 400), 8).mapPartitions(it -> {
      it.forEachRemaining(x -> buffer.append('x'));
      return List.of(buffer.toString()).iterator();
    }).collect();
    assertThat(joined).allSatisfy(s -> assertThat(s).hasSize(50));
  }

  @Test
  void longLineage_thousandsOfNarrowTransformations_runs() {
    // Java serialization recurses once per dataset: more than the default 1 MiB thread stack allows.
    RDD<Integer> rdd = session.parallelize(range(0, 3), 2);
    for (int i = 0; i < 3000; i++) {
      rdd = i % 2 == 0 ? rdd.map(x -> x + 1) : rdd.filter(x -> x >= 0);
    }
    assertThat(rdd.collect()).containsExactly(1500, 1501, 1502);
  }

  @Test
  void transformations_areLazy_untilAnAction() {
    io.kindling.LongAccumulator calls = session.longAccumulator("calls");
    RDD<Integer> mapped = session.parallelize(range(0, 10), 2).map(x -> {
      calls.add(1);
      return x;
    });
    assertThat(calls.value()).isZero();
    mapped.count();
    assertThat(calls.value()).isEqualTo(10L);
  }

  @Test
  void narrowChain_runsAsOnePipelinedStage() {
    List<Integer> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.kindling.JobListener listener = new io.kindling.JobListener() {
      @Override
      public void onStageSubmitted(StageSubmitted event) {
        stages.add(event.stageId());
      }
    };
    session.addListener(listener);
    try {
      session.parallelize(range(0, 10), 2).map(x -> x + 1).filter(x -> x > 3).flatMap(x -> List.of(x, x).iterator())
          .union(session.parallelize(range(0, 3), 1)).coalesce(2).collect();
    } finally {
      session.removeListener(listener);
    }
    assertThat(stages).hasSize(1);
  }

  @Test
  void ids_areUniqueAndIncreasing() {
    RDD<Integer> a = session.parallelize(range(0, 2), 1);
    RDD<Integer> b = a.map(x -> x);
    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(b.toString()).startsWith("MapPartitionsRDD[" + b.id() + "] at map at TransformationsTest.java:");
  }

  @Test
  void toDebugString_namesEachDatasetWithItsCallSite() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    RDD<Integer> source = session.parallelize(range(0, 4), 2);
    RDD<Integer> mapped = source.map(x -> x * 2);
    assertThat(mapped.toDebugString()).isEqualTo(
        "(2) MapPartitionsRDD[" + mapped.id() + "] at map at TransformationsTest.java:" + (line + 1) + " []\n"
            + " |  ParallelCollectionRDD[" + source.id() + "] at parallelize at TransformationsTest.java:" + line
            + " []");
  }

  @Test
  void storageLevel_isNoneByDefault() {
    assertThat(session.parallelize(range(0, 2), 1).getStorageLevel()).isEqualTo(io.kindling.storage.StorageLevel.NONE);
  }

  @Test
  void iteratorBasedFunctions_canStopEarly() {
    assertThat(session.parallelize(range(0, 1000), 2).mapPartitions(it -> List.of(it.next()).iterator()).collect())
        .containsExactly(0, 500);
  }
}
