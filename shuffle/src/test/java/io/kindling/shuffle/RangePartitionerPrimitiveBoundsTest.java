package io.kindling.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.RangePartitioner;
import io.kindling.internal.NaturalOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Natural-order range partitioners over Long, Integer and Double bounds place keys without comparing boxed
 * objects: every key lands where a partitioner comparing the same bounds with {@code compareTo} puts it,
 * ascending and descending, keys equal to bounds, NaN and -0.0 included.
 */
class RangePartitionerPrimitiveBoundsTest {

  /** compareTo, but not NaturalOrder: the partitioner compares boxed keys. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> COMPARE_TO = (Comparator<Object> & Serializable) (a, b) ->
      ((Comparable) a).compareTo(b);

  record Case(List<Object> bounds, List<Object> keys) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Object> longs = Arbitraries.oneOf(Arbitraries.longs().between(-20, 20), Arbitraries.longs(),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE)).map(x -> (Object) x);
    Arbitrary<Object> ints = Arbitraries.oneOf(Arbitraries.integers().between(-20, 20), Arbitraries.integers())
        .map(x -> (Object) x);
    Arbitrary<Object> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1.0, 1.0))
        .map(x -> (Object) x);
    return Arbitraries.<Arbitrary<Object>>of(longs, ints, doubles).flatMap(values -> {
      // Bounds: distinct and sorted, as the sampler makes them; up to 200, past the linear-search limit.
      Arbitrary<List<Object>> bounds = values.list().ofMaxSize(200).map(b -> {
        List<Object> sorted = new ArrayList<>(b.stream().distinct().toList());
        sorted.sort(COMPARE_TO);
        return sorted;
      });
      return bounds.flatMap(b -> values.list().ofMinSize(1).ofMaxSize(300).map(keys -> {
        List<Object> all = new ArrayList<>(keys);
        all.addAll(b);
        return new Case(b, all);
      }));
    });
  }

  @Property(tries = 200, seed = "990001")
  void primitiveBounds_placeKeysAsComparingDoes(@ForAll("cases") Case c, @ForAll boolean ascending) {
    RangePartitioner<Object> fast = RangePartitioner.withBounds(c.bounds(), NaturalOrder.get(), ascending);
    RangePartitioner<Object> compared = RangePartitioner.withBounds(c.bounds(), COMPARE_TO, ascending);
    for (Object key : c.keys()) {
      assertThat(fast.getPartition(key)).as("key %s", key).isEqualTo(compared.getPartition(key));
    }
  }

  @Example
  void keyOfAnotherClass_failsAsComparingDoes() {
    RangePartitioner<Object> fast = RangePartitioner.withBounds(List.of(1L, 5L), NaturalOrder.get(), true);
    assertThatThrownBy(() -> fast.getPartition(3)).isInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> fast.getPartition(null)).isInstanceOf(ClassCastException.class);
    assertThat(fast.getPartition(5L)).isEqualTo(1);
    assertThat(fast.getPartition(6L)).isEqualTo(2);
  }
}
