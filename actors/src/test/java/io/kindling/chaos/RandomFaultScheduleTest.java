package io.kindling.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.JobListener;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.RDD;
import io.kindling.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random fault schedules over a multi-stage job on cached data: every schedule gives the fault-free answer.
 * A failing schedule is printed as the call that replays it.
 */
class RandomFaultScheduleTest {
  private static final int SCHEDULES = 50;
  private static final double RATE = 0.3;
  private static Answer faultFree;

  /** The answers of one run of the job. */
  record Answer(long sum, List<Tuple2<Integer, Integer>> rows, long count) {}

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

  /** cache → transform → persist off heap → several actions (each reads both caches). */
  private static Answer run(KindlingSession s) {
    RDD<Integer> base = s.parallelize(IntStream.range(0, 4000).boxed().collect(Collectors.toList()), 4)
        .map(i -> i * 31 % 1000)
        .cache();
    RDD<Tuple2<Integer, Integer>> keyed = base.filter(i -> i % 3 != 0)
        .map(i -> Tuple2.of(i % 7, i))
        .persist(StorageLevel.OFF_HEAP);
    long sum = keyed.map(t -> t._1() * 1000L + t._2()).reduce(Long::sum);
    List<Tuple2<Integer, Integer>> rows = new ArrayList<>(keyed.collect());
    rows.sort(Comparator.<Tuple2<Integer, Integer>>comparingInt(Tuple2::_1).thenComparingInt(Tuple2::_2));
    long count = base.count() + keyed.filter(t -> t._1() == 3).count();
    return new Answer(sum, rows, count);
  }

  @Test
  void randomSchedules_allGiveTheFaultFreeAnswer() {
    long faultsFired = 0;
    long recoveries = 0;
    for (int seed = 0; seed < SCHEDULES; seed++) {
      FaultSchedule schedule = FaultSchedule.random(seed, RATE);
      try (KindlingSession s = session()) {
        RecoveryRecorder recorder = new RecoveryRecorder();
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
        faultsFired += recorder.faults.size();
        recoveries += recorder.recomputed.size() + recorder.failed.size();
      }
    }
    assertThat(faultsFired).as("faults fired over %d schedules", SCHEDULES).isGreaterThan(SCHEDULES);
    assertThat(recoveries).as("recoveries over %d schedules", SCHEDULES).isGreaterThan(SCHEDULES / 2);
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
