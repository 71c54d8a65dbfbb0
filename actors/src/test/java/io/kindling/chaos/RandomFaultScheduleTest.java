package io.kindling.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random fault schedules over multi-stage jobs (cache → shuffle → cache → action): every schedule gives the
 * fault-free answer. A failing schedule is printed as the call that replays it.
 */
class RandomFaultScheduleTest {
  private static final int SCHEDULES = 50;
  private static final double RATE = 0.3;
  private static final Duration PER_SCHEDULE = Duration.ofSeconds(60);
  private static Answer faultFree;

  /** The answers of one run of the job. */
  record Answer(long sum, List<Tuple2<Integer, Integer>> rows, long count, List<Tuple2<Integer, Long>> sums,
      List<Tuple2<Integer, Integer>> groupSizes, List<Tuple2<Integer, Tuple2<Long, Integer>>> joined) {}

  @BeforeAll
  static void faultFreeRun() {
    try (KindlingSession s = session()) {
      faultFree = run(s);
    }
  }

  private static KindlingSession session() {
    return KindlingSession.builder().appName("random-faults").master("local[2]")
        .config("kindling.storage.off-heap-size", "8m")
        .config("kindling.storage.chunk-size", "4k")
        .create();
  }

  /**
   * cache → persist off heap → shuffles (reduceByKey, groupByKey, join) → cache → actions: each action after the
   * first reads the caches, and the join reads a cached shuffle output through another shuffle.
   */
  private static Answer run(KindlingSession s) {
    RDD<Integer> base = s.parallelize(IntStream.range(0, 4000).boxed().collect(Collectors.toList()), 4)
        .map(i -> i * 31 % 1000)
        .cache();
    PairRDD<Integer, Integer> keyed = base.filter(i -> i % 3 != 0)
        .mapToPair(i -> Tuple2.of(i % 7, i))
        .persist(StorageLevel.OFF_HEAP);
    PairRDD<Integer, Long> sums = keyed.mapValues(Integer::longValue).reduceByKey(Long::sum, 3).cache();
    PairRDD<Integer, Integer> groupSizes = keyed.mapToPair(t -> Tuple2.of(t._2() % 11, t._1()))
        .groupByKey(2)
        .mapValues(RandomFaultScheduleTest::size)
        .persist(StorageLevel.OFF_HEAP);
    List<Tuple2<Integer, Long>> sumRows = sortedByKey(sums.collect());
    List<Tuple2<Integer, Integer>> sizeRows = sortedByKey(groupSizes.collect());
    List<Tuple2<Integer, Tuple2<Long, Integer>>> joined = sortedByKey(sums.join(groupSizes, 2).collect());
    long sum = keyed.map(t -> t._1() * 1000L + t._2()).reduce(Long::sum);
    List<Tuple2<Integer, Integer>> rows = new ArrayList<>(keyed.collect());
    rows.sort(Comparator.<Tuple2<Integer, Integer>>comparingInt(Tuple2::_1).thenComparingInt(Tuple2::_2));
    long count = base.count() + keyed.filter(t -> t._1() == 3).count() + sums.count();
    return new Answer(sum, rows, count, sumRows, sizeRows, joined);
  }

  private static int size(Iterable<Integer> values) {
    int n = 0;
    for (Integer ignored : values) {
      n++;
    }
    return n;
  }

  private static <K extends Comparable<K>, V> List<Tuple2<K, V>> sortedByKey(List<Tuple2<K, V>> rows) {
    List<Tuple2<K, V>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Tuple2::_1));
    return copy;
  }

  @Test
  void randomSchedules_allGiveTheFaultFreeAnswer() {
    Map<FaultKind, Integer> faultsFired = new EnumMap<>(FaultKind.class);
    long recoveries = 0;
    long shuffleRecomputes = 0;
    for (int seed = 0; seed < SCHEDULES; seed++) {
      FaultSchedule schedule = FaultSchedule.random(seed, RATE);
      RecoveryRecorder recorder = new RecoveryRecorder();
      // A schedule that breaks recovery is named, whether the job fails, answers wrongly or never ends.
      assertTimeoutPreemptively(PER_SCHEDULE, () -> runUnder(schedule, recorder),
          () -> "No answer within " + PER_SCHEDULE.toSeconds() + " s under " + schedule + " (replay it with that "
              + "schedule)");
      recorder.faults.forEach(f -> faultsFired.merge(f.kind(), 1, Integer::sum));
      recoveries += recorder.recomputed.size() + recorder.failed.size();
      shuffleRecomputes += recorder.recomputed.stream()
          .filter(r -> r.cause() == JobListener.RecomputeCause.SHUFFLE_OUTPUT_LOST).count();
    }
    assertThat(faultsFired.values().stream().mapToInt(Integer::intValue).sum())
        .as("faults fired over %d schedules: %s", SCHEDULES, faultsFired).isGreaterThan(SCHEDULES);
    assertThat(faultsFired).as("kinds of fault fired").containsKeys(FaultKind.DROP_SHUFFLE_OUTPUT,
        FaultKind.DROP_CACHED_BLOCK, FaultKind.CORRUPT_CACHED_BLOCK, FaultKind.KILL_PARTITION_ACTOR,
        FaultKind.FAIL_ATTEMPT, FaultKind.DELAY);
    assertThat(recoveries).as("recoveries over %d schedules", SCHEDULES).isGreaterThan(SCHEDULES / 2);
    assertThat(shuffleRecomputes).as("map partitions run again for lost shuffle outputs").isPositive();
  }

  private static void runUnder(FaultSchedule schedule, RecoveryRecorder recorder) {
    try (KindlingSession s = session()) {
      s.addListener(recorder);
      s.faults().schedule(schedule);
      Answer answer;
      try {
        answer = run(s);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("Failed under " + schedule + " (replay it with that schedule)", e);
      }
      assertThat(answer).as("answer under %s", schedule).isEqualTo(faultFree);
      assertThat(s.metrics().faultsInjected()).as("faults counted under %s", schedule)
          .isEqualTo(recorder.faults.size());
    }
  }

  @Test
  void sameSeed_firesTheSameFaults() {
    List<String> first = faultsOfUncachedRun(FaultSchedule.random(7, 0.5));
    List<String> second = faultsOfUncachedRun(FaultSchedule.random(7, 0.5));
    List<String> other = faultsOfUncachedRun(FaultSchedule.random(8, 0.5));

    assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(other);
  }

  /** The faults a schedule fires on a job without caches (task-level faults only), sorted. */
  private static List<String> faultsOfUncachedRun(FaultSchedule schedule) {
    try (KindlingSession s = session()) {
      List<String> faults = new CopyOnWriteArrayList<>();
      s.addListener(new JobListener() {
        @Override
        public void onFaultInjected(FaultInjected e) {
          faults.add(e.kind() + "@" + e.rddId() + "/" + e.partition() + ": " + e.detail());
        }
      });
      s.faults().schedule(schedule);
      RDD<Integer> data = s.parallelize(IntStream.range(0, 100).boxed().collect(Collectors.toList()), 8)
          .map(i -> i + 1);
      for (int i = 0; i < 3; i++) {
        assertThat(data.reduce(Integer::sum)).isEqualTo(5050);
      }
      return faults.stream().sorted().collect(Collectors.toList());
    }
  }
}
