package io.kindling.shuffle.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kindling.KindlingException;
import io.kindling.Tuple2;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

  record Point(int x, double y, String label) {}

  record Nested(Point point, List<Point> more, Optional<String> note) {}

  /** A plain class without a no-argument constructor. */
  static final class Account {
    private final String id;
    private final long cents;

    Account(String id, long cents) {
      this.id = id;
      this.cents = cents;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.id.equals(id) && a.cents == cents;
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  /** Holds a thread: not plain data. */
  static final class HoldsThread {
    final Thread thread = new Thread(() -> {});
  }

  private static Object roundTrip(Object value) {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    s.write(out, value, "value");
    s.write(out, value, "value");
    Input in = new Input(out.getBuffer(), 0, out.position());
    Object first = s.read(in);
    Object second = s.read(in);
    assertThat(second).isEqualTo(first);
    assertThat(in.end()).isTrue();
    return first;
  }

  @Test
  void roundTrip_primitivesAndStrings() {
    for (Object v : List.of(1, 2L, 3.5, 4.5f, true, 'c', "text", "", (short) 7, (byte) 8,
        new BigDecimal("1.25"), LocalDate.of(2024, 5, 29))) {
      assertThat(roundTrip(v)).isEqualTo(v);
    }
    assertThat(roundTrip(null)).isNull();
  }

  @Test
  void roundTrip_tuplesRecordsAndClassesWithoutNoArgConstructor() {
    Tuple2<String, Tuple2<Integer, Long>> nested = Tuple2.of("a", Tuple2.of(1, null));
    assertThat(roundTrip(nested)).isEqualTo(nested);
    Nested n = new Nested(new Point(1, 2.5, "p"), List.of(new Point(3, 4, null)), Optional.of("x"));
    assertThat(roundTrip(n)).isEqualTo(n);
    assertThat(roundTrip(new Account("acc", 1234))).isEqualTo(new Account("acc", 1234));
  }

  @Test
  void roundTrip_javaUtilCollectionsAndOptional() {
    List<Object> values = new ArrayList<>();
    values.add(new ArrayList<>(List.of(1, 2, 3)));
    values.add(List.of("a", "b"));
    values.add(List.of());
    values.add(Set.of(1));
    values.add(Map.of("k", 1, "j", 2));
    values.add(Arrays.asList("x", null));
    values.add(Collections.singletonList(5));
    values.add(Collections.emptyMap());
    values.add(Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))));
    values.add(new HashMap<>(Map.of(1, "one")));
    values.add(new LinkedHashMap<>(Map.of(2, "two")));
    values.add(new TreeMap<>(Map.of(3, "three")));
    values.add(Optional.empty());
    values.add(Optional.of(List.of(1)));
    values.add(new int[] {1, 2});
    values.add(new String[] {"s"});
    for (Object v : values) {
      Object back = roundTrip(v);
      if (v instanceof int[] ints) {
        assertThat((int[]) back).containsExactly(ints);
      } else if (v instanceof Object[] objects) {
        assertThat((Object[]) back).containsExactly(objects);
      } else {
        assertThat(back).as(v.getClass().getName()).isEqualTo(v);
      }
    }
  }

  @Test
  void sharedAndCyclicGraphs_keepTheirShape() {
    List<Object> shared = new ArrayList<>(List.of("s"));
    List<Object> outer = new ArrayList<>();
    outer.add(shared);
    outer.add(shared);
    outer.add(outer);
    @SuppressWarnings("unchecked")
    List<Object> back = (List<Object>) roundTripOnce(outer);
    assertThat(back.get(0)).isSameAs(back.get(1));
    assertThat(back.get(2)).isSameAs(back);
  }

  private static Object roundTripOnce(Object value) {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    s.write(out, value, "value");
    return s.read(new Input(out.getBuffer(), 0, out.position()));
  }

  @Test
  void unserializableRecord_failsNamingItsClass() {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(256, -1);
    assertThatThrownBy(() -> s.writePair(out, "key", new HoldsThread()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("value of class " + HoldsThread.class.getName());
    assertThatThrownBy(() -> s.writePair(out, new ReentrantLockHolder(), 1))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("key of class " + ReentrantLockHolder.class.getName());
  }

  static final class ReentrantLockHolder {
    final ReentrantLock lock = new ReentrantLock();
    final Thread owner = Thread.currentThread();
  }

  private static Object[] recordRoundTrip(Object key, Object value) {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(64, -1);
    s.writeRecord(out, key, value);
    s.writeRecord(out, "next", 1);
    Input in = new Input(out.getBuffer(), 0, out.position());
    Object[] pair = new Object[2];
    s.readRecord(in, pair);
    Object[] next = new Object[2];
    s.readRecord(in, next);
    assertThat(next).containsExactly("next", 1);
    assertThat(in.end()).isTrue();
    return pair;
  }

  @Test
  void records_roundTrip_everyTag() {
    List<Object> values = new ArrayList<>(List.of(0L, -1L, 1L << 55, -(1L << 55), 1L << 56, Long.MIN_VALUE,
        Long.MAX_VALUE, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 0.0, -0.0, Double.NaN,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, "", "text", "\u00e9\u4e2d\ud83d\ude00",
        new Point(1, 2.5, "p"), List.of(1, 2), 3.5f, (short) 4));
    values.add(null);
    for (Object k : values) {
      for (Object v : values) {
        Object[] back = recordRoundTrip(k, v);
        assertThat(back[0]).isEqualTo(k);
        assertThat(back[1]).isEqualTo(v);
      }
    }
    Object[] nanBits = recordRoundTrip(Double.longBitsToDouble(0x7ff0000000000123L), 1);
    assertThat(Double.doubleToRawLongBits((Double) nanBits[0])).isEqualTo(0x7ff0000000000123L);
  }

  @Test
  void record_valueThatIsItsImmutableKey_isWrittenOnce_andReadAsTheKey() {
    RecordSerializer s = RecordSerializer.forThread();
    Long key = 1L << 60;
    Output same = new Output(64, -1);
    s.writeRecord(same, key, key);
    Output equal = new Output(64, -1);
    s.writeRecord(equal, key, Long.valueOf(1L << 60));
    assertThat(same.position()).isLessThan(equal.position());
    Object[] pair = new Object[2];
    s.readRecord(new Input(same.getBuffer(), 0, same.position()), pair);
    assertThat(pair[0]).isEqualTo(key);
    assertThat(pair[1]).isSameAs(pair[0]);
  }

  @Test
  void record_valueThatIsItsMutableKey_comesBackAsTwoCopies() {
    List<Integer> key = new ArrayList<>(List.of(1, 2));
    Object[] pair = recordRoundTrip(key, key);
    assertThat(pair[0]).isEqualTo(key);
    assertThat(pair[1]).isEqualTo(key).isNotSameAs(pair[0]);
  }

  @Test
  void record_primitiveKeys_readWithoutBoxing() {
    RecordSerializer s = RecordSerializer.forThread();
    Output out = new Output(64, -1);
    s.writeRecord(out, Long.MIN_VALUE, null);
    s.writeRecord(out, -7, null);
    s.writeRecord(out, -0.0, null);
    Input in = new Input(out.getBuffer(), 0, out.position());
    long[] expected = {Long.MIN_VALUE, -7, Double.doubleToRawLongBits(-0.0)};
    for (long e : expected) {
      int header = s.readHeader(in);
      assertThat(RecordSerializer.valueTag(header)).isEqualTo(RecordSerializer.NULL);
      assertThat(s.readPrimitive(in, RecordSerializer.keyTag(header))).isEqualTo(e);
    }
  }

  @Test
  void record_unknownTag_failsAsCorrupt() {
    RecordSerializer s = RecordSerializer.forThread();
    Input in = new Input(new byte[] {(byte) 0xF1});
    assertThatThrownBy(() -> s.readRecord(in, new Object[2]))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("unknown tag 15");
  }

  @Test
  void record_unserializableValue_failsNamingItsClass() {
    RecordSerializer s = RecordSerializer.forThread();
    assertThatThrownBy(() -> s.writeRecord(new Output(64, -1), 1L, new HoldsThread()))
        .isInstanceOf(KindlingException.class)
        .hasMessageContaining("value of class " + HoldsThread.class.getName());
  }
}
