package io.kindling.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.HashPartitioner;
import io.kindling.KindlingException;
import io.kindling.Partitioner;
import io.kindling.RangePartitioner;
import io.kindling.Tuple2;
import io.kindling.engine.event.NodeEvents;
import io.kindling.engine.shuffle.FetchFailedException;
import io.kindling.function.Function;
import io.kindling.function.Function2;
import io.kindling.internal.NaturalOrder;
import io.kindling.internal.lineage.Aggregator;
import io.kindling.internal.lineage.ParallelCollectionNode;
import io.kindling.internal.lineage.ShuffleDependency;
import io.kindling.persistence.shuffle.ShuffleStoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeShuffleServiceTest {
  private static final long SEED = 99;

  private static NodeShuffleService service(Path dir, long budget) {
    return new NodeShuffleService(new ShuffleSettings(dir, budget, 4096,
        new ShuffleStoreSettings(4096, 16 << 10, 256, 2)), "test");
  }

  /** {@code maps} map partitions of random (key in [0, keys), 1) pairs. */
  private static List<List<Tuple2<Integer, Integer>>> input(int maps, int perMap, int keys) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<List<Tuple2<Integer, Integer>>> parts = new ArrayList<>();
    for (int m = 0; m < maps; m++) {
      List<Tuple2<Integer, Integer>> part = new ArrayList<>();
      for (int i = 0; i < perMap; i++) {
        part.add(Tuple2.of(random.nextInt(keys), random.nextInt(100)));
      }
      parts.add(part);
    }
    return parts;
  }

  private static <K, V, C> Map<Integer, List<Tuple2<K, C>>> run(NodeShuffleService s,
      ShuffleDependency<K, V, C> dep, List<List<Tuple2<K, V>>> maps) throws Exception {
    for (int m = 0; m < maps.size(); m++) {
      TestingTaskContext ctx = new TestingTaskContext(s, m);
      long[] sizes = s.write(dep, m, maps.get(m).iterator(), ctx);
      assertThat(sizes).hasSize(dep.partitioner().numPartitions());
      ctx.finish();
    }
    assertThat(s.isComplete(dep.shuffleId(), maps.size())).isTrue();
    Map<Integer, List<Tuple2<K, C>>> out = new HashMap<>();
    for (int r = 0; r < dep.partitioner().numPartitions(); r++) {
      TestingTaskContext ctx = new TestingTaskContext(s, r);
      List<Tuple2<K, C>> records = new ArrayList<>();
      Iterator<Tuple2<K, C>> it = s.read(dep, r, ctx);
      it.forEachRemaining(records::add);
      ctx.finish();
      out.put(r, records);
    }
    return out;
  }

  private static ParallelCollectionNode<Object> parent(int maps) {
    return new ParallelCollectionNode<>(0, "test", List.of(), maps);
  }

  private static Aggregator<Integer, Long> sum() {
    Function<Integer, Long> create = v -> (long) v;
    Function2<Long, Integer, Long> add = (c, v) -> c + v;
    Function2<Long, Long, Long> merge = Long::sum;
    return new Aggregator<>(create, add, merge);
  }

  private static long filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void mapSideCombine_reducesEveryKeyOnce_inItsPartition(@TempDir Path dir) throws Exception {
    List<List<Tuple2<Integer, Integer>>> maps = input(4, 5000, 700);
    Map<Integer, Long> expected = new HashMap<>();
    maps.forEach(p -> p.forEach(t -> expected.merge(t._1(), (long) t._2(), Long::sum)));
    for (long budget : new long[] {64 << 20, 4 << 10}) {
      try (NodeShuffleService s = service(dir, budget)) {
        Partitioner p = new HashPartitioner(3);
        Map<Integer, List<Tuple2<Integer, Long>>> out = run(s,
            new ShuffleDependency<>(parent(4), 1, p, sum(), true, null), (List) maps);
        Map<Integer, Long> actual = new HashMap<>();
        out.forEach((r, records) -> records.forEach(t -> {
          assertThat(p.getPartition(t._1())).isEqualTo(r);
          assertThat(actual.put(t._1(), t._2())).as("key %s once", t._1()).isNull();
        }));
        assertThat(actual).as("budget %s", budget).isEqualTo(expected);
      }
      assertThat(filesUnder(dir)).as("nothing left after close").isZero();
    }
  }

  @Test
  void withoutMapSideCombine_groupsOnTheReduceSide(@TempDir Path dir) throws Exception {
    List<List<Tuple2<Integer, Integer>>> maps = input(3, 3000, 50);
    Map<Integer, Long> expected = new HashMap<>();
    maps.forEach(p -> p.forEach(t -> expected.merge(t._1(), (long) t._2(), Long::sum)));
    try (NodeShuffleService s = service(dir, 2 << 10)) {
      Map<Integer, List<Tuple2<Integer, Long>>> out = run(s,
          new ShuffleDependency<>(parent(3), 2, new HashPartitioner(5), sum(), false, null), (List) maps);
      Map<Integer, Long> actual = new HashMap<>();
      out.values().forEach(records -> records.forEach(t -> actual.put(t._1(), t._2())));
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void withoutAggregator_movesEveryRecord_andEmptyMapsWriteNothing(@TempDir Path dir) throws Exception {
    List<List<Tuple2<Integer, Integer>>> maps = new ArrayList<>(input(3, 2000, 1_000_000));
    maps.add(List.of());
    try (NodeShuffleService s = service(dir, 64 << 20)) {
      Partitioner p = new HashPartitioner(7);
      Map<Integer, List<Tuple2<Integer, Integer>>> out = run(s,
          new ShuffleDependency<Integer, Integer, Integer>(parent(4), 3, p, null, false, null), maps);
      List<Tuple2<Integer, Integer>> all = new ArrayList<>();
      out.forEach((r, records) -> {
        records.forEach(t -> assertThat(p.getPartition(t._1())).isEqualTo(r));
        all.addAll(records);
      });
      List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
      maps.forEach(expected::addAll);
      assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void keyOrdering_sortsEachReducePartition_evenWhenSpilling(@TempDir Path dir) throws Exception {
    List<List<Tuple2<Integer, Integer>>> maps = input(4, 4000, 1_000_000);
    RangePartitioner<Integer> p = RangePartitioner.withBounds(List.of(250_000, 500_000, 750_000),
        NaturalOrder.get(), true);
    try (NodeShuffleService s = service(dir, 8 << 10)) {
      Map<Integer, List<Tuple2<Integer, Integer>>> out = run(s,
          new ShuffleDependency<Integer, Integer, Integer>(parent(4), 4, p, null, false, NaturalOrder.get()), maps);
      List<Integer> keys = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        out.get(r).forEach(t -> keys.add(t._1()));
      }
      List<Integer> expected = new ArrayList<>();
      maps.forEach(m -> m.forEach(t -> expected.add(t._1())));
      Collections.sort(expected);
      assertThat(keys).isEqualTo(expected);
    }
    assertThat(filesUnder(dir)).isZero();
  }

  @Test
  void combineByKey_inPlace_spillsWithinTheBudget_andCleansUp(@TempDir Path dir) throws Exception {
    List<Tuple2<Integer, Integer>> records = input(1, 20_000, 3_000).get(0);
    Map<Integer, Long> expected = new HashMap<>();
    records.forEach(t -> expected.merge(t._1(), (long) t._2(), Long::sum));
    try (NodeShuffleService s = service(dir, 4 << 10)) {
      TestingTaskContext ctx = new TestingTaskContext(s, 0);
      Map<Integer, Long> actual = new HashMap<>();
      Iterator<Tuple2<Integer, Long>> combined = s.combineByKey(records.iterator(), sum(), ctx);
      assertThat(filesUnder(dir)).as("runs spilled past a 4 KiB budget").isNotZero();
      combined.forEachRemaining(t -> assertThat(actual.put(t._1(), t._2())).isNull());
      ctx.finish();
      assertThat(actual).isEqualTo(expected);
      assertThat(filesUnder(dir)).isZero();
    }
  }

  @Test
  void unserializableValue_failsNamingTheClass_andLeavesNoOutput(@TempDir Path dir) {
    try (NodeShuffleService s = service(dir, 64 << 20)) {
      ShuffleDependency<Integer, Object, Object> dep = new ShuffleDependency<>(parent(1), 5, new HashPartitioner(2),
          null, false, null);
      Iterator<Tuple2<Integer, Object>> records = List.of(Tuple2.of(1, (Object) "ok"),
          Tuple2.of(2, (Object) new Thread())).iterator();
      assertThatThrownBy(() -> s.write(dep, 0, records, new TestingTaskContext(s, 0)))
          .isInstanceOf(KindlingException.class)
          .hasMessageContaining("value of class java.lang.Thread");
      assertThat(s.isComplete(5, 1)).isFalse();
    }
  }

  @Test
  void remove_forgetsTheShuffle(@TempDir Path dir) throws Exception {
    try (NodeShuffleService s = service(dir, 64 << 20)) {
      assertThat(s.workDirectory().isCreated()).as("nothing made before the first shuffle").isFalse();
      run(s, new ShuffleDependency<Integer, Integer, Integer>(parent(2), 6, new HashPartitioner(2), null, false,
          null), input(2, 100, 10));
      assertThat(s.shuffleIds()).containsExactly(6);
      s.remove(6);
      assertThat(s.shuffleIds()).isEmpty();
      assertThat(s.isComplete(6, 2)).isFalse();
    }
  }

  @Test
  void droppedMapOutputs_areReportedMissing_andReadsFailNamingEachOfThem(@TempDir Path dir) throws Exception {
    ShuffleBytes events = new ShuffleBytes();
    try (NodeShuffleService s = new NodeShuffleService(new ShuffleSettings(dir, 64 << 20, 4096,
        new ShuffleStoreSettings(4096, 16 << 10, 256, 2)), "test", events)) {
      ShuffleDependency<Integer, Integer, Integer> dep = new ShuffleDependency<>(parent(3), 8,
          new HashPartitioner(2), null, false, null);
      run(s, dep, input(3, 100, 10));
      assertThat(events.written.get()).isPositive();
      assertThat(events.read.get()).as("every byte written was read once").isEqualTo(events.written.get());

      assertThat(s.dropMapOutput(8, 0)).isTrue();
      assertThat(s.dropMapOutput(8, 2)).isTrue();
      assertThat(s.dropMapOutput(8, 2)).as("already gone").isFalse();

      assertThat(s.missingMapOutputs(8, 3)).containsExactly(0, 2);
      assertThat(s.isComplete(8, 3)).isFalse();
      assertThatThrownBy(() -> s.read(dep, 1, new TestingTaskContext(s, 1)))
          .isInstanceOfSatisfying(FetchFailedException.class, f -> {
            assertThat(f.shuffleId()).isEqualTo(8);
            assertThat(f.mapPartitions()).containsExactly(0, 2);
            assertThat(f.reducePartition()).isEqualTo(1);
          });
    }
  }

  @Test
  void mapOutputDroppedWhileRead_failsTheReadAsAFetchFailure(@TempDir Path dir) throws Exception {
    try (NodeShuffleService s = service(dir, 64 << 20)) {
      ShuffleDependency<Integer, Integer, Integer> dep = new ShuffleDependency<>(parent(2), 9,
          new HashPartitioner(1), null, false, null);
      run(s, dep, input(2, 2000, 10));
      Iterator<Tuple2<Integer, Integer>> records = s.read(dep, 0, new TestingTaskContext(s, 0));
      records.next();

      s.dropMapOutput(9, 1);

      assertThatThrownBy(() -> records.forEachRemaining(r -> {}))
          .isInstanceOfSatisfying(FetchFailedException.class,
              f -> assertThat(f.mapPartitions()).containsExactly(1));
    }
  }

  /** Counts the shuffle bytes a service reports. */
  private static final class ShuffleBytes implements NodeEvents {
    final AtomicLong written = new AtomicLong();
    final AtomicLong read = new AtomicLong();

    @Override
    public void shuffleBytesWritten(long bytes) {
      written.addAndGet(bytes);
    }

    @Override
    public void shuffleBytesRead(long bytes) {
      read.addAndGet(bytes);
    }
  }
}
