package io.kindling.engine.sql.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.LongVector;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Sorting with and without spills against Java's sort (nulls first ascending, last descending). */
class ExternalSorterPropertyTest {

  private static List<Long> sort(List<Long> values, boolean ascending, long spillRows) {
    boolean[] nullsFirst = {ascending};
    ExternalSorter sorter = new ExternalSorter(List.of(DataTypes.LongType), b -> new ColumnVector[] {b.column(0)},
        new KeyComparator(new boolean[] {ascending}, nullsFirst), spillRows, 3);
    try (sorter) {
      for (int from = 0; from < values.size(); from += 4) {
        int to = Math.min(values.size(), from + 4);
        long[] v = new long[to - from];
        boolean[] nulls = new boolean[to - from];
        for (int i = from; i < to; i++) {
          nulls[i - from] = values.get(i) == null;
          v[i - from] = nulls[i - from] ? 0 : values.get(i);
        }
        sorter.add(new ColumnBatch(new ColumnVector[] {new LongVector(v, nulls, to - from)}, to - from));
      }
      if (spillRows < values.size()) {
        assertThat(sorter.spilledRuns()).isPositive();
      }
      List<Long> out = new ArrayList<>();
      Iterator<ColumnBatch> it = sorter.sorted();
      while (it.hasNext()) {
        ColumnBatch b = it.next();
        for (int i = 0; i < b.numRows(); i++) {
          out.add((Long) b.column(0).get(i));
        }
      }
      return out;
    }
  }

  @Property(tries = 150)
  void sorted_withSpills_equalsJavaSort(@ForAll @Size(max = 200) List<@IntRange(min = -50, max = 50) Integer> raw,
      @ForAll boolean ascending, @ForAll @IntRange(min = 1, max = 40) int spillRows) {
    List<Long> values = new ArrayList<>();
    for (Integer x : raw) {
      values.add(x == null || x % 11 == 0 ? null : (long) x);
    }
    List<Long> expected = new ArrayList<>(values);
    Comparator<Long> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
    expected.sort(ascending ? Comparator.nullsFirst(natural) : Comparator.nullsLast(natural));
    assertThat(sort(values, ascending, spillRows)).isEqualTo(expected);
    assertThat(sort(values, ascending, Long.MAX_VALUE)).isEqualTo(expected);
  }
}
