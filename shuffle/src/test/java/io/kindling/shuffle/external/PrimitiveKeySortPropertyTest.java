package io.kindling.shuffle.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kindling.Tuple2;
import io.kindling.internal.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The natural-order fast path of {@link ExternalSorter} (keys kept as a {@code long[]} and radix-sorted) against
 * plain Java: {@code List.sort} with the same comparator, over Long, Integer and Double keys (NaN, -0.0, the
 * extremes, many duplicates), values that are their key or not, records inserted boxed or as primitives, keys of
 * another class (or null) arriving part-way, ascending and descending, with and without spills.
 */
class PrimitiveKeySortPropertyTest {

  /** How a record goes into the sorter. */
  enum Entry { BOXED, PRIMITIVE, PRIMITIVE_VALUE_IS_KEY }

  @Provide
  Arbitrary<List<Object>> primitiveKeys() {
    Arbitrary<Object> longs = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-5, 5),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)).map(x -> (Object) x);
    Arbitrary<Object> ints = Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-3, 3),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE)).map(x -> (Object) x);
    Arbitrary<Object> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(-0.0, 0.0, 1.5, -2.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.longBitsToDouble(0x7ff0000000000123L))).map(x -> (Object) x);
    return Arbitraries.oneOf(longs.list().ofMaxSize(3000), ints.list().ofMaxSize(3000),
        doubles.list().ofMaxSize(3000));
  }

  @Property(tries = 60, seed = "777001")
  void primitiveKeys_sortLikeListSort(@ForAll("primitiveKeys") List<Object> keys, @ForAll boolean ascending,
      @ForAll boolean tinyBudget, @ForAll("entries") List<Entry> entries) throws IOException {
    Comparator<Object> ordering = ascending ? NaturalOrder.get() : NaturalOrder.DESCENDING;
    List<Tuple2<Object, Object>> records = records(keys, entries);
    assertSortsLikeReference(records, entries, ordering, tinyBudget);
  }

  @Provide
  Arbitrary<List<Entry>> entries() {
    return Arbitraries.of(Entry.class).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Object> intruders() {
    return Arbitraries.of("text", 7, 7L, 2.5, (Object) null);
  }

  /**
   * A key of another kind part-way through: the sorter leaves the fast path, and then sorts (or fails) exactly as
   * the comparator does.
   */
  @Property(tries = 80, seed = "777002")
  void keyOfAnotherClass_partWay_behavesLikeTheComparator(@ForAll("primitiveKeys") List<Object> keys,
      @ForAll("intruders") Object intruder, @ForAll @IntRange(min = 0, max = 3000) int at,
      @ForAll boolean ascending, @ForAll boolean tinyBudget, @ForAll("entries") List<Entry> entries)
      throws IOException {
    List<Object> mixed = new ArrayList<>(keys);
    mixed.add(Math.min(at, mixed.size()), intruder);
    Comparator<Object> ordering = ascending ? NaturalOrder.get() : NaturalOrder.DESCENDING;
    assertSortsLikeReference(records(mixed, entries), entries, ordering, tinyBudget);
  }

  @Property(tries = 60, seed = "777003")
  void radixSort_matchesArraysSort_andMovesValues(@ForAll("primitiveKeys") List<Object> keys) {
    long[] sortable = new long[keys.size()];
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < sortable.length; i++) {
      sortable[i] = ((Number) keys.get(i)).longValue() * 31 + (i % 7);
      values[i] = sortable[i];
    }
    long[] expected = sortable.clone();
    Arrays.sort(expected);
    LongRadixSort.sort(sortable, values, sortable.length);
    assertThat(sortable).containsExactly(expected);
    for (int i = 0; i < sortable.length; i++) {
      assertThat(values[i]).isEqualTo(sortable[i]);
    }
  }

  @Test
  void emptySorter_yieldsNothing_inEitherDirection() {
    for (Comparator<Object> ordering : List.<Comparator<Object>>of(NaturalOrder.ASCENDING, NaturalOrder.DESCENDING)) {
      try (ExternalSorter<Object, Object> sorter = new ExternalSorter<>(ordering, 1 << 20, () -> {
        throw new AssertionError("no spill expected");
      })) {
        assertThat(sorter.sorted().hasNext()).isFalse();
      }
    }
  }

  @Test
  void manyLongKeys_spillAsPrimitives_andMergeInOrder() throws IOException {
    Path dir = Files.createTempDirectory("primitive-sorter");
    SplittableRandom random = new SplittableRandom(99);
    try (ExternalSorter<Long, Long> sorter = new ExternalSorter<>(NaturalOrder.DESCENDING, 64 << 10,
        ExternalCombinerTest.spillsIn(dir))) {
      for (int i = 0; i < 50_000; i++) {
        sorter.insertLong(random.nextLong(-1000, 1000), null, true);
      }
      assertThat(sorter.spillCount()).isGreaterThan(2);
      Iterator<Tuple2<Long, Long>> it = sorter.sorted();
      long previous = Long.MAX_VALUE;
      int n = 0;
      while (it.hasNext()) {
        Tuple2<Long, Long> t = it.next();
        assertThat(t._2()).isSameAs(t._1());
        assertThat(t._1()).isLessThanOrEqualTo(previous);
        previous = t._1();
        n++;
      }
      assertThat(n).isEqualTo(50_000);
    }
    assertThat(ExternalCombinerTest.filesIn(dir)).isZero();
    Files.delete(dir);
  }

  /** Records {@code (key, value)}: the value is the key itself for some entries, a distinct string for others. */
  private static List<Tuple2<Object, Object>> records(List<Object> keys, List<Entry> entries) {
    List<Tuple2<Object, Object>> records = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Object key = keys.get(i);
      Entry e = entries.get(i % entries.size());
      records.add(Tuple2.of(key, e == Entry.PRIMITIVE_VALUE_IS_KEY ? key : "v" + i));
    }
    return records;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void assertSortsLikeReference(List<Tuple2<Object, Object>> records, List<Entry> entries,
      Comparator<Object> ordering, boolean tinyBudget) throws IOException {
    List<Tuple2<Object, Object>> expected = new ArrayList<>(records);
    RuntimeException expectedFailure = null;
    try {
      expected.sort((a, b) -> ordering.compare(a._1(), b._1()));
    } catch (RuntimeException e) {
      expectedFailure = e;
    }
    Path dir = Files.createTempDirectory("primitive-sorter");
    List<Tuple2<Object, Object>> out = new ArrayList<>();
    RuntimeException failure = null;
    try (ExternalSorter<Object, Object> sorter = new ExternalSorter<>(ordering, tinyBudget ? 2048 : 64 << 20,
        ExternalCombinerTest.spillsIn(dir))) {
      for (int i = 0; i < records.size(); i++) {
        insert(sorter, records.get(i), entries.get(i % entries.size()));
      }
      Iterator<Tuple2<Object, Object>> it = sorter.sorted();
      while (it.hasNext()) {
        out.add(it.next());
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(ExternalCombinerTest.filesIn(dir)).isZero();
    Files.delete(dir);
    if (expectedFailure != null) {
      assertThat(failure).as("fails as the comparator does").isNotNull()
          .isInstanceOfAny(ClassCastException.class, NullPointerException.class);
      return;
    }
    assertThat(failure).isNull();
    // Equal keys may come in any order: compare the keys in order, and the records as multisets per key.
    assertThat(keysOf(out)).isEqualTo(keysOf(expected));
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    for (Tuple2<Object, Object> t : out) {
      if (!(t._2() instanceof String)) {
        assertThat(t._2()).as("a value that was its key is its key").isEqualTo(t._1());
      }
    }
  }

  private static List<Object> keysOf(List<Tuple2<Object, Object>> records) {
    // Double.equals tells -0.0 from 0.0 and makes NaN equal to itself, as Double.compare does.
    return records.stream().map(Tuple2::_1).toList();
  }

  private static void insert(ExternalSorter<Object, Object> sorter, Tuple2<Object, Object> t, Entry e) {
    Object k = t._1();
    boolean valueIsKey = t._2() == k;
    if (e == Entry.BOXED || k == null) {
      sorter.insert(t);
    } else if (k instanceof Long l) {
      sorter.insertLong(l, valueIsKey ? null : t._2(), valueIsKey);
    } else if (k instanceof Integer i) {
      sorter.insertInt(i, valueIsKey ? null : t._2(), valueIsKey);
    } else if (k instanceof Double d) {
      sorter.insertDouble(d, valueIsKey ? null : t._2(), valueIsKey);
    } else {
      sorter.insert(t);
    }
  }
}
