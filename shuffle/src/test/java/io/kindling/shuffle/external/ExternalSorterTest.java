package io.kindling.shuffle.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.Tuple2;
import io.kindling.internal.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExternalSorterTest {

  @Provide
  Arbitrary<List<Object>> keys() {
    Arbitrary<Object> longs = Arbitraries.longs().map(x -> (Object) x);
    Arbitrary<Object> smallInts = Arbitraries.integers().between(-3, 3).map(x -> (Object) x);
    Arbitrary<Object> doubles = Arbitraries.of(-0.0, 0.0, 1.5, -2.5, Double.NaN, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MIN_VALUE).map(x -> (Object) x);
    Arbitrary<Object> strings = Arbitraries.strings().alpha().ofMaxLength(4).map(x -> (Object) x);
    return Arbitraries.oneOf(longs.list().ofMaxSize(2000), smallInts.list().ofMaxSize(2000),
        doubles.list().ofMaxSize(500), strings.list().ofMaxSize(1500));
  }

  @Property(tries = 80, seed = "424242")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void sorted_matchesListSort_inBothDirections_withAndWithoutSpills(@ForAll("keys") List<Object> keys,
      @ForAll boolean ascending, @ForAll boolean tinyBudget, @ForAll boolean naturalOrder) throws IOException {
    Comparator<Object> base = naturalOrder ? NaturalOrder.get() : (a, b) -> ((Comparable) a).compareTo(b);
    Comparator<Object> ordering = ascending ? base : base.reversed();
    Path dir = Files.createTempDirectory("sorter");
    List<Object> out = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    try (ExternalSorter<Object, Integer> sorter = new ExternalSorter<>(ordering, tinyBudget ? 4096 : 64 << 20,
        ExternalCombinerTest.spillsIn(dir))) {
      for (int i = 0; i < keys.size(); i++) {
        sorter.insert(Tuple2.of(keys.get(i), i));
      }
      Iterator<Tuple2<Object, Integer>> it = sorter.sorted();
      while (it.hasNext()) {
        Tuple2<Object, Integer> t = it.next();
        out.add(t._1());
        values.add(t._2());
        assertThat(t._1()).as("each value stays with its key").isEqualTo(keys.get(t._2()));
      }
    }
    List<Object> expected = new ArrayList<>(keys);
    expected.sort(ordering);
    assertThat(out).isEqualTo(expected);
    assertThat(values).doesNotHaveDuplicates().hasSize(keys.size());
    assertThat(ExternalCombinerTest.filesIn(dir)).isZero();
    Files.delete(dir);
  }

  @Test
  void manyRecords_spillAndMerge_inOrder() throws IOException {
    Path dir = Files.createTempDirectory("sorter");
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    try (ExternalSorter<Long, String> sorter = new ExternalSorter<>(NaturalOrder.get(), 256 << 10,
        ExternalCombinerTest.spillsIn(dir))) {
      for (int i = 0; i < 100_000; i++) {
        sorter.insert(Tuple2.of(random.nextLong(), "v" + i));
      }
      assertThat(sorter.spillCount()).isGreaterThan(2);
      Iterator<Tuple2<Long, String>> it = sorter.sorted();
      long previous = Long.MIN_VALUE;
      int n = 0;
      while (it.hasNext()) {
        long k = it.next()._1();
        assertThat(k).isGreaterThanOrEqualTo(previous);
        previous = k;
        n++;
      }
      assertThat(n).isEqualTo(100_000);
    }
    assertThat(ExternalCombinerTest.filesIn(dir)).isZero();
    Files.delete(dir);
  }
}
