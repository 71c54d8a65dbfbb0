package io.kindling.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every action of the RDD API on real data, end to end through the actors runtime. */
class ActionsTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("actions").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  /** The partitions each job of {@code action} computed, in completion order, per job. */
  private static List<List<Integer>> partitionsComputed(Runnable action) {
    List<List<Integer>> jobs = new CopyOnWriteArrayList<>();
    JobListener listener = new JobListener() {
      @Override
      public void onJobStarted(JobStarted event) {
        jobs.add(new CopyOnWriteArrayList<>());
      }

      @Override
      public void onPartitionCompleted(PartitionCompleted event) {
        jobs.get(jobs.size() - 1).add(event.partition());
      }
    };
    session.addListener(listener);
    try {
      action.run();
    } finally {
      session.removeListener(listener);
    }
    return jobs;
  }

  @Test
  void collect_returnsEverythingInPartitionOrder() {
    assertThat(session.parallelize(range(0, 1000), 7).collect()).isEqualTo(range(0, 1000));
  }

  @Test
  void collectAsync_completesWithTheElements() throws Exception {
    CompletableFuture<List<Integer>> f = session.parallelize(range(0, 100), 3).map(x -> x + 1).collectAsync()
        .toCompletableFuture();
    assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(range(1, 101));
  }

  @Test
  void collectAsync_severalAtOnce_allComplete() throws Exception {
    List<CompletableFuture<List<Integer>>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int offset = i;
      futures.add(session.parallelize(range(0, 50), 2).map(x -> x + offset).collectAsync().toCompletableFuture());
    }
    for (int i = 0; i < 8; i++) {
      assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(range(i, 50 + i));
    }
  }

  @Test
  void collectAsync_failingJob_completesExceptionally() {
    CompletableFuture<List<Integer>> f = session.parallelize(range(0, 4), 2).map(x -> {
      if (x == 3) {
        throw new IllegalStateException("bad element " + x);
      }
      return x;
    }).collectAsync().toCompletableFuture();
    assertThatThrownBy(() -> f.get(60, TimeUnit.SECONDS))
        .hasCauseInstanceOf(io.kindling.JobFailedException.class)
        .hasRootCauseMessage("bad element 3");
  }

  private static final java.util.concurrent.CountDownLatch RELEASE_JOBS = new java.util.concurrent.CountDownLatch(1);

  @Test
  void collectAsync_callbacksNeverRunOnTheRuntimesDispatcher() throws Exception {
    // The jobs wait until the callbacks are attached, so the callbacks run when the jobs complete.
    CompletableFuture<String> onSuccess = session.parallelize(range(0, 4), 2).map(x -> {
      RELEASE_JOBS.await();
      return x;
    }).collectAsync().thenApply(list -> Thread.currentThread().getName()).toCompletableFuture();
    CompletableFuture<String> onFailure = session.parallelize(range(0, 4), 2).map(x -> {
      RELEASE_JOBS.await();
      throw new IllegalStateException("fails");
    }).collectAsync().handle((list, error) -> Thread.currentThread().getName()).toCompletableFuture();
    RELEASE_JOBS.countDown();
    assertThat(onSuccess.get(60, TimeUnit.SECONDS)).doesNotContain("akka").doesNotContain("kindling-compute");
    assertThat(onFailure.get(60, TimeUnit.SECONDS)).doesNotContain("akka").doesNotContain("kindling-compute");
  }

  @Test
  void count_countsEveryElement() {
    assertThat(session.parallelize(range(0, 12345), 5).count()).isEqualTo(12345);
  }

  @Test
  void first_isTheFirstElementInPartitionOrder() {
    assertThat(session.parallelize(List.of("x", "y", "z"), 3).first()).isEqualTo("x");
  }

  @Test
  void first_skipsLeadingEmptyPartitions() {
    assertThat(session.parallelize(range(0, 100), 10).filter(x -> x >= 95).first()).isEqualTo(95);
  }

  @Test
  void take_returnsTheFirstN() {
    assertThat(session.parallelize(range(0, 100), 4).take(30)).isEqualTo(range(0, 30));
    assertThat(session.parallelize(range(0, 100), 4).take(0)).isEmpty();
    assertThat(session.parallelize(range(0, 10), 4).take(50)).isEqualTo(range(0, 10));
  }

  @Test
  void take_scansOnePartitionFirst_whenItHasEnough() {
    RDD<Integer> rdd = session.parallelize(range(0, 100), 10);
    List<List<Integer>> jobs = partitionsComputed(() -> assertThat(rdd.take(5)).isEqualTo(range(0, 5)));
    assertThat(jobs).containsExactly(List.of(0));
  }

  @Test
  void take_scalesUpAsSparkDoes_afterEmptyPartitions() {
    // Only the last of 20 partitions has elements: Spark tries 1, then 4, then 15 more partitions.
    RDD<Integer> rdd = session.parallelize(range(0, 200), 20).filter(x -> x >= 190);
    List<List<Integer>> jobs = partitionsComputed(() -> assertThat(rdd.take(2)).containsExactly(190, 191));
    assertThat(jobs).extracting(List::size).containsExactly(1, 4, 15);
    assertThat(jobs.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4);
  }

  @Test
  void take_scalesUpFromWhatWasFound() {
    // The first partition has 2 of the 10 wanted: Spark estimates 1.5 * 10 * 1 / 2 - 1 = 6 more partitions.
    RDD<Integer> rdd = session.parallelize(range(0, 40), 20);
    List<List<Integer>> jobs = partitionsComputed(() -> assertThat(rdd.take(10)).isEqualTo(range(0, 10)));
    assertThat(jobs).extracting(List::size).containsExactly(1, 4);
  }

  @Test
  void take_estimateRoundsDownAsSparksDoes() {
    // 4 of 10 found in one partition: Spark tries max(1, (int) (1.5 * 10 * 1 / 4) - 1) = 2 more partitions.
    RDD<Integer> rdd = session.parallelize(range(0, 80), 20);
    List<List<Integer>> jobs = partitionsComputed(() -> assertThat(rdd.take(10)).isEqualTo(range(0, 10)));
    assertThat(jobs).extracting(List::size).containsExactly(1, 2);
  }

  @Test
  void takeOrdered_givesTheSmallestInOrder() {
    List<Integer> shuffled = new ArrayList<>(range(0, 100));
    java.util.Collections.shuffle(shuffled, new java.util.Random(3));
    RDD<Integer> rdd = session.parallelize(shuffled, 4);
    assertThat(rdd.takeOrdered(5)).containsExactly(0, 1, 2, 3, 4);
    assertThat(rdd.takeOrdered(3, Comparator.reverseOrder())).containsExactly(99, 98, 97);
    assertThat(rdd.takeOrdered(0)).isEmpty();
    assertThat(rdd.takeOrdered(500)).isEqualTo(range(0, 100));
  }

  @Test
  void takeOrdered_withSerializableLambdaComparator_works() {
    Comparator<String> byLength = (Comparator<String> & Serializable) (a, b) -> Integer.compare(a.length(),
        b.length());
    assertThat(session.parallelize(List.of("ccc", "a", "bb", "dddd"), 2).takeOrdered(2, byLength))
        .containsExactly("a", "bb");
  }

  @Test
  void takeOrdered_negative_fails() {
    assertThatThrownBy(() -> session.parallelize(range(0, 3), 1).takeOrdered(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void top_givesTheLargestFirst() {
    RDD<Integer> rdd = session.parallelize(List.of(5, 1, 9, 3, 7, 9), 3);
    assertThat(rdd.top(3)).containsExactly(9, 9, 7);
    assertThat(rdd.top(2, Comparator.reverseOrder())).containsExactly(1, 3);
  }

  @Test
  void reduce_combinesEverything() {
    assertThat(session.parallelize(range(1, 101), 7).reduce(Integer::sum)).isEqualTo(5050);
    assertThat(session.parallelize(List.of("b", "a", "c"), 2).reduce((x, y) -> x.compareTo(y) < 0 ? x : y))
        .isEqualTo("a");
  }

  @Test
  void reduce_withEmptyPartitions_ignoresThem() {
    assertThat(session.parallelize(range(0, 3), 8).reduce(Integer::sum)).isEqualTo(3);
  }

  @Test
  void fold_foldsEachPartitionThenTheResults() {
    assertThat(session.parallelize(range(1, 11), 3).fold(0, Integer::sum)).isEqualTo(55);
    // As in Spark, the zero value is used once per partition and once more on the driver.
    assertThat(session.parallelize(range(1, 11), 3).fold(1, Integer::sum)).isEqualTo(59);
  }

  @Test
  void aggregate_combinesPerPartitionThenMerges() {
    int[] sumAndCount = session.parallelize(range(1, 11), 4).aggregate(new int[2],
        (acc, x) -> new int[] {acc[0] + x, acc[1] + 1}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
    assertThat(sumAndCount).containsExactly(55, 10);
  }

  @Test
  void aggregate_mutableZeroValue_isCopiedForEachPartition() {
    // A common Spark idiom: the zero value is a mutable collection that seqOp and combOp update in place.
    RDD<Integer> rdd = session.parallelize(range(0, 100), 4);
    HashSet<Integer> zero = new HashSet<>();
    HashSet<Integer> all = rdd.aggregate(zero, (set, x) -> {
      set.add(x % 10);
      return set;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(all).containsExactlyInAnyOrderElementsOf(range(0, 10));
    assertThat(zero).as("the caller's zero value is not modified").isEmpty();
  }

  @Test
  void aggregate_mutableListZero_collectsEachElementOnce() {
    ArrayList<Integer> zero = new ArrayList<>();
    List<Integer> all = session.parallelize(range(0, 1000), 8).aggregate(zero, (list, x) -> {
      list.add(x);
      return list;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(all).isEqualTo(range(0, 1000));
    assertThat(zero).isEmpty();
  }

  @Test
  void fold_mutableZeroValue_isCopiedForEachPartition() {
    ArrayList<Integer> zero = new ArrayList<>();
    RDD<ArrayList<Integer>> lists = session.parallelize(range(0, 40), 4).map(x -> new ArrayList<>(List.of(x)));
    ArrayList<Integer> all = lists.fold(zero, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(all).isEqualTo(range(0, 40));
    assertThat(zero).isEmpty();
  }

  @Test
  void foreach_visitsEveryElementOnTheNodes() {
    LongAccumulator sum = session.longAccumulator("sum");
    session.parallelize(range(1, 101), 5).foreach(sum::add);
    assertThat(sum.value()).isEqualTo(5050L);
  }

  @Test
  void foreachPartition_isCalledOncePerPartition() {
    LongAccumulator calls = session.longAccumulator("calls");
    LongAccumulator elements = session.longAccumulator("elements");
    session.parallelize(range(0, 10), 4).foreachPartition(it -> {
      calls.add(1);
      it.forEachRemaining(x -> elements.add(1));
    });
    assertThat(calls.value()).isEqualTo(4L);
    assertThat(elements.value()).isEqualTo(10L);
  }

  @Test
  void countByValue_countsEachDistinctElement() {
    Map<String, Long> counts = session.parallelize(List.of("a", "b", "a", "c", "a", "b"), 3).countByValue();
    assertThat(counts).containsOnly(Map.entry("a", 3L), Map.entry("b", 2L), Map.entry("c", 1L));
  }

  @Test
  void isEmpty_trueOnlyWithoutElements() {
    assertThat(session.parallelize(range(0, 3), 2).isEmpty()).isFalse();
    assertThat(session.parallelize(range(0, 3), 2).filter(x -> x > 5).isEmpty()).isTrue();
  }

  @Test
  void takeSample_withoutReplacement_distinctElementsOfTheData_deterministicPerSeed() {
    RDD<Integer> rdd = session.parallelize(range(0, 1000), 4);
    List<Integer> sample = rdd.takeSample(false, 20, 11);
    assertThat(sample).hasSize(20).doesNotHaveDuplicates();
    assertThat(range(0, 1000)).containsAll(sample);
    assertThat(rdd.takeSample(false, 20, 11)).isEqualTo(sample);
    assertThat(rdd.takeSample(false, 20, 12)).isNotEqualTo(sample);
  }

  @Test
  void takeSample_withoutReplacement_moreThanThereAre_isAPermutationOfAll() {
    RDD<Integer> rdd = session.parallelize(range(0, 50), 3);
    List<Integer> sample = rdd.takeSample(false, 80, 5);
    assertThat(sample).hasSize(50).containsExactlyInAnyOrderElementsOf(range(0, 50));
    assertThat(sample).isNotEqualTo(range(0, 50));
    assertThat(rdd.takeSample(false, 80, 5)).isEqualTo(sample);
  }

  @Test
  void takeSample_withReplacement_givesExactlyNum_evenMoreThanThereAre() {
    RDD<Integer> rdd = session.parallelize(range(0, 10), 3);
    List<Integer> sample = rdd.takeSample(true, 25, 3);
    assertThat(sample).hasSize(25);
    assertThat(range(0, 10)).containsAll(sample);
    assertThat(rdd.takeSample(true, 25, 3)).isEqualTo(sample);
    assertThat(rdd.takeSample(true, 5, 3)).hasSize(5);
  }

  @Test
  void takeSample_sizes() {
    RDD<Integer> rdd = session.parallelize(range(0, 200), 4);
    for (int num : new int[] {0, 1, 2, 199, 200}) {
      assertThat(rdd.takeSample(false, num, num)).as("num %d", num).hasSize(num).doesNotHaveDuplicates();
    }
    assertThatThrownBy(() -> rdd.takeSample(false, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
