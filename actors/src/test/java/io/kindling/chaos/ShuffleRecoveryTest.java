package io.kindling.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobFailedException;
import io.kindling.JobListener.PartitionRecomputed;
import io.kindling.JobListener.RecomputeCause;
import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.Tuple2;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lost shuffle outputs, on shuffled, cached-then-shuffled and shuffled-then-cached datasets: the answer equals the
 * fault-free one, the listener saw the fault, and exactly the lost map partitions ran again (counted by an
 * accumulator in the map side, so a test can't pass because the fault never fired).
 */
class ShuffleRecoveryTest {
  @RegisterExtension
  static final FaultTestSession FAULTS = new FaultTestSession("shuffle-recovery",
      Map.of("kindling.storage.off-heap-size", "16m", "kindling.storage.chunk-size", "8k"));
  private static final int N = 4000;
  private static final int KEYS = 50;
  private static final int MAPS = 4;

  /** {@code (i % KEYS, i)} for i in [0, N), in MAPS partitions; {@code seen} counts the elements mapped. */
  private static PairRDD<Integer, Integer> pairs(LongAccumulator seen) {
    return session().parallelize(IntStream.range(0, N).boxed().toList(), MAPS)
        .mapToPair(i -> {
          seen.add(1);
          return Tuple2.of(i % KEYS, i);
        });
  }

  /** The elements of map partition {@code p} of {@link #pairs} (parallelize splits evenly). */
  private static long mapPartitionSize() {
    return N / MAPS;
  }

  private static <K extends Comparable<K>, V> List<Tuple2<K, V>> sorted(List<Tuple2<K, V>> rows) {
    List<Tuple2<K, V>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Tuple2::_1));
    return copy;
  }

  private static List<Tuple2<Integer, Long>> expectedSums() {
    List<Tuple2<Integer, Long>> sums = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      long sum = 0;
      for (int i = k; i < N; i += KEYS) {
        sum += i;
      }
      sums.add(Tuple2.of(k, sum));
    }
    return sums;
  }

  private static List<PartitionRecomputed> shuffleRecomputes() {
    return recorder().recomputed.stream().filter(r -> r.cause() == RecomputeCause.SHUFFLE_OUTPUT_LOST).toList();
  }

  @Test
  void dropShuffleOutput_reduceByKey_reRunsExactlyTheLostMapPartition() {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Long> longs = pairs(seen).mapValues(Integer::longValue);
    PairRDD<Integer, Long> sums = longs.reduceByKey(Long::sum, 3);
    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());
    long mapped = seen.value();
    long recomputedBefore = session().metrics().recomputedPartitions();
    long faultsBefore = session().metrics().faultsInjected();
    long written = session().metrics().shuffleBytesWritten();

    session().faults().dropShuffleOutput(sums, 1);

    assertThat(recorder().faults).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FaultKind.DROP_SHUFFLE_OUTPUT);
      assertThat(f.rddId()).isEqualTo(sums.id());
      assertThat(f.partition()).isEqualTo(1);
    });
    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());
    assertThat(shuffleRecomputes()).singleElement().satisfies(r -> {
      assertThat(r.rddId()).isEqualTo(longs.id());
      assertThat(r.partition()).isEqualTo(1);
    });
    assertThat(seen.value() - mapped).as("elements mapped again").isEqualTo(mapPartitionSize());
    assertThat(recorder().failed).isNotEmpty()
        .allMatch(f -> f.willRetry() && f.cause() instanceof FetchFailedException lost
            && lost.shuffleId() == shuffleIdOf(sums) && lost.mapPartitions().equals(List.of(1)));
    assertThat(session().metrics().recomputedPartitions()).isEqualTo(recomputedBefore + 1);
    assertThat(session().metrics().faultsInjected()).isEqualTo(faultsBefore + 1);
    assertThat(session().metrics().shuffleBytesWritten()).as("the map partition wrote its output again")
        .isGreaterThan(written);
  }

  @Test
  void dropShuffleOutput_beforeTheShuffleRan_firesWhenItIsFirstRead() {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Integer> pairs = pairs(seen);
    PairRDD<Integer, Long> sums = pairs.mapValues(Integer::longValue).reduceByKey(Long::sum, 3);

    session().faults().dropShuffleOutput(sums, 3);
    assertThat(recorder().faults).isEmpty();

    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());
    assertThat(recorder().faults).singleElement().satisfies(f -> assertThat(f.partition()).isEqualTo(3));
    assertThat(shuffleRecomputes()).singleElement().satisfies(r -> assertThat(r.partition()).isEqualTo(3));
    assertThat(seen.value()).isEqualTo(N + mapPartitionSize());
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP", "DISK_ONLY"})
  void dropShuffleOutput_cachedThenShuffled_reRunsTheMapPartitionFromTheCache(StorageLevel level) {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Integer> cached = pairs(seen).persist(level);
    PairRDD<Integer, List<Integer>> groups = cached.groupByKey(3).mapValues(ShuffleRecoveryTest::sortedList);
    List<Tuple2<Integer, List<Integer>>> expected = sorted(groups.collect());
    assertThat(expected).hasSize(KEYS);
    long mapped = seen.value();

    session().faults().dropShuffleOutput(groups, 2);

    assertThat(sorted(groups.collect())).isEqualTo(expected);
    assertThat(recorder().faults).anyMatch(f -> f.kind() == FaultKind.DROP_SHUFFLE_OUTPUT && f.partition() == 2);
    assertThat(shuffleRecomputes()).singleElement().satisfies(r -> {
      assertThat(r.rddId()).isEqualTo(cached.id());
      assertThat(r.partition()).isEqualTo(2);
    });
    assertThat(seen.value()).as("the map partition read its input from the cache").isEqualTo(mapped);
    cached.unpersist(true);
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP"})
  void dropShuffleOutput_andCachedBlockAfterTheShuffle_recomputesBothFromLineage(StorageLevel level) {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Integer> cached = pairs(seen).cache();
    PairRDD<Integer, Long> sums = cached.mapValues(Integer::longValue).reduceByKey(Long::sum, 3).persist(level);
    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());

    // The shuffled dataset is cached, so its lost map output matters only once a block of it is lost too.
    session().faults().dropShuffleOutput(sums, 0);
    session().faults().dropCachedBlock(sums, 1);

    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());
    assertThat(recorder().faults).extracting(f -> f.kind())
        .containsExactlyInAnyOrder(FaultKind.DROP_SHUFFLE_OUTPUT, FaultKind.DROP_CACHED_BLOCK);
    assertThat(recorder().recomputed).anyMatch(r -> r.rddId() == sums.id() && r.partition() == 1
        && r.cause() == RecomputeCause.BLOCK_LOST);
    assertThat(shuffleRecomputes()).singleElement().satisfies(r -> assertThat(r.partition()).isEqualTo(0));
    assertThat(sorted(sums.collect())).isEqualTo(expectedSums());
    sums.unpersist(true);
    cached.unpersist(true);
  }

  @Test
  void dropShuffleOutput_join_reRunsTheLostMapPartitionOfEachSide() {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Integer> left = pairs(seen);
    PairRDD<Integer, String> right = session().parallelize(IntStream.range(0, KEYS).boxed().toList(), 2)
        .mapToPair(k -> Tuple2.of(k, "k" + k));
    PairRDD<Integer, Tuple2<Integer, String>> joined = left.join(right, 3);
    List<Tuple2<Integer, Tuple2<Integer, String>>> expected = sortedJoin(joined.collect());
    assertThat(expected).hasSize(N);

    session().faults().dropShuffleOutput(joined, 1);

    assertThat(sortedJoin(joined.collect())).isEqualTo(expected);
    assertThat(recorder().faults).hasSize(2).allMatch(f -> f.kind() == FaultKind.DROP_SHUFFLE_OUTPUT
        && f.rddId() == joined.id() && f.partition() == 1);
    assertThat(shuffleRecomputes()).extracting(PartitionRecomputed::rddId)
        .containsExactlyInAnyOrder(left.id(), right.id());
    assertThat(shuffleRecomputes()).allMatch(r -> r.partition() == 1);
  }

  @Test
  void lostOutputsOfTwoShuffles_theGrandparentShuffleRunsFirst() {
    LongAccumulator seen = session().longAccumulator("seen");
    PairRDD<Integer, Long> longs = pairs(seen).mapValues(Integer::longValue);
    PairRDD<Integer, Long> sums = longs.reduceByKey(Long::sum, 3);
    PairRDD<Long, Integer> bySum = sums.mapToPair(t -> Tuple2.of(t._2() % 7, t._1()));
    PairRDD<Long, List<Integer>> groups = bySum.groupByKey(2).mapValues(ShuffleRecoveryTest::sortedList);
    List<Tuple2<Long, List<Integer>>> expected = sorted(groups.collect());
    long mapped = seen.value();

    session().faults().dropShuffleOutput(sums, 2);
    session().faults().dropShuffleOutput(groups, 0);

    assertThat(sorted(groups.collect())).isEqualTo(expected);
    assertThat(recorder().faults).hasSize(2);
    assertThat(shuffleRecomputes()).extracting(r -> r.rddId() + "/" + r.partition())
        .containsExactlyInAnyOrder(longs.id() + "/2", bySum.id() + "/0");
    assertThat(seen.value() - mapped).isEqualTo(mapPartitionSize());
  }

  @Test
  void fetchFailures_pastTheStageAttemptLimit_abortTheJob() {
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.stage.max-consecutive-attempts", 1L)
        .create()) {
      PairRDD<Integer, Long> sums = s.parallelize(IntStream.range(0, N).boxed().toList(), MAPS)
          .mapToPair(i -> Tuple2.of(i % KEYS, (long) i)).reduceByKey(Long::sum, 3);
      assertThat(sorted(sums.collect())).isEqualTo(expectedSums());

      s.faults().dropShuffleOutput(sums, 0);

      assertThatThrownBy(sums::collect)
          .isInstanceOf(JobFailedException.class)
          .hasMessageContaining("has failed the maximum allowable number of times: 1")
          .hasMessageContaining("map partition 0")
          .hasCauseInstanceOf(FetchFailedException.class);
      assertThat(sorted(sums.collect())).as("the next job runs the lost map partition").isEqualTo(expectedSums());
    }
  }

  @Test
  void shuffleBytes_countedWrittenAndRead() {
    long written = session().metrics().shuffleBytesWritten();
    long read = session().metrics().shuffleBytesRead();
    PairRDD<Integer, Long> sums = pairs(session().longAccumulator("seen")).mapValues(Integer::longValue)
        .reduceByKey(Long::sum, 3);

    sums.collect();

    long wrote = session().metrics().shuffleBytesWritten() - written;
    assertThat(wrote).isPositive();
    assertThat(session().metrics().shuffleBytesRead() - read).isEqualTo(wrote);
  }

  private static List<Integer> sortedList(Iterable<Integer> values) {
    List<Integer> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }

  private static List<Tuple2<Integer, Tuple2<Integer, String>>> sortedJoin(
      List<Tuple2<Integer, Tuple2<Integer, String>>> rows) {
    List<Tuple2<Integer, Tuple2<Integer, String>>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.<Tuple2<Integer, Tuple2<Integer, String>>>comparingInt(Tuple2::_1)
        .thenComparingInt(t -> t._2()._1()));
    return copy;
  }

  /** The id of the shuffle that makes {@code shuffled}. */
  private static int shuffleIdOf(RDD<?> shuffled) {
    return ((ShuffleDependency<?, ?, ?>) shuffled.lineage().dependencies().get(0)).shuffleId();
  }

  private static KindlingSession session() {
    return FAULTS.session();
  }

  private static RecoveryRecorder recorder() {
    return FAULTS.recorder();
  }
}
