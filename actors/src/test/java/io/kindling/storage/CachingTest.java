package io.kindling.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.KindlingSession;
import io.kindling.LongAccumulator;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** cache(), persist(level), unpersist(): later actions read the blocks instead of recomputing. */
class CachingTest {
  private static KindlingSession session;

  @BeforeAll
  static void start() {
    session = KindlingSession.builder().appName("caching").master("local[2]")
        .config("kindling.storage.off-heap-size", "16m")
        .config("kindling.storage.disk-size", "16m")
        .config("kindling.storage.chunk-size", "16k")
        .create();
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(value = StorageLevel.class, names = {"MEMORY_ONLY", "OFF_HEAP", "MEMORY_AND_DISK", "DISK_ONLY"})
  void persist_secondActionReadsBlocks_doesNotRecompute(StorageLevel level) {
    LongAccumulator computed = session.longAccumulator("computed");
    RDD<Tuple2<Integer, String>> data = session.parallelize(range(5000), 4)
        .map(i -> {
          computed.add(1);
          return Tuple2.of(i, "v" + i);
        })
        .persist(level);

    assertThat(data.getStorageLevel()).isEqualTo(level);
    List<Tuple2<Integer, String>> first = data.collect();
    long afterFirst = computed.sum();
    List<Tuple2<Integer, String>> second = data.collect();

    assertThat(afterFirst).isEqualTo(5000);
    assertThat(computed.sum()).isEqualTo(5000);
    assertThat(second).isEqualTo(first);
    assertThat(second.get(4999)).isEqualTo(Tuple2.of(4999, "v4999"));
    assertThat(session.metrics().cachedBytes(level)).isPositive();

    data.unpersist(true);
    assertThat(session.metrics().cachedBytes(level)).isZero();
  }

  @Test
  void cache_derivedDatasetsReadTheCache() {
    LongAccumulator computed = session.longAccumulator("computed");
    RDD<Integer> base = session.parallelize(range(1000), 3).map(i -> {
      computed.add(1);
      return i * 2;
    }).cache();

    assertThat(base.count()).isEqualTo(1000);
    assertThat(base.filter(i -> i % 4 == 0).count()).isEqualTo(500);
    assertThat(base.map(i -> i + 1).reduce(Integer::sum)).isEqualTo(999_000 + 1000);
    assertThat(computed.sum()).isEqualTo(1000);
    base.unpersist(true);
  }

  @Test
  void unpersist_nextActionRecomputes() {
    LongAccumulator computed = session.longAccumulator("computed");
    RDD<Integer> data = session.parallelize(range(100), 2).map(i -> {
      computed.add(1);
      return i;
    }).cache();
    data.count();
    data.unpersist(true);

    assertThat(data.getStorageLevel()).isEqualTo(StorageLevel.NONE);
    assertThat(data.count()).isEqualTo(100);
    assertThat(computed.sum()).isEqualTo(200);
  }

  @Test
  void persist_otherLevelAfterOne_failsLikeSpark() {
    RDD<Integer> data = session.parallelize(range(10), 2).cache();

    assertThatThrownBy(() -> data.persist(StorageLevel.OFF_HEAP))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Cannot change storage level of an RDD after it was already assigned a level");
    assertThat(data.persist(StorageLevel.MEMORY_ONLY)).isSameAs(data);
    data.unpersist();
    assertThat(data.persist(StorageLevel.OFF_HEAP).getStorageLevel()).isEqualTo(StorageLevel.OFF_HEAP);
    data.unpersist(true);
  }

  @Test
  void pairRdd_cacheKeepsPairOperations() {
    PairRDD<String, Integer> pairs = session.parallelize(List.of("a", "b", "a"), 2).mapToPair(w -> Tuple2.of(w, 1));
    PairRDD<String, Integer> cached = pairs.cache();
    PairRDD<String, Integer> persisted = cached.unpersist().persist(StorageLevel.OFF_HEAP);

    assertThat(persisted.collect()).containsExactly(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("a", 1));
    assertThat(persisted.getStorageLevel()).isEqualTo(StorageLevel.OFF_HEAP);
    persisted.unpersist(true);
  }

  @Test
  void toDebugString_showsStorageLevel() {
    RDD<Integer> data = session.parallelize(range(10), 2).map(i -> i + 1).cache();

    assertThat(data.toDebugString().lines().findFirst().orElseThrow())
        .endsWith("[Memory Deserialized 1x Replicated]");
    data.unpersist();
  }

  @Test
  void persist_take_cachesWholePartitionAndLaterReadsMatch() {
    RDD<Integer> data = session.parallelize(range(100), 4).map(i -> i * 3).persist(StorageLevel.OFF_HEAP);

    assertThat(data.take(3)).containsExactly(0, 3, 6);
    assertThat(data.collect()).isEqualTo(range(100).stream().map(i -> i * 3).collect(Collectors.toList()));
    data.unpersist(true);
  }

  /** A value class without a no-argument constructor and a field Kryo must handle by reference. */
  record Point(double label, double[] features) {}

  @Test
  void offHeap_recordsWithArrays_roundTrip() {
    RDD<Point> points = session.parallelize(range(300), 3)
        .map(i -> new Point(i % 2, new double[] {i, -i, i / 3.0}))
        .persist(StorageLevel.OFF_HEAP);

    double first = points.map(p -> p.features()[0] + p.label()).reduce(Double::sum);
    double second = points.map(p -> p.features()[0] + p.label()).reduce(Double::sum);

    assertThat(second).isEqualTo(first).isEqualTo(44850.0 + 150);
    points.unpersist(true);
  }
}
