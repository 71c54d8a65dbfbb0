package io.kindling.shuffle.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExternalCombinerTest {

  /** Sums integers. */
  static final Merger<Integer, Long> SUM = new Merger<>() {
    @Override
    public Long first(Integer value) {
      return (long) value;
    }

    @Override
    public Long add(Long combiner, Integer value) {
      return combiner + value;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  };

  /** A key whose hash code collides with many others. */
  record Colliding(int id) {
    @Override
    public int hashCode() {
      return id % 3;
    }
  }

  static Supplier<Path> spillsIn(Path dir) {
    AtomicLong n = new AtomicLong();
    return () -> dir.resolve("spill-" + n.incrementAndGet());
  }

  static long filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> skewedRecords() {
    Arbitrary<Integer> keys = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(-10_000, 10_000).withDistribution(RandomDistribution.gaussian()),
        Arbitraries.just(null));
    Arbitrary<Integer> values = Arbitraries.integers().between(-1000, 1000);
    return Combinators.combine(keys, values).as(Tuple2::of).list().ofMaxSize(3000);
  }

  @Property(tries = 60, seed = "20240529")
  void result_matchesHashMapReference_withAndWithoutSpills(
      @ForAll("skewedRecords") List<Tuple2<Integer, Integer>> records,
      @ForAll @IntRange(min = 1, max = 4) int partitions,
      @ForAll boolean tinyBudget) throws IOException {
    Path dir = Files.createTempDirectory("combiner");
    Map<Integer, Long> expected = new HashMap<>();
    for (Tuple2<Integer, Integer> t : records) {
      expected.merge(t._1(), (long) t._2(), Long::sum);
    }
    Map<Integer, Long> actual = new HashMap<>();
    List<Integer> partitionOrder = new ArrayList<>();
    try (ExternalCombiner<Integer, Integer, Long> c = new ExternalCombiner<>(SUM,
        k -> k == null ? 0 : Math.floorMod((Integer) k, partitions), tinyBudget ? 2048 : 64 << 20,
        spillsIn(dir))) {
      for (Tuple2<Integer, Integer> t : records) {
        c.insert(t._1(), t._2());
      }
      if (!tinyBudget) {
        assertThat(c.spillCount()).isZero();
      }
      Cursor<Integer, Long> cursor = c.result();
      while (cursor.next()) {
        Integer key = cursor.key();
        assertThat(actual).as("each key once").doesNotContainKey(key);
        actual.put(key, cursor.value());
        assertThat(cursor.partition()).isEqualTo(key == null ? 0 : Math.floorMod(key, partitions));
        partitionOrder.add(cursor.partition());
      }
      if (c.spillCount() > 0) {
        assertThat(partitionOrder).as("spilled results come grouped by partition").isSorted();
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(filesIn(dir)).as("spill files deleted").isZero();
    Files.delete(dir);
  }

  @Test
  void collidingHashes_areMergedByEquals_acrossSpills() throws IOException {
    Path dir = Files.createTempDirectory("combiner");
    Map<Colliding, Long> expected = new HashMap<>();
    Merger<Integer, Long> sum = new Merger<>() {
      @Override
      public Long first(Integer value) {
        return (long) value;
      }

      @Override
      public Long add(Long combiner, Integer value) {
        return combiner + value;
      }

      @Override
      public Long merge(Long a, Long b) {
        return a + b;
      }
    };
    Map<Colliding, Long> actual = new HashMap<>();
    try (ExternalCombiner<Colliding, Integer, Long> c = new ExternalCombiner<>(sum, k -> 0, 1024,
        spillsIn(dir))) {
      for (int i = 0; i < 5000; i++) {
        Colliding key = new Colliding(i % 97);
        c.insert(key, i);
        expected.merge(key, (long) i, Long::sum);
      }
      assertThat(c.spillCount()).isGreaterThan(1);
      Cursor<Colliding, Long> cursor = c.result();
      while (cursor.next()) {
        assertThat(actual.put(cursor.key(), cursor.value())).isNull();
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(filesIn(dir)).isZero();
    Files.delete(dir);
  }

  @Test
  void estimatedSize_growsWithDistinctKeys() {
    CombineMap<Integer, Integer, Long> map = new CombineMap<>(SUM, 16);
    for (int i = 0; i < 100_000; i++) {
      map.insert(i, 1);
    }
    // 100k entries of boxed keys and values cost several MB on any JVM; the estimate must see it.
    assertThat(map.estimatedBytes()).isBetween(3L << 20, 64L << 20);
    for (int i = 0; i < 100_000; i++) {
      map.insert(i % 10, 1);
    }
    assertThat(map.size()).isEqualTo(100_000);
  }
}
