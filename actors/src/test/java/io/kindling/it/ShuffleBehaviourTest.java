package io.kindling.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.HashPartitioner;
import io.kindling.JobFailedException;
import io.kindling.JobListener;
import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.internal.lineage.CoGroupedNode;
import io.kindling.internal.lineage.Dependency;
import io.kindling.internal.lineage.LineageNode;
import io.kindling.internal.lineage.OneToOneDependency;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How shuffles are planned, reused, shown and cleaned up, seen from the public API. */
class ShuffleBehaviourTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("shuffle-behaviour").master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static PairRDD<Integer, Integer> pairs(int n, int keys, int partitions) {
    List<Integer> data = IntStream.range(0, n).boxed().toList();
    return session.parallelize(data, partitions).mapToPair(x -> Tuple2.of(x % keys, 1));
  }

  /** Every shuffle dependency in a dataset's lineage. */
  private static List<ShuffleDependency<?, ?, ?>> shuffles(RDD<?> rdd) {
    List<ShuffleDependency<?, ?, ?>> found = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Deque<LineageNode<?>> todo = new ArrayDeque<>(List.of(rdd.lineage()));
    while (!todo.isEmpty()) {
      LineageNode<?> node = todo.pop();
      if (!seen.add(node.id())) {
        continue;
      }
      for (Dependency d : node.dependencies()) {
        if (d instanceof ShuffleDependency<?, ?, ?> s) {
          found.add(s);
        }
        todo.push(d.parent());
      }
    }
    return found;
  }

  /** Records the events of the jobs run while it is registered. */
  static final class Recorder implements JobListener {
    final List<StageSubmitted> stages = Collections.synchronizedList(new ArrayList<>());
    final List<PartitionCompleted> partitions = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStageSubmitted(StageSubmitted event) {
      stages.add(event);
    }

    @Override
    public void onPartitionCompleted(PartitionCompleted event) {
      partitions.add(event);
    }
  }

  private static Recorder record(Runnable action) {
    Recorder recorder = new Recorder();
    session.addListener(recorder);
    try {
      action.run();
    } finally {
      session.removeListener(recorder);
    }
    return recorder;
  }

  @Test
  void reduceByKey_onInputPartitionedTheSameWay_doesNotShuffleAgain() {
    HashPartitioner p = new HashPartitioner(3);
    PairRDD<Integer, Integer> partitioned = pairs(100, 10, 4).partitionBy(p);
    PairRDD<Integer, Integer> reduced = partitioned.reduceByKey(Integer::sum);
    assertThat(shuffles(reduced)).hasSize(1);
    assertThat(reduced.partitioner()).contains(p);
    assertThat(reduced.collectAsMap()).hasSize(10).containsEntry(3, 10);
    assertThat(shuffles(partitioned.reduceByKey(Integer::sum, 5))).hasSize(2);
    assertThat(shuffles(partitioned.groupByKey(p))).hasSize(1);
    assertThat(partitioned.partitionBy(new HashPartitioner(3))).isSameAs(partitioned);
    assertThat(partitioned.mapValues(v -> v + 1).partitioner()).contains(p);
    assertThat(partitioned.keys().partitioner()).isEmpty();
  }

  @Test
  void join_ofCoPartitionedInputs_isNarrow() {
    HashPartitioner p = new HashPartitioner(4);
    PairRDD<Integer, Integer> a = pairs(50, 7, 2).partitionBy(p);
    PairRDD<Integer, Integer> b = pairs(30, 5, 3).reduceByKey(Integer::sum, 4);
    PairRDD<Integer, Tuple2<Integer, Integer>> joined = a.join(b);
    assertThat(shuffles(joined)).hasSize(2);
    CoGroupedNode<?> cogroup = findCoGroup(joined.lineage());
    assertThat(cogroup.dependencies()).allMatch(d -> d instanceof OneToOneDependency);
    // a's keys 0..4 (36 of its 50 records) have one match each in b.
    assertThat(joined.count()).isEqualTo(36);

    PairRDD<Integer, Tuple2<Integer, Integer>> shuffledJoin = pairs(50, 7, 2).join(pairs(30, 5, 3));
    assertThat(shuffles(shuffledJoin)).hasSize(2);
    assertThat(findCoGroup(shuffledJoin.lineage()).dependencies()).allMatch(d -> d instanceof ShuffleDependency);
    // 36 records of the left side match 6 records each on the right.
    assertThat(shuffledJoin.count()).isEqualTo(216);
  }

  private static CoGroupedNode<?> findCoGroup(LineageNode<?> node) {
    Deque<LineageNode<?>> todo = new ArrayDeque<>(List.of(node));
    while (!todo.isEmpty()) {
      LineageNode<?> n = todo.pop();
      if (n instanceof CoGroupedNode<?> c) {
        return c;
      }
      n.dependencies().forEach(d -> todo.push(d.parent()));
    }
    throw new AssertionError("no CoGroupedRDD in " + node);
  }

  @Test
  void toDebugString_showsShuffleBoundariesAsStages() {
    PairRDD<String, Integer> words = session.parallelize(List.of("a", "b", "a"), 3).mapToPair(w -> Tuple2.of(w, 1));
    PairRDD<String, Integer> counts = words.reduceByKey(Integer::sum, 2);
    String shown = counts.toDebugString().replaceAll("\\[\\d+]", "[#]").replaceAll(":\\d+", ":L");
    assertThat(shown).isEqualTo("""
        (2) ShuffledRDD[#] at reduceByKey at ShuffleBehaviourTest.java:L []
         +-(3) MapPartitionsRDD[#] at mapToPair at ShuffleBehaviourTest.java:L []
            |  ParallelCollectionRDD[#] at parallelize at ShuffleBehaviourTest.java:L []""");

    String twoStages = counts.mapValues(c -> c * 2).sortByKey(true, 2).toDebugString()
        .replaceAll("\\[\\d+]", "[#]").replaceAll(":\\d+", ":L");
    assertThat(twoStages.lines().toList()).containsExactly(
        "(2) ShuffledRDD[#] at sortByKey at ShuffleBehaviourTest.java:L []",
        " +-(2) MapPartitionsRDD[#] at mapValues at ShuffleBehaviourTest.java:L []",
        "    |  ShuffledRDD[#] at reduceByKey at ShuffleBehaviourTest.java:L []",
        "    +-(3) MapPartitionsRDD[#] at mapToPair at ShuffleBehaviourTest.java:L []",
        "       |  ParallelCollectionRDD[#] at parallelize at ShuffleBehaviourTest.java:L []");
  }

  @Test
  void shuffleOutputs_areReusedByLaterJobs() {
    PairRDD<Integer, Integer> reduced = pairs(200, 13, 4).reduceByKey(Integer::sum, 3);
    Recorder first = record(reduced::count);
    assertThat(first.stages).hasSize(2);
    Recorder second = record(reduced::collect);
    assertThat(second.stages).as("the map stage is skipped").hasSize(1);
    assertThat(second.stages.get(0).numPartitions()).isEqualTo(3);
  }

  @Test
  void lookup_onPartitionedData_readsOnlyTheKeysPartition() {
    PairRDD<Integer, Integer> reduced = pairs(200, 13, 4).reduceByKey(Integer::sum, 5);
    reduced.count();
    List<List<Integer>> found = new ArrayList<>();
    Recorder recorder = record(() -> found.add(reduced.lookup(6)));
    assertThat(found.get(0)).as("6, 19, …, 188").containsExactly(15);
    assertThat(recorder.partitions).hasSize(1);
    assertThat(pairs(20, 4, 2).lookup(3)).containsExactly(1, 1, 1, 1, 1);
  }

  @Test
  void sortBy_balancesPartitions_bySampling() {
    List<Integer> data = IntStream.range(0, 20_000).map(i -> (i * 7919) % 20_000).boxed().toList();
    RDD<Integer> sorted = session.parallelize(data, 3).sortBy(x -> x, true, 4);
    List<List<Integer>> parts = sorted.glom().collect();
    assertThat(parts).hasSize(4);
    for (List<Integer> part : parts) {
      assertThat(part.size()).as("partition sizes %s", parts.stream().map(List::size).toList())
          .isBetween(2_500, 7_500);
    }
    assertThat(sorted.collect()).isEqualTo(IntStream.range(0, 20_000).boxed().toList());
    // As in Spark: three equal sampled keys make one bound, so two ranges, one of them empty.
    RDD<Integer> oneKey = session.parallelize(List.of(3, 3, 3), 2).sortBy(x -> x, false, 4);
    assertThat(oneKey.getNumPartitions()).isEqualTo(2);
    assertThat(oneKey.collect()).containsExactly(3, 3, 3);
  }

  @Test
  void shufflesOfADatasetWithoutPartitions_areEmpty() {
    PairRDD<Integer, Integer> none = PairRDD.fromRDD(session.<Tuple2<Integer, Integer>>emptyRDD());
    assertThat(none.reduceByKey(Integer::sum).collect()).isEmpty();
    assertThat(none.groupByKey(3).count()).isZero();
    assertThat(none.sortByKey().collect()).isEmpty();
    assertThat(none.join(pairs(10, 2, 2)).collect()).isEmpty();
    assertThat(none.countByKey()).isEmpty();
    assertThat(none.keys().distinct().collect()).isEmpty();
    assertThat(none.repartition(2).getNumPartitions()).isEqualTo(2);
  }

  @Test
  void userFunctionError_inReduceByKey_failsTheJobWithTheUsersException() {
    PairRDD<Integer, Integer> failing = pairs(20, 3, 2).reduceByKey((a, b) -> {
      throw new IllegalStateException("boom in reduce");
    });
    assertThatThrownBy(failing::collect).isInstanceOf(JobFailedException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("boom in reduce");
  }

  /** A value Kryo cannot copy. */
  static final class HoldsThread {
    final Thread thread = new Thread(() -> {});
  }

  @Test
  void unserializableRecordType_failsTheJob_namingTheClass() {
    PairRDD<Integer, HoldsThread> bad = session.parallelize(List.of(1, 2), 2)
        .mapToPair(x -> Tuple2.of(x, new HoldsThread()));
    assertThatThrownBy(() -> bad.groupByKey().collect()).isInstanceOf(JobFailedException.class)
        .hasMessageContaining(HoldsThread.class.getName());
  }

  @Test
  void close_leavesNoShuffleSpillOrChronicleFileBehind(@TempDir Path localDir) throws IOException {
    try (KindlingSession s = KindlingSession.builder().master("local[2]")
        .config("kindling.local-dir", localDir.toString())
        .config("kindling.shuffle.memory-budget", "16k").create()) {
      s.parallelize(List.of(1, 2, 3), 2).map(x -> x + 1).collect();
      assertThat(filesUnder(localDir)).as("nothing is made before the first shuffle").isEmpty();
      List<Integer> data = IntStream.range(0, 20_000).boxed().toList();
      PairRDD<Integer, Integer> pairs = s.parallelize(data, 4).mapToPair(x -> Tuple2.of(x % 5000, x));
      assertThat(pairs.reduceByKey(Integer::sum).count()).isEqualTo(5000);
      assertThat(pairs.groupByKey(3).count()).isEqualTo(5000);
      // Four values a key on each side: 16 pairs a key, grouped within a 16 KiB budget (so spilled).
      assertThat(pairs.join(pairs.mapValues(v -> -v)).count()).isEqualTo(5000 * 16);
      PairRDD<Integer, Integer> partitioned = pairs.partitionBy(new HashPartitioner(3));
      assertThat(partitioned.reduceByKey(Integer::sum).count()).as("co-partitioned combine").isEqualTo(5000);
      assertThat(partitioned.cogroup(partitioned).count()).as("co-partitioned cogroup").isEqualTo(5000);
      assertThat(s.parallelize(data, 4).sortBy(x -> -x, true, 3).first()).isEqualTo(19_999);
      assertThat(filesUnder(localDir)).as("the store lives under kindling.local-dir")
          .anyMatch(p -> p.getFileName().toString().endsWith(".cm3"));
    }
    try (Stream<Path> left = Files.list(localDir)) {
      assertThat(left).as("close() deletes the session's work directory").isEmpty();
    }
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
