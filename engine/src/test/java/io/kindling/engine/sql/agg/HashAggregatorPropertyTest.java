package io.kindling.engine.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.kindling.engine.sql.vector.ColumnBatch;
import io.kindling.engine.sql.vector.ColumnVector;
import io.kindling.engine.sql.vector.DoubleVector;
import io.kindling.engine.sql.vector.IntVector;
import io.kindling.engine.sql.vector.StringVector;
import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.internal.sql.expr.AttributeRef;
import io.kindling.sql.types.DataType;
import io.kindling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Hash aggregation against a plain-Java reference, in one pass and split into partial and final halves. */
class HashAggregatorPropertyTest {
  private static final AttributeRef V = AttributeRef.of("v", DataTypes.DoubleType, true);

  private static List<AggFunction> functions() {
    return List.of(AggFunctions.create(new AggregateCall("sum", List.of(V), false, DataTypes.DoubleType)),
        AggFunctions.create(new AggregateCall("count", List.of(V), false, DataTypes.LongType)),
        AggFunctions.create(new AggregateCall("min", List.of(V), false, DataTypes.DoubleType)),
        AggFunctions.create(new AggregateCall("avg", List.of(V), false, DataTypes.DoubleType)));
  }

  /** Per key: sum, count, min (nulls skipped); Integer.MIN_VALUE stands for the null key. */
  private static Map<Integer, double[]> reference(List<Integer> keys, List<Integer> values) {
    Map<Integer, double[]> ref = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Integer k = keys.get(i);
      double[] acc = ref.computeIfAbsent(k == null ? Integer.MIN_VALUE : k, x -> new double[] {0, 0, Double.POSITIVE_INFINITY});
      Integer v = values.get(i);
      if (v != null) {
        acc[0] += v;
        acc[1] += 1;
        acc[2] = Math.min(acc[2], v);
      }
    }
    return ref;
  }

  private static ColumnVector keyVector(List<Integer> keys, int from, int to) {
    int n = to - from;
    int[] k = new int[n];
    boolean[] nulls = new boolean[n];
    for (int i = from; i < to; i++) {
      Integer x = keys.get(i);
      nulls[i - from] = x == null;
      k[i - from] = x == null ? 0 : x;
    }
    return new IntVector(k, nulls, n);
  }

  private static ColumnVector valueVector(List<Integer> values, int from, int to) {
    int n = to - from;
    double[] v = new double[n];
    boolean[] nulls = new boolean[n];
    for (int i = from; i < to; i++) {
      Integer x = values.get(i);
      nulls[i - from] = x == null;
      v[i - from] = x == null ? 0 : x;
    }
    return new DoubleVector(v, nulls, n);
  }

  private static void feed(HashAggregator agg, List<Integer> keys, List<Integer> values, int from, int to) {
    for (int start = from; start < to; start += 7) {
      int end = Math.min(to, start + 7);
      ColumnVector v = valueVector(values, start, end);
      agg.update(new ColumnVector[] {keyVector(keys, start, end)}, new ColumnVector[][] {{v}, {v}, {v}, {v}},
          end - start);
    }
  }

  private static void check(Iterator<ColumnBatch> out, Map<Integer, double[]> ref) {
    int groups = 0;
    while (out.hasNext()) {
      ColumnBatch b = out.next();
      for (int i = 0; i < b.numRows(); i++) {
        groups++;
        int key = b.column(0).isNull(i) ? Integer.MIN_VALUE : ((IntVector) b.column(0)).getInt(i);
        double[] expected = ref.get(key);
        long count = (Long) b.column(2).get(i);
        assertThat(count).isEqualTo((long) expected[1]);
        if (count == 0) {
          assertThat(b.column(1).isNull(i)).isTrue();
          assertThat(b.column(3).isNull(i)).isTrue();
          assertThat(b.column(4).isNull(i)).isTrue();
        } else {
          assertThat((Double) b.column(1).get(i)).isEqualTo(expected[0]);
          assertThat((Double) b.column(3).get(i)).isEqualTo(expected[2]);
          assertThat((Double) b.column(4).get(i)).isCloseTo(expected[0] / expected[1],
              org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
    assertThat(groups).isEqualTo(ref.size());
  }

  @Property(tries = 200)
  void aggregate_randomKeysAndValuesWithNulls_matchesReference(
      @ForAll @Size(max = 300) List<@IntRange(min = -20, max = 20) Integer> raw) {
    List<Integer> keys = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Integer x = raw.get(i);
      keys.add(x == null || x % 5 == 0 ? null : x % 7);
      values.add(x == null || x % 3 == 0 ? null : x);
    }
    List<DataType> keyTypes = List.of(DataTypes.IntegerType);
    Map<Integer, double[]> ref = reference(keys, values);

    HashAggregator complete = new HashAggregator(keyTypes, functions());
    feed(complete, keys, values, 0, keys.size());
    check(complete.output(false, 5), ref);

    int mid = keys.size() / 2;
    HashAggregator p1 = new HashAggregator(keyTypes, functions());
    HashAggregator p2 = new HashAggregator(keyTypes, functions());
    feed(p1, keys, values, 0, mid);
    feed(p2, keys, values, mid, keys.size());
    HashAggregator fin = new HashAggregator(keyTypes, functions());
    for (HashAggregator p : List.of(p1, p2)) {
      Iterator<ColumnBatch> partial = p.output(true, 3);
      while (partial.hasNext()) {
        fin.merge(partial.next(), 1);
      }
    }
    check(fin.output(false, 4), ref);
  }

  @Test
  void stringKeys_dictionaryAndPlainBatches_landInTheSameGroups() {
    List<AggFunction> count = List.of(AggFunctions.create(
        new AggregateCall("count", List.of(V), false, DataTypes.LongType)));
    HashAggregator agg = new HashAggregator(List.of(DataTypes.StringType), count);
    ColumnVector ones = new DoubleVector(new double[] {1, 1, 1}, null, 3);
    agg.update(new ColumnVector[] {StringVector.dictionary(new String[] {"a", "b"}, new int[] {0, 1, 0}, null, 3)},
        new ColumnVector[][] {{ones}}, 3);
    agg.update(new ColumnVector[] {StringVector.of(new String[] {"b", null, "c"}, 3)}, new ColumnVector[][] {{ones}},
        3);
    ColumnBatch out = agg.output(false, 10).next();
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < out.numRows(); i++) {
      counts.put((String) out.column(0).get(i), (Long) out.column(1).get(i));
    }
    assertThat(counts).containsEntry("a", 2L).containsEntry("b", 2L).containsEntry("c", 1L).containsEntry(null, 1L);
  }

  @Test
  void globalAggregate_noInput_stillOneGroup() {
    HashAggregator agg = new HashAggregator(List.of(), functions());
    ColumnBatch out = agg.output(false, 10).next();
    assertThat(out.numRows()).isEqualTo(1);
    assertThat(out.column(1).get(0)).isEqualTo(0L);
    assertThat(out.column(0).isNull(0)).isTrue();
  }
}
